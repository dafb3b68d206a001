using BenchmarkDotNet.Running;

namespace NewsReader.Benchmarks;

public static class Program
{
    public static string SeedsFolder { get; } = FindSeeds();

    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

    private static string FindSeeds()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsReader.sln")))
            {
                return Path.Combine(folder.FullName, "seeds");
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
