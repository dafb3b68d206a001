using System.Net;
using System.Net.Http.Headers;

namespace NewsReader.Data.Subscriptions;

/// <summary>A failed fetch, in words for the Feeds page ("HTTP 500", "timed out"), with the pause the server asked for.</summary>
public sealed class FetchException(string words, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(words, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>What a fetch brought: 304 (not modified, no body) or 200 with the body, from its final address.</summary>
public sealed record FetchResponse(HttpStatusCode Status, byte[] Body, string? ContentType, Uri Url, string? ETag, string? LastModified);

/// <summary>Fetches a feed (or a page) the way a polite, careful client does: a conditional GET with the validators of
/// the last fetch, redirects followed by hand (at most 5, http and https only), a time limit, and the body read up to a
/// cap, counted on the stream (a server that says nothing of its length, or lies, gets no further). The client it is
/// given connects only to permitted hosts (<see cref="FeedHosts"/>).</summary>
public sealed class FeedFetcher(HttpClient http)
{
    public const int MaxRedirects = 5;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<FetchResponse> GetAsync(Uri url, string? etag, string? lastModified, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var time = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        time.CancelAfter(Timeout);
        try
        {
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                if (url.Scheme is not ("http" or "https"))
                {
                    throw new FetchException($"refused: {url.Scheme} is not http or https.");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
                if (hop == 0 && etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (hop == 0 && lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, time.Token);
                if ((int)response.StatusCode is >= 300 and < 400 and not 304 && response.Headers.Location is { } location)
                {
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResponse(HttpStatusCode.NotModified, [], null, url, etag, lastModified);
                }

                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    throw new FetchException($"HTTP {status}", status is 429 or 503 ? RetryAfter(response.Headers.RetryAfter) : null);
                }

                var body = await ReadAsync(response.Content, maxBytes, time.Token);
                return new FetchResponse(
                    response.StatusCode,
                    body,
                    response.Content.Headers.ContentType?.ToString(),
                    url,
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
            }

            throw new FetchException($"more than {MaxRedirects} redirects.");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException("timed out", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(e.InnerException is HttpRequestException inner ? inner.Message : e.Message, inner: e);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new FetchException($"larger than {maxBytes / 1024 / 1024} MiB");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException($"larger than {maxBytes / 1024 / 1024} MiB");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
