using NewsReader.Web.Health;

namespace NewsReader.Web.Hosting;

/// <summary>Health for load balancers and orchestrators. The app listens only once start-up (migrations, gazetteer,
/// seeds) is done, so an instance that answers has started; after that, <c>/healthz/live</c> says the process serves
/// (restart it if not) and <c>/healthz/ready</c> that it can also reach its database (send it readers).</summary>
internal static class HealthHosting
{
    private const string Ready = "ready";

    public static void AddNewsReaderHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);

    public static void MapNewsReaderHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new() { Predicate = check => check.Tags.Contains(Ready) });
    }
}
