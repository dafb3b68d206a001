using System.Security.Cryptography;
using System.Text;
using NewsReader.Core.Text;

namespace NewsReader.Core.Articles;

/// <summary>An article on its way in: what an importer read, before it is stored.</summary>
public sealed record ArticleDraft(
    string SourceKey,
    string Title,
    string Body,
    string Language,
    string Source,
    string? Dateline,
    DateTimeOffset PublishedAt,
    TextDirection? Direction = null)
{
    public const int MaxTitleLength = 500;
    public const int MaxSourceLength = 200;
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>False when nothing gave a publication date and <see cref="PublishedAt"/> is only when the article arrived.</summary>
    public bool DateKnown { get; init; } = true;

    /// <summary>The feed the article came from, if a subscription brought it.</summary>
    public int? FeedId { get; init; }

    /// <summary>The version of the stored article an edit was made from; null for imports, which follow their source.</summary>
    public int? BasedOnVersion { get; init; }

    /// <summary>The direction given, or the one the language's script implies.</summary>
    public TextDirection ResolvedDirection => Direction ?? TextDirections.ForLanguage(Language, Body);

    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));

    public string NormalizedHash => HashOfNormalized(Body);

    /// <summary>See <see cref="Article.NormalizedHash"/>.</summary>
    public static string HashOfNormalized(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = ArabicNormalizer.Fold(body).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))));
    }

    /// <summary>Problems that keep this draft from being stored; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(SourceKey, "source key", 200, problems);
        Require(Title, "title", MaxTitleLength, problems);
        Require(Source, "source", MaxSourceLength, problems);
        Require(Language, "language", 35, problems);
        if (string.IsNullOrWhiteSpace(Body))
        {
            problems.Add("The body is empty.");
        }
        else if (Encoding.UTF8.GetByteCount(Body) > MaxBodyBytes)
        {
            problems.Add($"The body is larger than {MaxBodyBytes / 1024} KiB.");
        }
        else if (ControlCharacters.FirstIn(Body, allowLineBreaks: true) is { } control)
        {
            problems.Add($"The body contains a control character ({control}), which text does not.");
        }

        foreach (var (value, name) in new[] { (Title, "title"), (Source, "source"), (Dateline, "dateline") })
        {
            if (ControlCharacters.FirstIn(value, allowLineBreaks: false) is { } inLine)
            {
                problems.Add($"The {name} contains a control character ({inLine}).");
            }
        }

        return problems;
    }

    private static void Require(string? value, string name, int maxLength, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"The {name} is empty.");
        }
        else if (value.Length > maxLength)
        {
            problems.Add($"The {name} is longer than {maxLength} characters.");
        }
    }
}
