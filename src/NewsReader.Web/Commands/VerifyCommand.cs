using NewsReader.Data.Maintenance;

namespace NewsReader.Web.Commands;

/// <summary><c>-- verify [--repair]</c>: checks the store (<see cref="StoreVerifier"/>) and prints a report; exit code 0
/// when it is sound (or, with <c>--repair</c>, was mended), 1 when a problem stands, 2 when used wrongly.</summary>
public sealed class VerifyCommand(StoreVerifier verifier, TextWriter output)
{
    public const string Name = "verify";

    private const string Repair = "--repair";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Any(a => a != Repair))
        {
            await output.WriteLineAsync("Usage: dotnet run --project src/NewsReader.Web -- verify [--repair]");
            return 2;
        }

        var repair = arguments.Contains(Repair);
        var report = await verifier.VerifyAsync(repair, line => output.WriteLine(line), cancellationToken);
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync("PROBLEM  " + problem);
        }

        await output.WriteLineAsync(
            $"Verified {report.Articles:N0} articles, {report.Mentions:N0} mentions, {report.Annotations:N0} annotations "
            + $"({report.Orphans:N0} orphans, listed on their articles): {(report.IsSound ? "sound" : $"{report.Problems.Count} problem(s)")}.");
        if (report.IsSound || !repair)
        {
            return report.IsSound ? 0 : 1;
        }

        var after = await verifier.VerifyAsync(repair: false, _ => { }, cancellationToken);
        await output.WriteLineAsync(after.IsSound ? "Repaired: the store is sound now." : $"After repair, {after.Problems.Count} problem(s) remain.");
        return after.IsSound ? 0 : 1;
    }
}
