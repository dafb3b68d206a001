using NewsReader.Data.Accounts;
using NewsReader.Data.Telemetry;
using NewsReader.Web.Api;
using OpenTelemetry.Metrics;

namespace NewsReader.Web.Hosting;

/// <summary>What the server is doing, for Prometheus at <c>/metrics</c>: requests and connections (ASP.NET Core, Kestrel),
/// circuits, EF Core, the runtime (the GC heap among them) and the app's own (<see cref="NewsReaderMetrics"/>). Open
/// to Editors and to the addresses in <c>NewsReader:MetricsAllowedNetworks</c> (a scraper on the private network).</summary>
internal static class MetricsHosting
{
    private const string Policy = "metrics";

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.EntityFrameworkCore", "System.Runtime", NewsReaderMetrics.MeterName,
    ];

    public static void AddNewsReaderMetrics(this WebApplicationBuilder builder)
    {
        var networks = AddressSettings.Networks(builder.Configuration, "NewsReader:MetricsAllowedNetworks");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(ReaderRoles.Editor)
            || (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } address
                && networks.Exists(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))));
    }

    public static void MapNewsReaderMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policy);

        // The load tool's measure of memory per open page: the heap after a full, compacting collection. The heap
        // gauge of /metrics reports the last collection, whichever generation it was. A collection pauses the
        // server, so only those who may read the metrics may ask for one, and a cookie needs the antiforgery token.
        app.MapGroup("/metrics").RequireAuthorization(Policy).WithApiWriteRules().MapPost("/gc", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return TypedResults.Ok(new HeapReport(GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet));
        }).ExcludeFromDescription();
    }
}

/// <summary>The managed heap and the process's working set, in bytes, after a full collection.</summary>
public sealed record HeapReport(long HeapBytes, long WorkingSetBytes);
