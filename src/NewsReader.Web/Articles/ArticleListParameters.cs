using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NewsReader.Core.Articles;
using NewsReader.Data.Articles;
using NewsReader.Web.Places;

namespace NewsReader.Web.Articles;

/// <summary>The front page's and <c>GET /api/articles</c>'s parameters, as they stand in the address: one reading
/// of them for both, with the same messages, and the way back to an address for links (the next page, a filter).</summary>
public sealed record ArticleListParameters(
    string? PageSize = null,
    string? Before = null,
    string? Source = null,
    string? Language = null,
    string? Entity = null,
    string? From = null,
    string? To = null,
    string? Unread = null,
    string? Saved = null,
    string? Feed = null)
{
    /// <summary>Reads the parameters for a reader (null when anonymous); the problem, in words, when they are wrong.</summary>
    public (ArticleQuery? Query, string? Problem) Read(string? readerId)
    {
        var pageSize = ArticleQuery.DefaultPageSize;
        if (!string.IsNullOrEmpty(PageSize) && !int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize))
        {
            return (null, $"pageSize must be a number from 1 to {ArticleQuery.MaxPageSize}, not '{PageSize}'.");
        }

        ArticleCursor? before = null;
        if (!string.IsNullOrEmpty(Before))
        {
            if (!ArticleCursor.TryDecode(Before, out var cursor))
            {
                return (null, "The page's address is not one this app made (before is not a cursor). Start again from the first page.");
            }

            before = cursor;
        }

        if (!Days.TryRead(From, out var from) || !Days.TryRead(To, out var to))
        {
            return (null, $"Dates are days written 2016-12-01, not '{(Days.TryRead(From, out _) ? To : From)}'.");
        }

        if (!TryFlag(Unread, out var unread) || !TryFlag(Saved, out var saved))
        {
            return (null, "unread and saved are true or false.");
        }

        int? feed = null;
        if (!string.IsNullOrEmpty(Feed))
        {
            if (!int.TryParse(Feed, NumberStyles.None, CultureInfo.InvariantCulture, out var feedId))
            {
                return (null, $"feed is a feed's number, not '{Feed}'.");
            }

            feed = feedId;
        }

        var query = new ArticleQuery(Blank(Source), Blank(Language), Blank(Entity), from, to, unread, saved, readerId, before, pageSize, feed);
        return query.Validate() is [var problem, ..] ? (null, problem) : (query, null);
    }

    /// <summary>The address of this list with other parameters: <c>/?source=…&amp;before=…</c>.</summary>
    public string ToAddress(string path = "/")
    {
        var values = new Dictionary<string, string?>
        {
            ["feed"] = Blank(Feed),
            ["source"] = Blank(Source),
            ["language"] = Blank(Language),
            ["entity"] = Blank(Entity),
            ["from"] = Blank(From),
            ["to"] = Blank(To),
            ["unread"] = Unread == "true" ? "true" : null,
            ["saved"] = Saved == "true" ? "true" : null,
            ["before"] = Blank(Before),
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => v.Value is not null)!);
    }

    /// <summary>Whether any filter is set (the cursor is not a filter).</summary>
    public bool IsFiltered => this with { Before = null, PageSize = null } != new ArticleListParameters();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryFlag(string? text, out bool flag)
    {
        flag = false;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out flag);
    }
}
