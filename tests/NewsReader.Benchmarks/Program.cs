using BenchmarkDotNet.Running;
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

public static class Program
{
    public static string SeedsFolder => RepositoryFiles.SeedsFolder;

    /// <summary>Runs the benchmarks; <c>corpus N</c> builds (or finds) the cached corpus of N articles on each database and stops, so that a
    /// long build is not timed by BenchmarkDotNet's first setup.</summary>
    public static void Main(string[] args)
    {
        if (args is ["corpus", var count])
        {
            foreach (var database in BenchmarkCorpus.Databases())
            {
                BenchmarkCorpus.OpenAsync(database, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)).GetAwaiter().GetResult().Dispose();
            }

            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
