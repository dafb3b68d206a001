using System.Text.RegularExpressions;
using NewsReader.EndToEnd.Tests.Instances;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The import command, run as a reader runs it: the app's own executable, in a process of its own.</summary>
public sealed partial class ImportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("newsreader-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<(int ExitCode, string Output)> ImportAsync(params string[] targets) => AppProcess.RunCommandAsync([
        "import", .. targets, $"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "cli.db")}", $"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}"]);

    [Fact]
    public async Task A_folder_is_imported_with_progress_and_a_summary_and_again_as_duplicates()
    {
        var (exitCode, output) = await ImportAsync(Path.Combine("tests", "samples", "imports"));

        Assert.Equal(0, exitCode);
        Assert.Contains("[1] imported  ", output, StringComparison.Ordinal);
        Assert.Contains("FAILED    ", output, StringComparison.Ordinal);
        Assert.Contains("invalid-utf8.txt: not valid UTF-8 text.", output, StringComparison.Ordinal);
        Assert.Contains(": 8 imported, 0 updated, 0 skipped as duplicates, 4 failed.", output, StringComparison.Ordinal);

        var again = await ImportAsync(Path.Combine(RepositoryFiles.ImportSamples, "aleppo-truce.txt"), Path.Combine(RepositoryFiles.ImportSamples, "wire.rss"));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains(": 0 imported, 0 updated, 3 skipped as duplicates, 0 failed.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_importable_exits_non_zero_with_the_reasons()
    {
        var (exitCode, output) = await ImportAsync(Path.Combine(RepositoryFiles.ImportSamples, "broken"), "no-such-file.txt", "http://127.0.0.1:9/feed.rss");

        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-file.txt: no such file, folder or URL.", output, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/feed.rss: ", output, StringComparison.Ordinal);
        Assert.Contains(": 0 imported, 0 updated, 0 skipped as duplicates, 6 failed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_is_imported_from_its_URL()
    {
        using var listener = new System.Net.HttpListener();
        var port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.ContentType = "application/rss+xml";
            var feed = await File.ReadAllBytesAsync(Path.Combine(RepositoryFiles.ImportSamples, "wire.rss"));
            await context.Response.OutputStream.WriteAsync(feed);
            context.Response.Close();
        });

        var (exitCode, output) = await ImportAsync($"http://127.0.0.1:{port}/feed");
        await serving;

        Assert.Equal(0, exitCode);
        Assert.Contains($"http://127.0.0.1:{port}/feed item 2 “موسكو وأنقرة تبحثان هدنة جديدة”", output, StringComparison.Ordinal);
        Assert.Contains(": 2 imported, 0 updated, 0 skipped as duplicates, 0 failed.", output, StringComparison.Ordinal);
    }

    /// <summary>The import leaves the merge of the search index to the app, which does it in the background once it starts.</summary>
    [Fact]
    public async Task An_import_of_a_thousand_files_queues_the_search_index_merge_and_the_app_does_it()
    {
        var files = await (await ArticleCorpus.OfRepositoryGazetteerAsync(seed: 23)).WriteFilesAsync(Path.Combine(folder, "articles"), 1000);

        var (exitCode, output) = await ImportAsync(files);

        Assert.Equal(0, exitCode);
        Assert.Contains(": 1000 imported, 0 updated, 0 skipped as duplicates, 0 failed.", output, StringComparison.Ordinal);
        var job = MergeQueued().Match(output);
        Assert.True(job.Success, output);
        await using var app = AppProcess.StartWeb([$"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "cli.db")}", $"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}"]);
        await app.WaitForOutputAsync(log => log.Contains($"Job {job.Groups[1].Value} done", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
    }

    [GeneratedRegex(@"The search index will be merged in the app's background \(job (\d+), on the Jobs page\)")]
    private static partial Regex MergeQueued();

    [Fact]
    public async Task Without_targets_the_usage_is_printed()
    {
        var (exitCode, output) = await ImportAsync();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage: dotnet run --project src/NewsReader.Web -- import", output, StringComparison.Ordinal);
    }
}
