using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NewsReader.Benchmarks;

/// <summary>How the benchmarks over the million-article corpus run: one call per iteration (a page load as a reader
/// makes it), median and p95; and in this process, since a generated benchmark project would rebuild the app's
/// assemblies while another run, a corpus build say, is using them.</summary>
internal abstract class CorpusConfig : ManualConfig
{
    protected CorpusConfig(int iterations)
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        Orderer = new AppFirstOrderer();
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(iterations)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
