namespace NewsReader.Core.Text;

/// <summary>A run of a stored text, in UTF-16 code units: the project's single coordinate system.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}
