using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NewsReader.Core.Entities;
using NewsReader.Core.Importing;
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

/// <summary>Bulk import of generated articles through the command line, as an editor runs it: the app's own
/// executable with <c>import &lt;folder&gt;</c>, into a fresh database, entity recognition and indexing included.
/// The baseline, measured in the same run, only reads and parses the same files (no database): the ratio is what
/// storing, recognising and indexing cost on top of reading.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ImportBenchmark
{
    private string folder = null!;
    private string files = null!;

    [Params(10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
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

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int ReadAndParseOnly()
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(files))
        {
            count += ArticleFiles.Read(Path.GetFileName(file), File.ReadAllBytes(file), null, file, DateTimeOffset.UnixEpoch).Body.Length > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    public int ImportCommand()
    {
        var database = Path.Combine(folder, "import.db");
        foreach (var stale in Directory.EnumerateFiles(folder, "import.db*"))
        {
            File.Delete(stale);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            typeof(Program).Assembly.Location.Replace("NewsReader.Benchmarks.dll", "NewsReader.Web.dll", StringComparison.Ordinal),
            "import", files, $"--ConnectionStrings:NewsReader=Data Source={database}", $"--NewsReader:SeedsPath={Program.SeedsFolder}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var summary = process.StandardOutput.ReadToEnd().Split('\n').Last(l => l.StartsWith("Done", StringComparison.Ordinal));
        process.WaitForExit();
        Console.WriteLine("// " + summary);
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException("The import failed: " + summary);
    }
}
