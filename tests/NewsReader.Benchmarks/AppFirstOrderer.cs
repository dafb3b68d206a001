using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;

namespace NewsReader.Benchmarks;

/// <summary>Runs every case of the app before any baseline. A baseline that scans every body of the million-article
/// corpus (8 GB) pushes the indexes out of the operating system's cache, so an app case run right after it was timed
/// cold for its first iterations (88 ms against 27 ms warm): a cost of the benchmark's order, not of the app, whose
/// indexes a server keeps warm.</summary>
internal sealed class AppFirstOrderer : DefaultOrderer
{
    public override IEnumerable<BenchmarkCase> GetExecutionOrder(
        ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        base.GetExecutionOrder(benchmarksCase, order).OrderBy(c => c.Descriptor.Baseline);
}
