using NewsReader.Core.Search;

namespace NewsReader.Data.Search;

/// <summary>A clause's terms at each level (<see cref="WordWeights"/>); <see cref="Terms"/> is how many it has at a level
/// (an article with more than one of them, بحلب and حلب say, counts at the highest of its levels).</summary>
internal sealed record Weights(Func<int, IReadOnlyList<string>> At, int Terms);

/// <summary>Reads the articles of a word or pair from the terms index (its terms at each level: <see cref="Weights"/>), a
/// level at a time, newest first; with <c>within</c>, only those the terms index also finds for it.</summary>
internal sealed class LevelReader(ITermReader reader, Weights term, TermQuery? within) : IAsyncDisposable
{
    public Task<int> CountAsync(int level, CancellationToken cancellationToken) =>
        term.At(level).Count == 0 ? Task.FromResult(0) : reader.CountAsync(AtLevel(level), cancellationToken);

    /// <summary>The level's articles after the first <paramref name="skip"/>, at most <paramref name="take"/> of them
    /// (all of them for −1).</summary>
    public async Task<List<int>> ReadAsync(int level, int take, int skip, CancellationToken cancellationToken) =>
        term.At(level).Count == 0 ? [] : await reader.NewestAsync(AtLevel(level), take, skip, cancellationToken);

    public ValueTask DisposeAsync() => reader.DisposeAsync();

    /// <summary>The articles whose highest level is this one: with several terms an article may stand at several levels.</summary>
    private TermQuery AtLevel(int level)
    {
        var at = TermQuery.Any(term.At(level));
        var above = Enumerable.Range(level + 1, WordWeights.Levels - level - 1).SelectMany(term.At).ToList();
        var exactly = term.Terms == 1 || above.Count == 0 ? at : at.Without(TermQuery.Any(above));
        return within is null ? exactly : TermQuery.All(exactly, within);
    }
}
