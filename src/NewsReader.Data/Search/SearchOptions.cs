namespace NewsReader.Data.Search;

public sealed class SearchOptions
{
    /// <summary>How far a search counts its matches. Counting is the one part of a search whose cost grows with the
    /// matches (حلب names a quarter of a million articles at a million: 50–90 ms to count them all, against 20 ms for
    /// the rest), and past ten thousand a reader refines the search rather than pages through it; so a larger total is
    /// shown as "more than 10,000", as search engines do.</summary>
    public int ExactTotalUpTo { get; set; } = 10_000;

    /// <summary>A word form held by at least this many articles has its count remembered for
    /// <see cref="RememberCountsFor"/> (<see cref="WordFormCounts"/>): counting it means reading its whole list.</summary>
    public int RememberCountsFrom { get; set; } = 1_000;

    public TimeSpan RememberCountsFor { get; set; } = TimeSpan.FromMinutes(10);
}
