using BenchmarkDotNet.Running;
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

public static class Program
{
    public static string SeedsFolder => RepositoryFiles.SeedsFolder;

    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
