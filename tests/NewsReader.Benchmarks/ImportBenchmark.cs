using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Entities;
using NewsReader.Core.Importing;
using NewsReader.Data;
using NewsReader.Data.Articles;
using NewsReader.Data.Providers;
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

/// <summary>Bulk import of generated articles through the command line, as an editor runs it: the app's own
/// executable with <c>import &lt;folder&gt;</c>, into a fresh database, entity recognition and indexing included; once
/// as <c>dotnet run</c> builds it, once as docs/deployment.md publishes it (compiled ahead of time, ReadyToRun), timed
/// over the whole process, start-up included.
/// The baseline, measured in the same run, is the path every import took before the bulk path: the same files read and
/// stored one article at a time, each in its own transaction (<see cref="ArticleImporter"/>, as the browser's uploads
/// still are), into a fresh database of its own.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ImportBenchmark
{
    private string folder = null!;
    private string files = null!;
    private string published = null!;

    [Params(10_000)]
    public int Articles { get; set; }

    [ParamsSource(typeof(BenchmarkCorpus), nameof(BenchmarkCorpus.Databases))]
    public string Database { get; set; } = "";

    [GlobalSetup(Targets = [nameof(OneArticleAtATime), nameof(ImportCommand)])]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("newsreader-import-benchmark-").FullName;
        files = Directory.CreateDirectory(Path.Combine(folder, "articles")).FullName;
        IReadOnlyList<GazetteerEntry> gazetteer;
        using (var json = File.OpenRead(Path.Combine(Program.SeedsFolder, "entities.json")))
        {
            gazetteer = Gazetteer.ReadAsync(json).GetAwaiter().GetResult();
        }

        foreach (var draft in new ArticleCorpus(gazetteer).Articles(Articles))
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"---\ntitle: {draft.Title}\nsource: {draft.Source}\nlanguage: {draft.Language}\ndate: {draft.PublishedAt:O}\n---\n{draft.Body}");
            File.WriteAllText(Path.Combine(files, draft.SourceKey + ".txt"), text, new UTF8Encoding(false));
        }
    }

    /// <summary>The app published as docs/deployment.md does it.</summary>
    [GlobalSetup(Target = nameof(ImportCommandPublished))]
    public void SetupPublished()
    {
        Setup();
        published = Path.Combine(folder, "published");
        Run("dotnet", "publish", Path.Combine(RepositoryFiles.Root, "src", "NewsReader.Web"), "-c", "Release", "-o", published);
    }

    /// <summary>An empty database of this name for one import: a new SQLite file, or a PostgreSQL database dropped first.</summary>
    private async Task<DatabaseConnection> FreshAsync(string name)
    {
        var provider = DatabaseProvider.Named(Database);
        if (provider == DatabaseProvider.Sqlite)
        {
            // A pooled connection would keep the last iteration's file open past its deletion.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var stale in Directory.EnumerateFiles(folder, name + ".db*"))
            {
                File.Delete(stale);
            }

            return new DatabaseConnection(provider, $"Data Source={Path.Combine(folder, name + ".db")}");
        }

        var connection = BenchmarkCorpus.ConnectionFor(Database, Articles);
        var fresh = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = $"newsreader_import_{name}" }.ConnectionString;
        await TestServer.DropPostgreSqlDatabaseAsync(fresh);
        return new DatabaseConnection(provider, fresh);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int OneArticleAtATime() => OneArticleAtATimeAsync().GetAwaiter().GetResult();

    private async Task<int> OneArticleAtATimeAsync()
    {
        await using var services = BenchmarkCorpus.Services(await FreshAsync("single"));
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Program.SeedsFolder);
        var importer = services.GetRequiredService<ArticleImporter>();
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(files).Order(StringComparer.Ordinal))
        {
            var draft = ArticleFiles.Read(Path.GetFileName(file), await File.ReadAllBytesAsync(file), null, $"file:{Path.GetFileName(file)}", DateTimeOffset.UnixEpoch);
            count += (await importer.ImportAsync(draft)).Outcome == ImportOutcome.Created ? 1 : 0;
        }

        Console.WriteLine($"// one at a time: {count} articles");
        return count;
    }

    [Benchmark]
    public string ImportCommand() =>
        Import(typeof(Program).Assembly.Location.Replace("NewsReader.Benchmarks.dll", "NewsReader.Web.dll", StringComparison.Ordinal));

    [Benchmark]
    public string ImportCommandPublished() => Import(Path.Combine(published, "NewsReader.Web.dll"));

    private string Import(string app)
    {
        var database = FreshAsync("command").GetAwaiter().GetResult();
        var output = Run("dotnet", app, "import", files, $"--NewsReader:Database={Database}",
            $"--ConnectionStrings:NewsReader={database.ConnectionString}", $"--NewsReader:SeedsPath={Program.SeedsFolder}");
        var summary = output.Split('\n').Last(l => l.StartsWith("Done", StringComparison.Ordinal));
        Console.WriteLine("// " + summary);
        return summary;
    }

    /// <summary>Runs a program to its end, and returns what it printed; a failure stops the benchmark.</summary>
    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {arguments[0]} failed: {output[^Math.Min(output.Length, 2000)..]}");
    }
}
