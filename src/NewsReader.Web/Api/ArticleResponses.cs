using NewsReader.Core.Articles;
using NewsReader.Core.Text;
using NewsReader.Data.Articles;

namespace NewsReader.Web.Api;

public sealed record ArticleSummaryResponse(
    int Id, string Title, string Language, string Direction, string Source, DateTimeOffset PublishedAt)
{
    public static ArticleSummaryResponse From(ArticleSummary a) =>
        new(a.Id, a.Title, a.Language, a.Direction.ToHtml(), a.Source, a.PublishedAt);
}

public sealed record ArticleResponse(
    int Id, string Title, string Language, string Direction, string Source, DateTimeOffset PublishedAt, string Body)
{
    public static ArticleResponse From(Article a) =>
        new(a.Id, a.Title, a.Language, a.Direction.ToHtml(), a.Source, a.PublishedAt, a.Body);
}
