using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Keeps the full-text indexes in step with the articles and their mentions. Both are SQLite FTS5 tables,
/// contentless (they store no text of their own), whose rowid is the article id. <c>ArticleSearch</c> holds a shadow
/// of each article: its title and body normalized and stemmed, one stem per word, with positions (for phrases and
/// bm25). <c>ArticleTerms</c> has no positions: each distinct stem, as it is and at its weight, each pair of stems side
/// by side at its weight, and each entity the article mentions (<see cref="IndexTerms"/>). A save re-indexes what it changes (<see cref="IndexChanges"/>).</summary>
public static class SearchIndex
{
    /// <summary>After filling this many entries at once, the indexes' segments are merged into one (<see cref="MergeAsync"/>).</summary>
    public const int BulkFill = 1000;

    /// <summary>The statements that add one article's entries (<see cref="SearchEntry"/>), with the parameters <c>@id</c>,
    /// <c>@title</c>, <c>@body</c> and <c>@terms</c>: a bulk import prepares them once for a whole batch.</summary>
    public const string InsertTextSql = "INSERT INTO ArticleSearch (rowid, Title, Body) VALUES (@id, @title, @body)";

    public const string InsertTermsSql = "INSERT INTO ArticleTerms (rowid, Terms) VALUES (@id, @terms)";

    /// <summary>Replaces the article's entries in both indexes, inside the caller's transaction, once its mentions are saved.</summary>
    public static async Task IndexAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await RemoveAsync(db, article.Id, cancellationToken);
        await InsertAsync(db, article.Id, SearchEntry.Of(article.Title, article.Body, await MentionedAsync(db, article.Id, cancellationToken)), cancellationToken);
    }

    /// <summary>Replaces the terms of articles whose mentions changed but whose text did not.</summary>
    public static async Task IndexMentionsAsync(NewsReaderDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Body })
            .ToListAsync(cancellationToken);
        foreach (var article in articles)
        {
            var terms = IndexTerms.Of(
                ArabicStemmer.Stems(article.Title), ArabicStemmer.Stems(article.Body), await MentionedAsync(db, article.Id, cancellationToken));
            await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleTerms WHERE rowid = {article.Id}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleTerms (rowid, Terms) VALUES ({article.Id}, {terms})", cancellationToken);
        }
    }

    /// <summary>Indexes every article an index lacks: after an index is (re)created, or after a crash between an article
    /// and its entries (which share a transaction, so this should find none). A thousand articles at a time, in id order,
    /// their entries computed in parallel: the corpus is never in memory at once.</summary>
    public static async Task<int> IndexMissingAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var indexed = 0;
        for (var after = 0; ;)
        {
            var ids = await db.Database
                .SqlQuery<int>($"""
                    SELECT Id AS Value FROM Articles
                    WHERE Id > {after} AND (Id NOT IN (SELECT rowid FROM ArticleSearch) OR Id NOT IN (SELECT rowid FROM ArticleTerms))
                    ORDER BY Id LIMIT {BulkFill}
                    """)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.Body }).ToListAsync(cancellationToken);
            var entities = (await db.Mentions.Where(m => ids.Contains(m.ArticleId)).Select(m => new { m.ArticleId, m.EntityId }).Distinct().ToListAsync(cancellationToken))
                .ToLookup(m => m.ArticleId, m => m.EntityId);
            var entries = new SearchEntry[articles.Count];
            Parallel.For(0, articles.Count, i => entries[i] = SearchEntry.Of(articles[i].Title, articles[i].Body, entities[articles[i].Id]));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (article, entry) in articles.Zip(entries))
            {
                await RemoveAsync(db, article.Id, cancellationToken);
                await InsertAsync(db, article.Id, entry, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            (after, indexed) = (ids[^1], indexed + ids.Count);
        }

        if (indexed >= BulkFill)
        {
            await MergeAsync(db, cancellationToken);
        }

        return indexed;
    }

    /// <summary>Merges each index's segments into one. Written article by article, FTS5 keeps several segments of
    /// each size, and a search looks each term up in every one (about 10% of a search on 50,000 articles); merging
    /// them takes about 2 s there, so it is done after a bulk fill rather than after every article.</summary>
    public static async Task MergeAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch (ArticleSearch) VALUES ('optimize')", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleTerms (ArticleTerms) VALUES ('optimize')", cancellationToken);
    }

    private static async Task InsertAsync(NewsReaderDbContext db, int articleId, SearchEntry entry, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Title, Body) VALUES ({articleId}, {entry.Title}, {entry.Body})", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleTerms (rowid, Terms) VALUES ({articleId}, {entry.Terms})", cancellationToken);
    }

    private static Task<List<int>> MentionedAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Mentions.Where(m => m.ArticleId == articleId).Select(m => m.EntityId).Distinct().ToListAsync(cancellationToken);

    /// <summary>An FTS5 query for the articles that hold any of these terms. Terms are made of letters and digits
    /// (<see cref="IndexTerms"/>), so quoting each one is enough for FTS5 to read no operator in it.</summary>
    public static string AnyOf(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(t => $"\"{t}\""));

    /// <summary>Which of these terms the terms index holds at all (a vocabulary read, one seek per term).</summary>
    public static async Task<HashSet<string>> HeldTermsAsync(NewsReaderDbContext db, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = System.Text.Json.JsonSerializer.Serialize(terms.Distinct(StringComparer.Ordinal));
        var held = await db.Database
            .SqlQuery<string>($"SELECT term AS Value FROM ArticleTermsVocab WHERE term IN (SELECT value FROM json_each({json}))")
            .ToListAsync(cancellationToken);
        return held.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How many articles a terms index query (<see cref="AnyOf"/>) finds.</summary>
    public static async Task<int> CountTermsAsync(NewsReaderDbContext db, string match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM ArticleTerms WHERE ArticleTerms MATCH {match}")
            .SingleAsync(cancellationToken);
    }

    /// <summary>The next <paramref name="take"/> articles, by id, after <paramref name="afterId"/>, that a terms index
    /// query finds: FTS5 reads them in rowid order from the given rowid on.</summary>
    public static async Task<List<int>> HoldingTermsAsync(
        NewsReaderDbContext db, string match, long afterId, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database
            .SqlQuery<int>($"SELECT rowid AS Value FROM ArticleTerms WHERE ArticleTerms MATCH {match} AND rowid > {afterId} ORDER BY rowid LIMIT {take}")
            .ToListAsync(cancellationToken);
    }

    /// <summary>Removes an article's index entries, inside the caller's transaction.</summary>
    public static async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleTerms WHERE rowid = {articleId}", cancellationToken);
    }
}
