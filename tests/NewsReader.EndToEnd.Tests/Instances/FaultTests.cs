using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsGroup
{
    /// <summary>Alone, after the rest: thousands of imports and eight writers on two cores would slow the browser tests
    /// that run beside them past their waits.</summary>
    public const string Name = "Faults, run alone";
}

/// <summary>The app killed with SIGKILL in the middle of its work, on each store, then started again: everything it
/// acknowledged is there, and <c>verify</c> finds the store sound.</summary>
[Collection(FaultsGroup.Name)]
public sealed partial class FaultTests : IAsyncLifetime
{
    private const int Articles = 5_000;

    private readonly string folder = Directory.CreateTempSubdirectory("newsreader-fault-").FullName;
    private readonly List<string> databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await TestServer.DropPostgreSqlDatabaseAsync(database);
        }

        Directory.Delete(folder, recursive: true);
    }

    private string[] Store(string provider)
    {
        string[] common = [$"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}", "--NewsReader:WritesPerMinute=100000"];
        if (provider == "Sqlite")
        {
            return [$"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "fault.db")}", .. common];
        }

        if (databases.Count == 0)
        {
            databases.Add(TestServer.NewPostgreSqlDatabase("newsreader_fault"));
        }

        return ["--NewsReader:Database=PostgreSQL", $"--ConnectionStrings:NewsReader={databases[0]}", .. common];
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task A_bulk_import_killed_halfway_keeps_every_article_it_reported_and_an_import_run_again_completes_it(string provider)
    {
        var files = await (await ArticleCorpus.OfRepositoryGazetteerAsync(seed: 19)).WriteFilesAsync(Path.Combine(folder, "articles"), Articles);
        List<string> acknowledged;
        await using (var import = AppProcess.StartCommand(["import", files, .. Store(provider)]))
        {
            await import.WaitForOutputAsync(output => output.Contains("[1] imported ", StringComparison.Ordinal), TimeSpan.FromMinutes(3));
            await import.KillAbruptlyAsync();
            acknowledged = Reported(import.Output, "imported ");
        }

        Assert.InRange(acknowledged.Count, 1, Articles - 1);
        var verify = await AppProcess.RunCommandAsync(["verify", .. Store(provider)]);
        Assert.True(verify.ExitCode == 0, verify.Output);

        var again = await AppProcess.RunCommandAsync(["import", files, .. Store(provider)]);
        Assert.Equal(0, again.ExitCode);
        var duplicates = Reported(again.Output, "duplicate").ToHashSet(StringComparer.Ordinal);
        Assert.All(acknowledged, path => Assert.Contains(path, duplicates));
        Assert.Contains($": {Articles - duplicates.Count} imported, 0 updated, {duplicates.Count} skipped as duplicates, 0 failed.", again.Output, StringComparison.Ordinal);

        var complete = await AppProcess.RunCommandAsync(["verify", .. Store(provider)]);
        Assert.True(complete.ExitCode == 0, complete.Output);
        Assert.Equal(Articles + 1, VerifiedArticles(complete.Output)); // and the seed
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task A_burst_of_annotation_writes_killed_midway_loses_none_that_was_acknowledged_with_201(string provider)
    {
        var account = new { email = "fault@newsreader.test", password = NewsReaderApp.Password };
        var acknowledged = new ConcurrentBag<(Uri Location, string Comment)>();
        int seed;
        await using (var live = AppProcess.StartWeb(Store(provider)))
        {
            await live.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = live.BaseAddress };
            (await http.PostAsJsonAsync(new Uri("/api/account/register", UriKind.Relative), account)).EnsureSuccessStatusCode();
            await http.SignInByCookieAsync(account);
            using (var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/articles", UriKind.Relative))))
            {
                seed = list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
            }

            var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    var comment = $"writer {writer}, note {i}";
                    try
                    {
                        using var created = await http.PostAnnotationAsync(seed, W3CAnnotations.Of("نزوحا كثيفا تحت وطأة هجوم عنيف", comment).ToJsonString());
                        if (created.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((created.Headers.Location!, comment));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();

            while (acknowledged.Count < 200)
            {
                await Task.Delay(20);
            }

            await live.KillAbruptlyAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = AppProcess.StartWeb(Store(provider));
        await restarted.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        using var reader = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = restarted.BaseAddress };
        await reader.SignInByCookieAsync(account);
        var lost = new List<string>();
        foreach (var (location, comment) in acknowledged)
        {
            using var fetched = await reader.GetAsync(new Uri(restarted.BaseAddress, location.PathAndQuery));
            var body = fetched.IsSuccessStatusCode ? JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["body"]![0]!["value"]!.GetValue<string>() : null;
            if (body != comment)
            {
                lost.Add($"{location}: {fetched.StatusCode}, {body}");
            }
        }

        Assert.Empty(lost);
        using var container = JsonDocument.Parse(await reader.GetStringAsync(new Uri($"/api/articles/{seed}/annotations?page=0", UriKind.Relative)));
        Assert.True(container.RootElement.GetProperty("partOf").GetProperty("total").GetInt32() >= acknowledged.Count);
        await restarted.DisposeAsync();
        var verify = await AppProcess.RunCommandAsync(["verify", .. Store(provider)]);
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    /// <summary>The files the import command's output reports with this status (one line per article).</summary>
    private static List<string> Reported(string output, string status) =>
        [.. output.Split('\n').Select(line => ReportLine().Match(line)).Where(m => m.Success && m.Groups[1].Value == status).Select(m => m.Groups[2].Value)];

    private static int VerifiedArticles(string output) =>
        int.Parse(VerifiedLine().Match(output).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[\d+\] (imported |duplicate) (.+?) → article")]
    private static partial Regex ReportLine();

    [GeneratedRegex(@"Verified ([\d,]+) articles")]
    private static partial Regex VerifiedLine();
}
