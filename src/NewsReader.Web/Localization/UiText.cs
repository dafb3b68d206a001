namespace NewsReader.Web.Localization;

/// <summary>The interface's text. The key of each string is its English text, so English needs no resource file;
/// <c>UiText.ar.resx</c> holds the Arabic, and another language is another <c>UiText.{language}.resx</c>.</summary>
#pragma warning disable CA1812 // A marker for IStringLocalizer<UiText>, never instantiated.
internal sealed class UiText;
#pragma warning restore CA1812
