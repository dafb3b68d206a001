namespace NewsReader.Data.Importing;

/// <summary>Writes a batch of new articles with what a save through the context would write for each (mentions,
/// <c>EntityArticles</c>, the entities' counts, both search entries), in the database's fastest way.</summary>
internal interface IArticleBulkWriter
{
    /// <summary>Readies the context's open connection for a bulk import.</summary>
    Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>Writes the articles in the current transaction of <paramref name="db"/>, with their search entries unless
    /// <see cref="Index"/> writes those; returns their new ids, in order.</summary>
    Task<List<int>> WriteAsync(NewsReaderDbContext db, IReadOnlyList<PreparedArticle> articles, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Where a database server can write one batch's search entries while the next batch's articles go in, on
    /// another connection: the entries' own writer, run once the articles are committed. Null where the entries go in the
    /// articles' transaction (SQLite has one writer).</summary>
    IBulkIndexWriter? Index { get; }
}

/// <summary>Writes the search entries of a batch of articles already committed, in a transaction of its own. Should the
/// process stop between the two commits, start-up indexes the articles that have no entries.</summary>
internal interface IBulkIndexWriter
{
    Task WriteAsync(NewsReaderDbContext db, IReadOnlyList<PreparedArticle> articles, IReadOnlyList<int> ids, CancellationToken cancellationToken);
}
