using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Importing;
using NewsReader.Data;
using NewsReader.Data.Articles;
using NewsReader.Data.Providers;
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

/// <summary>Bulk import of generated articles through the command line, as an editor runs it: the app's own
/// executable with <c>import &lt;folder&gt;</c>, into a fresh database, entity recognition and indexing included; once
/// as <c>dotnet run</c> builds it, once as docs/deployment.md publishes it (compiled ahead of time, ReadyToRun), timed
/// over the whole process, start-up included. The published app also imports into a database that is already set up
/// (schema, gazetteer and seeds, as after the app's first start), as every import but a new store's first does.
/// The baseline, measured in the same run, is the path every import took before the bulk path: the same files read and
/// stored one article at a time, each in its own transaction (<see cref="ArticleImporter"/>, as the browser's uploads
/// still are), into a fresh database of its own.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ImportBenchmark
{
    private string folder = null!;
    private string files = null!;
    private string published = null!;
    private DatabaseConnection initialized = null!;

    [Params(10_000)]
    public int Articles { get; set; }

    [ParamsSource(typeof(BenchmarkCorpus), nameof(BenchmarkCorpus.Databases))]
    public string Database { get; set; } = "";

    [GlobalSetup(Targets = [nameof(OneArticleAtATime), nameof(ImportCommand)])]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("newsreader-import-benchmark-").FullName;
        files = ArticleCorpus.OfRepositoryGazetteerAsync().GetAwaiter().GetResult().WriteFilesAsync(Path.Combine(folder, "articles"), Articles).GetAwaiter().GetResult();
    }

    /// <summary>The app published as docs/deployment.md does it.</summary>
    [GlobalSetup(Targets = [nameof(ImportCommandPublished), nameof(ImportCommandPublishedIntoSetUpDatabase)])]
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

    /// <summary>A fresh database set up by the published app itself, untimed: its <c>verify</c> command starts as every
    /// command does, creating the schema and storing the gazetteer and the seeds.</summary>
    [IterationSetup(Target = nameof(ImportCommandPublishedIntoSetUpDatabase))]
    public void SetUpDatabase()
    {
        initialized = FreshAsync("initialized").GetAwaiter().GetResult();
        Run("dotnet", PublishedApp, "verify", $"--NewsReader:Database={Database}",
            $"--ConnectionStrings:NewsReader={initialized.ConnectionString}", $"--NewsReader:SeedsPath={Program.SeedsFolder}");
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
        Import(typeof(Program).Assembly.Location.Replace("NewsReader.Benchmarks.dll", "NewsReader.Web.dll", StringComparison.Ordinal), FreshAsync("command").GetAwaiter().GetResult());

    [Benchmark]
    public string ImportCommandPublished() => Import(PublishedApp, FreshAsync("command").GetAwaiter().GetResult());

    [Benchmark]
    public string ImportCommandPublishedIntoSetUpDatabase() => Import(PublishedApp, initialized);

    private string PublishedApp => Path.Combine(published, "NewsReader.Web.dll");

    private string Import(string app, DatabaseConnection database)
    {
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
