using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using NewsReader.Data;
using NewsReader.Web.Instances;

namespace NewsReader.Web.Hosting;

/// <summary>What lets several instances serve one database behind a reverse proxy (docs/deployment.md): the keys that
/// protect cookies and tokens in the database, so that every instance accepts what any issued; the messages between
/// instances; and the client's address and scheme as the configured proxies forward them.</summary>
internal static class InstancesHosting
{
    public static void AddNewsReaderInstances(this WebApplicationBuilder builder, bool run)
    {
        builder.Services.AddDataProtection().SetApplicationName("NewsReader").PersistKeysToDbContext<NewsReaderDbContext>();
        if (run)
        {
            builder.Services.AddHostedService<NotificationListener>();
        }

        var proxies = AddressSettings.Addresses(builder.Configuration, "NewsReader:KnownProxies");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the nearest proxy is believed, and only if it is loopback (the default) or configured.
            options.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
    }

    /// <summary>Before anything reads the client's address (rate limits, logs) or scheme (Secure cookies).</summary>
    public static void UseNewsReaderForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();
}
