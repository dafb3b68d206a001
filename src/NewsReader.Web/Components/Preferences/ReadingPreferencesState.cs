namespace NewsReader.Web.Components.Preferences;

/// <summary>The reading preferences of one circuit, shared by the controls that change them and the
/// layout and reader that follow them.</summary>
public sealed class ReadingPreferencesState
{
    public ReadingPreferences Current { get; private set; } = ReadingPreferences.Default;

    public event Action? Changed;

    public void Set(ReadingPreferences preferences)
    {
        if (preferences == Current)
        {
            return;
        }

        Current = preferences;
        Changed?.Invoke();
    }
}
