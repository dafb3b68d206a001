using System.Globalization;
using NewsReader.Data.Entities;

namespace NewsReader.Web.Localization;

/// <summary>Entities named in the reader's language (حلب in the Arabic interface, Aleppo in the English one), with the
/// name in the other script beside it where it helps to recognise the entity.</summary>
internal static class EntityNames
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string Display(this EntitySummary entity) => In(entity.Names, entity.Name);

    public static string Display(this EntityDetails entity) => In(entity.Names, entity.Name);

    /// <summary>The description in the reader's language, else the English one.</summary>
    public static string? Described(this EntityDetails entity) => entity.Descriptions.GetValueOrDefault(Language) ?? entity.Description;

    /// <summary>The name a reader of the other script knows: the English name in Arabic, the Arabic one elsewhere.</summary>
    public static string? Other(this EntityDetails entity)
    {
        var other = Language == "ar" ? entity.Name : entity.Names.GetValueOrDefault("ar") ?? (entity.Spellings.Count > 0 ? entity.Spellings[0] : null);
        return other == entity.Display() ? null : other;
    }

    private static string In(IReadOnlyDictionary<string, string> names, string fallback) =>
        names.TryGetValue(Language, out var name) ? name : fallback;
}
