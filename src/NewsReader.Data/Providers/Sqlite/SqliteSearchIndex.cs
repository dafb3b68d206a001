using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Search;
using NewsReader.Data.Search;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>The search indexes as SQLite FTS5 tables, contentless (they store no text of their own), whose rowid is the
/// article id: <c>ArticleSearch</c> (title and body, with positions, ranked by bm25) and <c>ArticleTerms</c> (no
/// positions), with <c>ArticleTermsVocab</c> (<c>fts5vocab</c>) counting each term's articles. The SQL is composed only of
/// fixed text and entity ids (integers); what a reader typed travels as a parameter.</summary>
internal sealed class SqliteSearchIndex : ISearchIndex
{
    /// <summary>The statements that add one article's entries, with the parameters <c>@id</c>, <c>@title</c>,
    /// <c>@body</c> and <c>@terms</c>: the bulk writer prepares them once for a whole batch.</summary>
    public const string InsertTextSql = "INSERT INTO ArticleSearch (rowid, Title, Body) VALUES (@id, @title, @body)";

    public const string InsertTermsSql = "INSERT INTO ArticleTerms (rowid, Terms) VALUES (@id, @terms)";

    /// <summary>Each index's first step of <see cref="MergeAsync"/> and the steps that go on with it.</summary>
    private static readonly (string Start, string Step)[] MergeSteps =
    [
        ("INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('merge', -1000)", "INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('merge', 1000)"),
        ("INSERT INTO ArticleTerms (ArticleTerms, rank) VALUES ('merge', -1000)", "INSERT INTO ArticleTerms (ArticleTerms, rank) VALUES ('merge', 1000)"),
    ];

