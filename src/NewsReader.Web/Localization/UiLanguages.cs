using System.Globalization;

namespace NewsReader.Web.Localization;

/// <summary>The interface languages: English, whose text is in the code, and every language that
/// <see cref="UiText"/> has a resource file for (found from the satellite assemblies beside the app).</summary>
internal static class UiLanguages
{
    /// <summary>The language of a first visit whose browser asks for none that the app speaks: NewsReader is Arabic first.</summary>
    public const string Default = "ar";

    public static IReadOnlyList<CultureInfo> All { get; } = Discover();

    public static bool IsSupported(string language) =>
        All.Any(culture => string.Equals(culture.Name, language, StringComparison.OrdinalIgnoreCase));

    private static List<CultureInfo> Discover()
    {
        var satellite = typeof(UiText).Assembly.GetName().Name + ".resources.dll";
        var translated = Directory.EnumerateDirectories(AppContext.BaseDirectory)
            .Where(folder => File.Exists(Path.Combine(folder, satellite)))
            .Select(folder => CultureInfo.GetCultureInfo(Path.GetFileName(folder)));
        return [.. translated.Append(CultureInfo.GetCultureInfo("en")).DistinctBy(c => c.Name).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }
}
