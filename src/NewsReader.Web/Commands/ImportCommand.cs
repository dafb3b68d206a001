using System.Globalization;
using NewsReader.Core.Importing;
using NewsReader.Data.Importing;

namespace NewsReader.Web.Commands;

/// <summary><c>dotnet run --project src/NewsReader.Web -- import &lt;file|folder|feed-url&gt;...</c>: imports articles
/// into the configured database with progress and a summary, then exits. The exit code is 0 when anything was
/// imported, updated or already there, 1 when nothing could be, and 2 when the command is used wrongly.</summary>
public sealed class ImportCommand(ArticleBatchImporter importer, IHttpClientFactory http, TextWriter output)
{
    public const string Name = "import";

    public async Task<int> RunAsync(IReadOnlyList<string> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            await output.WriteLineAsync("Usage: dotnet run --project src/NewsReader.Web -- import <file|folder|feed-url>...");
            return 2;
        }

        var sources = Expand(targets).ToList();
        var results = new List<ImportResult>();
        var started = TimeProvider.System.GetTimestamp();
        var pending = sources.Select(target => new PendingSource(target, token => ReadAsync(target, token)));
        await foreach (var result in importer.ImportAllAsync(pending, cancellationToken))
        {
            results.Add(result);
            await output.WriteLineAsync(Line(results.Count, result));
        }

        var summary = ImportSummary.Of(results);
        var merge = await importer.FinishAsync(summary, cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Done in {elapsed.TotalSeconds:0.0} s ({results.Count / Math.Max(elapsed.TotalSeconds, 0.001):0} articles/s): {summary}."));
        if (merge is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"The search index will be merged in the app's background (job {merge.Id}, on the Jobs page); searches find every article meanwhile."));
        }

        return summary.Imported + summary.Updated + summary.Duplicates > 0 ? 0 : 1;
    }

    /// <summary>Folders are walked for article files and feeds (in name order); a file's sidecar JSON goes with it.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> targets)
    {
        foreach (var target in targets.Select(Resolve))
        {
            if (Directory.Exists(target))
            {
                foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
                    .Where(f => ArticleFiles.IsArticleFile(f) || (Feeds.IsFeedFile(f) && !IsSidecar(f)))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return target;
            }
        }
    }

    /// <summary>A <c>NAME.json</c> beside an article file is that article's metadata, not a JSON Feed.</summary>
    private static bool IsSidecar(string file) =>
        Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase)
        && ArticleFiles.Extensions.Any(e => File.Exists(Path.ChangeExtension(file, e)));

    /// <summary><c>dotnet run --project</c> starts the app in the project's folder; a relative path means one
    /// relative to where the command was typed, which the shell keeps in <c>PWD</c>.</summary>
    private static string Resolve(string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme != Uri.UriSchemeFile || Path.IsPathRooted(target))
        {
            return target;
        }

        var typedIn = Environment.GetEnvironmentVariable("PWD");
        var fromShell = string.IsNullOrEmpty(typedIn) ? null : Path.GetFullPath(target, typedIn);
        return fromShell is not null && (File.Exists(fromShell) || Directory.Exists(fromShell)) ? fromShell : target;
    }

    private async Task<ImportSource> ReadAsync(string target, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            using var client = http.CreateClient(Name);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > Feeds.MaxFeedBytes)
            {
                throw new InvalidDataException($"the feed is larger than {Feeds.MaxFeedBytes / 1024 / 1024} MiB.");
            }

            return new ImportSource(
                target, await response.Content.ReadAsByteArrayAsync(cancellationToken), IsFeed: true, ContentType: response.Content.Headers.ContentType?.ToString());
        }

        if (!File.Exists(target))
        {
            throw new FileNotFoundException("no such file, folder or URL.");
        }

        var info = new FileInfo(target);
        if (info.Length > Feeds.MaxFeedBytes)
        {
            throw new InvalidDataException($"the file is larger than {Feeds.MaxFeedBytes / 1024 / 1024} MiB.");
        }

        var sidecar = Path.ChangeExtension(target, ".json");
        var metadata = File.Exists(sidecar) ? ArticleMetadata.FromJson(await File.ReadAllBytesAsync(sidecar, cancellationToken), Path.GetFileName(sidecar)) : null;
        return new ImportSource(target, await File.ReadAllBytesAsync(target, cancellationToken), metadata, info.LastWriteTimeUtc);
    }

    private static string Line(int index, ImportResult result)
    {
        var progress = string.Create(CultureInfo.InvariantCulture, $"[{index}]");
        var status = result.Status switch
        {
            ImportStatus.Imported => "imported ",
            ImportStatus.Updated => "updated  ",
            ImportStatus.Duplicate => "duplicate",
            _ => "FAILED   ",
        };
        var detail = result.Status == ImportStatus.Failed
            ? result.Problem
            : string.Create(CultureInfo.InvariantCulture, $"{result.Name} → article {result.ArticleId}: {result.Title}");
        return $"{progress} {status} {detail}";
    }
}
