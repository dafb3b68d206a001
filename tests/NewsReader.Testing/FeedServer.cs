using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsReader.Testing;

/// <summary>A web server of the tests' own (real Kestrel on a free loopback port) that serves feeds and pages as a test
/// sets them, counts the requests to each path, and answers a conditional GET with 304 when the ETag matches.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> notModified = new(StringComparer.Ordinal);
    private readonly WebApplication app;

    private FeedServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            server.requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (server.routes.TryGetValue(path, out var handler))
            {
                await handler(http);
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>How many requests reached the path, and how many of those got 304.</summary>
    public (int Requests, int NotModified) Count(string path) => (requests.GetValueOrDefault(path), notModified.GetValueOrDefault(path));

    public void Serve(string path, Func<HttpContext, Task> handler) => routes[path] = handler;

    /// <summary>Serves content with an ETag of its own; a request that sends that ETag gets 304 and no body.</summary>
    public void ServeFeed(string path, string content, string contentType = "application/rss+xml; charset=utf-8") =>
        ServeFeed(path, System.Text.Encoding.UTF8.GetBytes(content), contentType);

    public void ServeFeed(string path, byte[] content, string contentType)
    {
        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16]}\"";
        Serve(path, async http =>
        {
            if (http.Request.Headers.IfNoneMatch == etag)
            {
                notModified.AddOrUpdate(path, 1, (_, n) => n + 1);
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            http.Response.Headers.ETag = etag;
            http.Response.ContentType = contentType;
            await http.Response.Body.WriteAsync(content);
        });
    }

    public void ServeStatus(string path, int status, string? retryAfter = null) => Serve(path, http =>
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    });

    /// <summary>An RSS 2.0 feed with these items (title, link, text), newest first.</summary>
    public static string Rss(string title, params (string Title, string Link, string Text)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>{WebUtility.HtmlEncode(title)}</title><link>https://wire.example/</link>
        {string.Concat(items.Select((i, n) => $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{WebUtility.HtmlEncode(i.Link)}</link><pubDate>{new DateTimeOffset(2016, 12, 1, 9, 0, 0, TimeSpan.Zero).AddHours(items.Length - n):R}</pubDate><description>{WebUtility.HtmlEncode(i.Text)}</description></item>"))}
        </channel></rss>
        """;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
