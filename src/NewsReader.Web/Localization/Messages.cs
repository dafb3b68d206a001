using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace NewsReader.Web.Localization;

/// <summary>Messages made in English where no localizer reaches (Core's validation, Identity, problem details) put into
/// the reader's language at the edge: an entry whose key is the whole message, or an entry whose key is the message's
/// template (<c>There is no article with id '{0}'.</c>), whose values are carried over.</summary>
internal static partial class Messages
{
    /// <summary>A template matches a message by its words: one that is mostly placeholders (<c>{0} in {1}</c>) would
    /// match unrelated messages, so it is kept for the interface's own use.</summary>
    private const int MinimumLiteralLength = 16;

    private static readonly ConcurrentDictionary<string, Template[]> Templates = new(StringComparer.Ordinal);

    public static string Translate(this IStringLocalizer localizer, string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return message ?? "";
        }

        var whole = localizer[message];
        if (!whole.ResourceNotFound)
        {
            return whole.Value;
        }

        var templates = Templates.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Read(localizer));
        foreach (var template in templates)
        {
            if (template.Pattern.Match(message) is { Success: true } match)
            {
                var values = match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value).ToArray();
                return string.Format(CultureInfo.CurrentCulture, template.Translation, values);
            }
        }

        return message;
    }

    private static Template[] Read(IStringLocalizer localizer)
    {
        try
        {
            return ReadTemplates(localizer);
        }
        catch (MissingManifestResourceException)
        {
            return []; // English, the language of the code, has no resource file.
        }
    }

    private static Template[] ReadTemplates(IStringLocalizer localizer) =>
        [.. localizer.GetAllStrings(includeParentCultures: false)
            .Where(entry => Placeholder().IsMatch(entry.Name) && !entry.Name.Contains('#', StringComparison.Ordinal)
                && Placeholder().Replace(entry.Name, "").Length >= MinimumLiteralLength)
            .Select(entry => new Template(
                new Regex("^" + Placeholder().Replace(Regex.Escape(entry.Name).Replace(@"\{", "{", StringComparison.Ordinal), "(.+?)") + "$",
                    RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)),
                entry.Value))];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private sealed record Template(Regex Pattern, string Translation);
}
