namespace NewsReader.Web.Hosting;

/// <summary>The JSON API described for its clients at <c>/openapi/v1.json</c>: every route named and summarized where it
/// is mapped, with its typed results and their problem responses.</summary>
internal static class OpenApiHosting
{
    public static void AddNewsReaderOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "NewsReader API";
            document.Info.Description = "Articles, entities, search, W3C Web Annotations, feeds and accounts. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));

    public static void MapNewsReaderOpenApi(this WebApplication app) => app.MapOpenApi();
}
