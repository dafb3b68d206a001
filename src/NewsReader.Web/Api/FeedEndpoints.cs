using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Core.Subscriptions;
using NewsReader.Data.Subscriptions;
using NewsReader.Web.Accounts;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Api;

/// <summary>Feed subscriptions: anyone lists them, Editors add, change, refresh and remove them, and trade them as OPML.</summary>
internal static class FeedEndpoints
{
    /// <summary>A form's boundaries and part headers around an uploaded OPML file.</summary>
    private const int FormOverheadBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/feeds").WithTags("Feeds");
        feeds.MapGet("/", ListAsync).WithName("ListFeeds").WithSummary("The subscriptions, with their state and the reader's unread counts");
        feeds.MapGet("/opml", ExportAsync).WithName("ExportFeeds").WithSummary("The subscriptions as an OPML 2.0 file");
        var editors = feeds.MapGroup("").RequireAuthorization(AccountHosting.EditorPolicy).RequireRateLimiting(SecurityHosting.WritePolicy)
            .WithApiWriteRules();
        editors.MapPost("/", AddAsync).WithName("AddFeed").WithSummary("Subscribes to a feed, or to the feed a page links to");
        editors.MapPut("/{id:int}", UpdateAsync).WithName("UpdateFeed").WithSummary("Changes a feed's title, interval or full-text option");
        editors.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteFeed").WithSummary("Unsubscribes; the feed's articles stay");
        editors.MapPost("/{id:int}/refresh", RefreshAsync).WithName("RefreshFeed").WithSummary("Polls a feed now");
        editors.MapPost("/opml", ImportAsync).WithName("ImportFeeds").WithSummary("Subscribes to the feeds of an OPML file").DisableAntiforgery()
            .WithMetadata(new TakesFiles())
            .WithBodyLimit(Opml.MaxBytes + FormOverheadBytes);
        return app;
    }

    private static async Task<Ok<IEnumerable<FeedResponse>>> ListAsync(ClaimsPrincipal user, FeedStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(user.ReaderId(), cancellationToken)).Select(FeedResponse.From));

    private static async Task<Results<Created<FeedResponse>, ProblemHttpResult>> AddAsync(FeedRequest? request, FeedStore store, CancellationToken cancellationToken)
    {
        var (feed, problem) = await store.AddAsync(request ?? new FeedRequest(null), cancellationToken);
        return feed is null
            ? Problems.BadRequest("Not subscribed", problem!)
            : TypedResults.Created($"/api/feeds/{feed.Id}", FeedResponse.From(new FeedView(feed, 0)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(int id, FeedRequest? request, FeedStore store, CancellationToken cancellationToken)
    {
        var (found, problem) = await store.UpdateAsync(id, request ?? new FeedRequest(null), cancellationToken);
        return !found ? FeedNotFound(id) : problem is not null ? Problems.BadRequest("Not changed", problem) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, FeedStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : FeedNotFound(id);

    private static async Task<Results<Accepted, ProblemHttpResult>> RefreshAsync(int id, FeedStore store, CancellationToken cancellationToken) =>
        await store.RefreshAsync(id, cancellationToken) ? TypedResults.Accepted($"/api/feeds/{id}") : FeedNotFound(id);

    private static async Task<FileContentHttpResult> ExportAsync(FeedStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var opml = Opml.Write("NewsReader subscriptions", await store.OutlinesAsync(cancellationToken), clock.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(opml), "text/x-opml; charset=utf-8", "newsreader-feeds.opml");
    }

    /// <summary>An OPML file, as the request body or as the first file of a form.</summary>
    private static async Task<Results<Ok<OpmlImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, FeedStore store, CancellationToken cancellationToken)
    {
        var body = request.HasFormContentType && (await request.ReadFormAsync(cancellationToken)).Files is [var file, ..]
            ? file.OpenReadStream()
            : request.Body;
        using var reader = new StreamReader(body);
        var buffer = new char[Opml.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > Opml.MaxBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large", detail: $"An OPML file may have at most {Opml.MaxBytes / 1024} KiB.");
        }

        IReadOnlyList<OpmlOutline> outlines;
        try
        {
            outlines = Opml.Read(new string(buffer, 0, read));
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest("Not an OPML file", e.Message);
        }

        var (added, existing, problems) = await store.ImportAsync(outlines, cancellationToken);
        return TypedResults.Ok(new OpmlImportResponse(added, existing, problems));
    }

    private static ProblemHttpResult FeedNotFound(int id) => Problems.NotFound("Feed not found", $"There is no feed with id {id}.");
}

/// <summary>A subscription as the API shows it; <c>unread</c> is the signed-in reader's.</summary>
internal sealed record FeedResponse(
    int Id, string Url, string? SiteUrl, string Title, int IntervalMinutes, bool FetchFullText, DateTimeOffset? LastCheckedAt,
    DateTimeOffset? LastNewArticleAt, DateTimeOffset NextCheckAt, int ArticleCount, int Unread, string? LastError)
{
    public static FeedResponse From(FeedView view)
    {
        var f = view.Feed;
        return new(f.Id, f.Url, f.SiteUrl, f.Title, f.IntervalMinutes, f.FetchFullText, f.LastCheckedAt, f.LastNewArticleAt, f.NextCheckAt,
            f.ArticleCount, view.Unread, f.LastError);
    }
}

internal sealed record OpmlImportResponse(int Added, int Existing, IReadOnlyList<string> Problems);
