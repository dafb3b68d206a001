using NewsReader.Core.Articles;
using NewsReader.Core.Text;
using NewsReader.Data.Articles;

namespace NewsReader.Web.Api;

/// <summary>An article in a list; <c>isRead</c> and <c>isSaved</c> are the signed-in reader's (false when anonymous).</summary>
public sealed record ArticleSummaryResponse(
    int Id, string Title, string Language, string Direction, string Source, DateTimeOffset PublishedAt, bool IsRead, bool IsSaved)
{
    public static ArticleSummaryResponse From(ArticleSummary a) =>
        new(a.Id, a.Title, a.Language, a.Direction.ToHtml(), a.Source, a.PublishedAt, a.IsRead, a.IsSaved);
}

/// <summary>A page of articles; <c>next</c> is an opaque cursor for <c>before=</c>, null on the last page.</summary>
public sealed record ArticlePageResponse(IReadOnlyList<ArticleSummaryResponse> Items, string? Next)
{
    public static ArticlePageResponse From(ArticlePage page) =>
        new(page.Items.Select(ArticleSummaryResponse.From).ToList(), page.Next?.Encode());
}

public sealed record ArticleResponse(
    int Id, string Title, string Language, string Direction, string Source, DateTimeOffset PublishedAt, string Body)
{
    public static ArticleResponse From(Article a) =>
        new(a.Id, a.Title, a.Language, a.Direction.ToHtml(), a.Source, a.PublishedAt, a.Body);
}
