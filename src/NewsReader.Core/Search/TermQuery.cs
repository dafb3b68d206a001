namespace NewsReader.Core.Search;

/// <summary>A question to the terms index (<see cref="IndexTerms"/>) in the app's own terms, which each store renders in
/// its own query language (FTS5's MATCH, PostgreSQL's tsquery): a term, any or all of several, one without another.</summary>
public abstract record TermQuery
{
    public static TermQuery Term(string term) => new One(term);

    /// <summary>Any of the terms; none at all matches nothing.</summary>
    public static TermQuery Any(IEnumerable<string> terms) => new Either([.. terms.Distinct(StringComparer.Ordinal).Select(Term)]);

    public static TermQuery Any(params TermQuery[] queries) => new Either(queries);

    public static TermQuery All(params TermQuery[] queries) => new Both(queries);

    public TermQuery Without(TermQuery excluded) => new Except(this, excluded);

    /// <summary>Whether the query can match anything (an empty <see cref="Any(IEnumerable{string})"/> cannot).</summary>
    public abstract bool IsEmpty { get; }

    public sealed record One(string Value) : TermQuery
    {
        public override bool IsEmpty => false;
    }

    public sealed record Either(IReadOnlyList<TermQuery> Items) : TermQuery
    {
        public override bool IsEmpty => Items.All(i => i.IsEmpty);
    }

    public sealed record Both(IReadOnlyList<TermQuery> Items) : TermQuery
    {
        public override bool IsEmpty => Items.Count == 0 || Items.Any(i => i.IsEmpty);
    }

    public sealed record Except(TermQuery Included, TermQuery Excluded) : TermQuery
    {
        public override bool IsEmpty => Included.IsEmpty;
    }
}
