using NewsReader.Core.Articles;

namespace NewsReader.Data.Articles;

/// <summary>A page of the front page: newest first, after <see cref="Before"/>, with filters (a source's name, or the
/// feed subscription that brought the articles). <see cref="From"/> and
/// <see cref="To"/> are whole days (UTC), both included. <see cref="Unread"/> and <see cref="Saved"/> need
/// <see cref="ReaderId"/>, whose reading state also marks the items.</summary>
public sealed record ArticleQuery(
    string? Source = null,
    string? Language = null,
    string? EntityKey = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool Unread = false,
    bool Saved = false,
    string? ReaderId = null,
    ArticleCursor? Before = null,
    int PageSize = ArticleQuery.DefaultPageSize,
    int? FeedId = null)
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    /// <summary>What is wrong with the query, in words for a reader; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PageSize is < 1 or > MaxPageSize)
        {
            problems.Add($"A page holds from 1 to {MaxPageSize} articles.");
        }

        if (From is { } from && To is { } to && from > to)
        {
            problems.Add("The first day comes after the last.");
        }

        if ((Unread || Saved) && ReaderId is null)
        {
            problems.Add("Sign in to see what you have not read or have saved.");
        }

        if (Source is { Length: > ArticleDraft.MaxSourceLength } || Language is { Length: > 35 } || EntityKey is { Length: > 100 })
        {
            problems.Add("A filter is longer than any source, language or entity.");
        }

        return problems;
    }

    /// <summary>The first instant of <see cref="From"/>, and the first instant after <see cref="To"/>.</summary>
    internal (DateTimeOffset? Start, DateTimeOffset? End) Instants() => (
        From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
}

/// <summary>A page of articles and the cursor of the next one (null on the last page).</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, ArticleCursor? Next);