    public async Task AddAsync(NewsReaderDbContext db, int articleId, SearchEntry entry, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Title, Body) VALUES ({articleId}, {entry.Title}, {entry.Body})", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleTerms (rowid, Terms) VALUES ({articleId}, {entry.Terms})", cancellationToken);
    }

    public async Task ReplaceTermsAsync(NewsReaderDbContext db, int articleId, string terms, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleTerms WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleTerms (rowid, Terms) VALUES ({articleId}, {terms})", cancellationToken);
    }

    public async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleTerms WHERE rowid = {articleId}", cancellationToken);
    }

    /// <summary>Nothing to wait for: a bulk import writes the entries in their articles' transaction.</summary>
    public Task LockEntriesAsync(NewsReaderDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to wait for: a bulk import writes its entries in its articles' transaction.</summary>
    public Task SettleAsync(NewsReaderDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<List<int>> UnindexedAsync(NewsReaderDbContext db, int afterId, int take, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""
                SELECT Id AS Value FROM Articles
                WHERE Id > {afterId} AND (Id NOT IN (SELECT rowid FROM ArticleSearch) OR Id NOT IN (SELECT rowid FROM ArticleTerms))
                ORDER BY Id LIMIT {take}
                """)
            .ToListAsync(cancellationToken);

    /// <summary>FTS5 keeps a row a document in each table's <c>_docsize</c>, which a delete takes away.</summary>
    public Task<bool> AllIndexedAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
                SELECT n = (SELECT count(*) FROM ArticleSearch_docsize) AND n = (SELECT count(*) FROM ArticleTerms_docsize) AS Value
                FROM (SELECT count(*) AS n FROM Articles)
                """)
            .SingleAsync(cancellationToken);

    /// <summary>Written article by article, FTS5 keeps several segments of each size, and a search looks each term up in
    /// every one (about 10% of a search on 50,000 articles); merging them into one rewrites the whole index. FTS5's
    /// <c>merge</c> does that in steps of about a thousand pages (the first step, with a negative budget, gathers every
    /// segment into the merge), each a statement of its own, so that other writers get the lock between steps rather
    /// than waiting the half-minute it takes at a million (docs/performance.md). A step that changes nothing (fewer
    /// than two changes, by FTS5's rule) means the merge is done.</summary>
    public async IAsyncEnumerable<int> MergeAsync(NewsReaderDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var steps = 0;
            foreach (var (start, step) in MergeSteps)
            {
                long before, after;
                var sql = start;
                do
                {
                    before = await TotalChangesAsync(db, cancellationToken);
                    await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
                    after = await TotalChangesAsync(db, cancellationToken);
                    sql = step;
                    yield return ++steps;
                }
                while (after - before >= 2);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task<long> TotalChangesAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>("SELECT total_changes() AS Value").SingleAsync(cancellationToken);

    /// <summary>One statement: SQLite looks each term up in the vocabulary.</summary>
    public async Task<Dictionary<string, int>> ArticleCountsAsync(NewsReaderDbContext db, IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(terms.Distinct(StringComparer.Ordinal));
        var found = await db.Database
            .SqlQuery<TermCount>($"SELECT term AS Term, doc AS Articles FROM ArticleTermsVocab WHERE term IN (SELECT value FROM json_each({json}))")
            .ToListAsync(cancellationToken);
        return found.ToDictionary(t => t.Term, t => t.Articles, StringComparer.Ordinal);
    }

    /// <summary>A match per term, stopped at its first article: the vocabulary would read every article of each.</summary>
    public async Task<HashSet<string>> HeldAsync(NewsReaderDbContext db, IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(terms.Distinct(StringComparer.Ordinal));
        var held = await db.Database
            .SqlQuery<string>($"""
                SELECT value AS Value FROM json_each({json})
                WHERE EXISTS (SELECT 1 FROM ArticleTerms WHERE ArticleTerms MATCH '"' || replace(value, '"', '""') || '"')
                """)
            .ToListAsync(cancellationToken);
        return held.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>FTS5 stops reading matches at the limit.</summary>
    public async Task<int> CountAsync(NewsReaderDbContext db, TermQuery query, int atMost, CancellationToken cancellationToken) =>
        query.IsEmpty
            ? 0
            : await db.Database
                .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ArticleTerms WHERE ArticleTerms MATCH {Fts5Query.Of(query)} LIMIT {atMost})")
                .SingleAsync(cancellationToken);

    /// <summary>FTS5 reads the matches in rowid order from the given rowid on.</summary>
    public async Task<List<int>> AfterAsync(NewsReaderDbContext db, TermQuery query, long afterId, int take, CancellationToken cancellationToken) =>
        query.IsEmpty
            ? []
            : await db.Database
                .SqlQuery<int>($"SELECT rowid AS Value FROM ArticleTerms WHERE ArticleTerms MATCH {Fts5Query.Of(query)} AND rowid > {afterId} ORDER BY rowid LIMIT {take}")
                .ToListAsync(cancellationToken);

    public ITermReader OpenReader(NewsReaderDbContext db) => new SqliteTermReader(db.Database.GetDbConnection());

    public async Task<int> CountTextAsync(NewsReaderDbContext db, SearchQuery query, int atMost, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ArticleSearch WHERE ArticleSearch MATCH {Fts5Query.Of(query)} LIMIT {atMost})")
            .SingleAsync(cancellationToken);

    /// <summary>bm25 (lower is better); equal ranks newest import first (the rowid is the article id).</summary>
    public async Task<List<int>> RankTextAsync(NewsReaderDbContext db, SearchQuery query, int skip, int take, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {Fts5Query.Of(query)} ORDER BY rank, rowid DESC LIMIT {take} OFFSET {skip}")
            .ToListAsync(cancellationToken);

    /// <summary>The candidates are gathered once and counted. Dates only break ties, so they are read only for the
    /// candidates that rank no lower than the page's last one (k): a few dozen rather than every match.</summary>
    public async Task<(int Total, List<int> Ids)> RankAsync(
        NewsReaderDbContext db, Candidates candidates, int skip, int take, CancellationToken cancellationToken)
    {
        var (ranked, parameters) = Ranked(candidates);
        var pageSql = "WITH c AS MATERIALIZED (" + ranked + "), "
            + "k AS (SELECT Rank, Mentions FROM c ORDER BY Rank, Mentions DESC LIMIT 1 OFFSET @last) "
            + "SELECT c.Id, (SELECT COUNT(*) FROM c) AS Total FROM c "
            + "JOIN Articles a INDEXED BY IX_Articles_Id_PublishedAt ON a.Id = c.Id "
            + "WHERE NOT EXISTS (SELECT 1 FROM k) OR (c.Rank, -c.Mentions) <= (SELECT Rank, -Mentions FROM k) "
            + "ORDER BY c.Rank, c.Mentions DESC, a.PublishedAt DESC, a.Id LIMIT @take OFFSET @skip";
        object[] pageParameters = [.. Fresh(parameters), new SqliteParameter("@take", take), new SqliteParameter("@skip", skip), new SqliteParameter("@last", skip + take - 1)];
        var rows = await db.Database.SqlQueryRaw<CandidateRow>(pageSql, pageParameters).ToListAsync(cancellationToken);

        // A page past the end has no rows to carry the total.
        var countSql = "SELECT COUNT(*) AS Value FROM (" + ranked + ")";
        var total = rows.Count > 0 || skip == 0
            ? rows.FirstOrDefault()?.Total ?? 0
            : await db.Database.SqlQueryRaw<int>(countSql, Fresh(parameters)).SingleAsync(cancellationToken);
        return (total, rows.Select(r => r.Id).ToList());
    }

    /// <summary>The contenders travel as one JSON parameter; the entity ids, integers, are written into the SQL.</summary>
    public async Task<List<int>> RankLevelsAsync(
        NewsReaderDbContext db, IReadOnlyList<(int Id, int Level)> contenders, IReadOnlyList<int> entityIds, int skip, int take,
        CancellationToken cancellationToken)
    {
        var json = "[" + string.Join(',', contenders.Select(c => $"[{c.Id},{c.Level}]")) + "]";
        var sql = $"""
            SELECT a.Id AS Value FROM json_each(@contenders) c
            JOIN Articles a INDEXED BY IX_Articles_Id_PublishedAt ON a.Id = c.value ->> 0
            ORDER BY c.value ->> 1 DESC,
                (SELECT COALESCE(SUM(ea.Mentions), 0) FROM EntityArticles ea WHERE ea.ArticleId = a.Id AND ea.EntityId IN ({IdList(entityIds)})) DESC,
                a.PublishedAt DESC, a.Id
            LIMIT @take OFFSET @skip
            """;
        return await db.Database.SqlQueryRaw<int>(
                sql, new SqliteParameter("@contenders", json), new SqliteParameter("@take", take), new SqliteParameter("@skip", skip))
            .ToListAsync(cancellationToken);
    }

    /// <summary>SQL for the candidates with their text rank (bm25: lower is better) and mentions of the entities.</summary>
    private static (string Sql, SqliteParameter[] Parameters) Ranked(Candidates candidates)
    {
        var within = candidates.Within is { IsEmpty: false } terms
            ? new SqliteParameter("@within", Fts5Query.Of(terms))
            : null;
        var mentioned = "SELECT ArticleId AS Id, SUM(Mentions) AS Mentions FROM EntityArticles "
            + $"WHERE EntityId IN ({IdList(candidates.EntityIds)})"
            + (within is null ? "" : " AND ArticleId IN (SELECT rowid FROM ArticleTerms WHERE ArticleTerms MATCH @within)")
            + " GROUP BY ArticleId";
        if (candidates.Text is not { } text)
        {
            return ($"SELECT Id, 0.0 AS Rank, Mentions FROM ({mentioned})", within is null ? [] : [within]);
        }

        var match = new SqliteParameter("@match", Fts5Query.Of(text));
        SqliteParameter[] parameters = within is null ? [match] : [match, within];
        if (candidates.NeedsBoth)
        {
            // The entity's articles are gathered first and looked up from each text match, so bm25 is computed only for
            // the articles that pass (the unary + keeps the rowid from being handed to FTS5, which would answer each one
            // with a lookup of its own).
            return (
                $"SELECT m.Id, bm25(ArticleSearch) AS Rank, m.Mentions FROM ArticleSearch CROSS JOIN ({mentioned}) m "
                    + "WHERE ArticleSearch MATCH @match AND m.Id = +ArticleSearch.rowid",
                parameters);
        }

        // Either side may match: one pass over each, folded per article. (Outer joins back to the FTS5 query ran it once
        // per article: 100 ms and more, against 4 ms.)
        return (
            $"""
            SELECT Id, MIN(Rank) AS Rank, MAX(Mentions) AS Mentions
            FROM (SELECT rowid AS Id, bm25(ArticleSearch) AS Rank, 0 AS Mentions FROM ArticleSearch WHERE ArticleSearch MATCH @match UNION ALL SELECT Id, 0.0, Mentions FROM ({mentioned}))
            GROUP BY Id
            """,
            parameters);
    }

    private static string IdList(IReadOnlyList<int> ids) => string.Join(',', ids);

    /// <summary>A command's parameters belong to it: each statement gets copies.</summary>
    private static object[] Fresh(SqliteParameter[] parameters) =>
        parameters.Select(p => (object)new SqliteParameter(p.ParameterName, p.Value)).ToArray();

    private sealed record TermCount(string Term, int Articles);

    private sealed record CandidateRow(int Id, int Total);
}
