using NewsReader.Core.Search;

namespace NewsReader.Data.Search;

/// <summary>A database's full-text machinery, for the two indexes every provider keeps (<see cref="SearchIndex"/>): the
/// text index (an article's title and body as stems, with positions, for phrases and ranking by relevance) and the
/// terms index (<see cref="IndexTerms"/>, no positions). What to ask and in what order is decided once, by
/// <see cref="SearchService"/>; each provider answers in its own SQL, and never by reading candidates into .NET to
/// filter or rank them. Every method works inside the caller's connection and transaction.</summary>
internal interface ISearchIndex
{
    /// <summary>Adds an article's entries; it has none yet.</summary>
    Task AddAsync(NewsReaderDbContext db, int articleId, SearchEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces an article's terms (its mentions changed, its text did not).</summary>
    Task ReplaceTermsAsync(NewsReaderDbContext db, int articleId, string terms, CancellationToken cancellationToken);

    Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken);

    /// <summary>Until the caller's transaction ends, keeps bulk imports from writing search entries apart from their
    /// articles (<see cref="Importing.IBulkIndexWriter"/>), once those already writing have committed: a repair that
    /// looks for articles without entries then does not take a batch whose entries are on their way for missing.</summary>
    Task LockEntriesAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>Before the caller's transaction re-indexes these stored articles: any of them that a bulk import stored
    /// a moment ago may have its entries on their way apart (<see cref="Importing.IBulkIndexWriter"/>); re-indexing
    /// must replace them, not collide with them.</summary>
    Task SettleAsync(NewsReaderDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken);

    /// <summary>The next articles, by id after <paramref name="afterId"/>, that either index lacks.</summary>
    Task<List<int>> UnindexedAsync(NewsReaderDbContext db, int afterId, int take, CancellationToken cancellationToken);

    /// <summary>Whether every article has both entries, told by counting each table's rows: an article's entries come
    /// and go with it, in its own transaction or (a bulk import on PostgreSQL) in the next, so equal counts mean none is
    /// missing. Cheaper at start-up than <see cref="UnindexedAsync"/>, which looks for each article's entries.</summary>
    Task<bool> AllIndexedAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>Tidies the indexes after a bulk fill, in steps short enough for other writers to go between them, and
    /// yields the count of steps done after each.</summary>
    IAsyncEnumerable<int> MergeAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>How many articles hold each of these terms, for the terms held at all (the others are left out).</summary>
    Task<Dictionary<string, int>> ArticleCountsAsync(NewsReaderDbContext db, IReadOnlyCollection<string> terms, CancellationToken cancellationToken);

    /// <summary>Which of these terms some article holds: cheaper than counting where the index must read a term's whole
    /// list to count it.</summary>
    Task<HashSet<string>> HeldAsync(NewsReaderDbContext db, IReadOnlyCollection<string> terms, CancellationToken cancellationToken);

    /// <summary>How many articles a terms index query finds, counting no further than <paramref name="atMost"/>.</summary>
    Task<int> CountAsync(NewsReaderDbContext db, TermQuery query, int atMost, CancellationToken cancellationToken);

    /// <summary>The next <paramref name="take"/> articles, in id order after <paramref name="afterId"/>, that a terms
    /// index query finds.</summary>
    Task<List<int>> AfterAsync(NewsReaderDbContext db, TermQuery query, long afterId, int take, CancellationToken cancellationToken);

    /// <summary>Asks the terms index many small questions on the search's open connection (a search may ask a few dozen).</summary>
    ITermReader OpenReader(NewsReaderDbContext db);

    /// <summary>How many articles the text index finds for the query's words and phrases, counting no further than
    /// <paramref name="atMost"/>.</summary>
    Task<int> CountTextAsync(NewsReaderDbContext db, SearchQuery query, int atMost, CancellationToken cancellationToken);

    /// <summary>A page of the text index's matches, most relevant first (the database's own relevance), then newest
    /// import first.</summary>
    Task<List<int>> RankTextAsync(NewsReaderDbContext db, SearchQuery query, int skip, int take, CancellationToken cancellationToken);

    /// <summary>A page of <paramref name="candidates"/> ranked by text relevance, then mentions of the entities, then
    /// date, with how many there are.</summary>
    Task<(int Total, List<int> Ids)> RankAsync(NewsReaderDbContext db, Candidates candidates, int skip, int take, CancellationToken cancellationToken);

    /// <summary>A page of articles, each with its level (<see cref="WordWeights"/>), ranked by level, then mentions of the
    /// entities, then date.</summary>
    Task<List<int>> RankLevelsAsync(
        NewsReaderDbContext db, IReadOnlyList<(int Id, int Level)> contenders, IReadOnlyList<int> entityIds, int skip, int take,
        CancellationToken cancellationToken);
}

/// <summary>Counts and reads the articles a terms index query finds, newest first.</summary>
internal interface ITermReader : IAsyncDisposable
{
    Task<int> CountAsync(TermQuery query, CancellationToken cancellationToken);

    /// <summary>The matches after the first <paramref name="skip"/>, newest first, at most <paramref name="take"/> of
    /// them (all of them for −1).</summary>
    Task<List<int>> NewestAsync(TermQuery query, int take, int skip, CancellationToken cancellationToken);
}

/// <summary>The articles a search ranks with its entities: those that mention any of <see cref="EntityIds"/> (only
/// those the terms index also finds for <see cref="Within"/>, when given), and those whose text matches
/// <see cref="Text"/>; with <see cref="NeedsBoth"/>, only those that do both.</summary>
internal sealed record Candidates(IReadOnlyList<int> EntityIds, SearchQuery? Text = null, bool NeedsBoth = false, TermQuery? Within = null);
