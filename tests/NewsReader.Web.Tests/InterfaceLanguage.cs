using System.Globalization;

namespace NewsReader.Web.Tests;

/// <summary>Runs the rest of a test in one interface language, as the localization middleware would set it for a
/// request, and puts the thread's cultures back after.</summary>
public sealed class InterfaceLanguage : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public InterfaceLanguage(string language) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
}
