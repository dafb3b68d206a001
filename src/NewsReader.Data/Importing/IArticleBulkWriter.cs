namespace NewsReader.Data.Importing;

/// <summary>Writes a batch of new articles with what a save through the context would write for each (mentions,
/// <c>EntityArticles</c>, the entities' counts, both search entries), in the database's fastest way.</summary>
internal interface IArticleBulkWriter
{
    /// <summary>Readies the context's open connection for a bulk import.</summary>
    Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>Writes the articles in the current transaction of <paramref name="db"/>; returns their new ids, in order.</summary>
    Task<List<int>> WriteAsync(NewsReaderDbContext db, IReadOnlyList<PreparedArticle> articles, DateTimeOffset now, CancellationToken cancellationToken);
}
