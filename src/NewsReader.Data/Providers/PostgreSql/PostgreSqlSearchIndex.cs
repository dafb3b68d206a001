using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Search;
using NewsReader.Data.Search;
using Npgsql;
using NpgsqlTypes;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>The search indexes as tables keyed by article id, each with a <c>tsvector</c> column under a GIN index:
/// <c>ArticleSearch</c> (the title's and body's stems with positions, for phrases and <c>ts_rank_cd</c>) and
/// <c>ArticleTerms</c> (the terms, no positions). <c>SearchTermCounts</c> keeps how many articles hold each term, in
/// the same transaction as the terms, since PostgreSQL has no cheap count of a GIN key's rows (SQLite's
/// <c>fts5vocab</c>). The SQL is composed only of fixed text; every value travels as a parameter.</summary>
internal sealed class PostgreSqlSearchIndex : ISearchIndex
{
    /// <summary>Adds the differences between an article's stored terms and <c>@terms</c> to the counts, one upsert for
    /// all of them. Rows are taken in term order, so two writers never wait for each other in a circle.</summary>
    internal const string AdjustCountsSql = """
        WITH old AS (SELECT unnest(tsvector_to_array("Terms")) AS t FROM "ArticleTerms" WHERE "ArticleId" = @id),
        changes AS (
            SELECT t, SUM(d)::int AS d
            FROM (SELECT t, -1 AS d FROM old UNION ALL SELECT unnest(@terms::text[]), 1) x
            GROUP BY t HAVING SUM(d) <> 0)
        INSERT INTO "SearchTermCounts" ("Term", "Articles") SELECT t, d FROM changes ORDER BY t
        ON CONFLICT ("Term") DO UPDATE SET "Articles" = "SearchTermCounts"."Articles" + EXCLUDED."Articles"
        """;

    /// <summary>Adds counts for many articles at once (a bulk import's batch), the terms in order.</summary>
    internal const string AddCountsSql = """
        INSERT INTO "SearchTermCounts" ("Term", "Articles")
        SELECT t, n FROM unnest(@terms::text[], @counts::int[]) AS u(t, n) ORDER BY t
        ON CONFLICT ("Term") DO UPDATE SET "Articles" = "SearchTermCounts"."Articles" + EXCLUDED."Articles"
        """;

    public async Task AddAsync(NewsReaderDbContext db, int articleId, SearchEntry entry, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ArticleSearch" ("ArticleId", "Document") VALUES ({articleId}, {TsText.Document(entry.Title, entry.Body)}::tsvector)""",
            cancellationToken);
        await ReplaceTermsAsync(db, articleId, entry.Terms, cancellationToken);
    }

    public async Task ReplaceTermsAsync(NewsReaderDbContext db, int articleId, string terms, CancellationToken cancellationToken)
    {
        var held = TsText.Split(terms);
        await AdjustCountsAsync(db, articleId, held, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ArticleTerms" ("ArticleId", "Terms") VALUES ({articleId}, {TsText.Terms(held)}::tsvector)
            ON CONFLICT ("ArticleId") DO UPDATE SET "Terms" = EXCLUDED."Terms"
            """,
            cancellationToken);
    }

    public async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        await AdjustCountsAsync(db, articleId, [], cancellationToken);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleTerms" WHERE "ArticleId" = {articleId}""", cancellationToken);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleSearch" WHERE "ArticleId" = {articleId}""", cancellationToken);
    }

    /// <summary>The advisory lock between a bulk import's entries (shared, so that imports do not wait for each other)
    /// and a repair (exclusive); the start-up lock's number with its last letter changed.</summary>
    internal const long EntriesLock = 0x4e657773_52656165;

    public Task LockEntriesAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({EntriesLock})", cancellationToken);

    /// <summary>Only an article without entries can have some on their way: then the lock waits for the imports
    /// writing entries, and the caller's next statements see what they wrote; an import starting meanwhile waits for the
    /// caller's commit and finds the article indexed. Taken before the caller's save touches the terms' counts, which
    /// an import's entries update too.</summary>
    public async Task SettleAsync(NewsReaderDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return;
        }

        var ids = articleIds.ToArray();
        var unindexed = await db.Database.SqlQuery<bool>($"""
                SELECT EXISTS (SELECT 1 FROM unnest({ids}) AS a(id)
                    WHERE NOT EXISTS (SELECT 1 FROM "ArticleSearch" s WHERE s."ArticleId" = a.id)) AS "Value"
                """)
            .SingleAsync(cancellationToken);
        if (unindexed)
        {
            await LockEntriesAsync(db, cancellationToken);
        }
    }

    public Task<List<int>> UnindexedAsync(NewsReaderDbContext db, int afterId, int take, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""
                SELECT a."Id" AS "Value" FROM "Articles" a
                WHERE a."Id" > {afterId}
                    AND (NOT EXISTS (SELECT 1 FROM "ArticleSearch" s WHERE s."ArticleId" = a."Id")
                        OR NOT EXISTS (SELECT 1 FROM "ArticleTerms" t WHERE t."ArticleId" = a."Id"))
                ORDER BY a."Id" LIMIT {take}
                """)
            .ToListAsync(cancellationToken);

    /// <summary>Index-only scans of the three keys: about 0.5 s at a million, where looking for each article's entries
    /// took 3.5 s.</summary>
    public Task<bool> AllIndexedAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
                SELECT n = (SELECT count(*) FROM "ArticleSearch") AND n = (SELECT count(*) FROM "ArticleTerms") AS "Value"
                FROM (SELECT count(*) AS n FROM "Articles") a
                """)
            .SingleAsync(cancellationToken);

    /// <summary>Moves what GIN's fast-update lists hold into the indexes proper, and refreshes the planner's statistics
    /// on the search tables, whose estimates decide between an index and a scan.</summary>
    public async IAsyncEnumerable<int> MergeAsync(NewsReaderDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """SELECT gin_clean_pending_list('"IX_ArticleSearch_Document"'::regclass), gin_clean_pending_list('"IX_ArticleTerms_Terms"'::regclass)""",
            cancellationToken);
        yield return 1;
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "ArticleSearch", "ArticleTerms", "SearchTermCounts" """, cancellationToken);
        yield return 2;
    }

    public async Task<Dictionary<string, int>> ArticleCountsAsync(NewsReaderDbContext db, IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var found = await db.Database
            .SqlQuery<TermCount>($"""SELECT "Term", "Articles" FROM "SearchTermCounts" WHERE "Term" = ANY({terms.Distinct(StringComparer.Ordinal).ToArray()}) AND "Articles" > 0""")
            .ToListAsync(cancellationToken);
        return found.ToDictionary(t => t.Term, t => t.Articles, StringComparer.Ordinal);
    }

    /// <summary>The counts table answers as cheaply as for counts.</summary>
    public async Task<HashSet<string>> HeldAsync(NewsReaderDbContext db, IReadOnlyCollection<string> terms, CancellationToken cancellationToken) =>
        (await ArticleCountsAsync(db, terms, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The heap is visited for at most <paramref name="atMost"/> matches (GIN has no index-only scans).</summary>
    public async Task<int> CountAsync(NewsReaderDbContext db, TermQuery query, int atMost, CancellationToken cancellationToken) =>
        query.IsEmpty
            ? 0
            : await CountUpToAsync(
                db,
                $"""
                SELECT COUNT(*)::int AS "Value"
                FROM (SELECT 1 FROM "ArticleTerms" WHERE "Terms" @@ {TsText.Query(query)}::tsquery LIMIT {atMost}) AS m
                """,
                cancellationToken);

    public async Task<List<int>> AfterAsync(NewsReaderDbContext db, TermQuery query, long afterId, int take, CancellationToken cancellationToken) =>
        query.IsEmpty
            ? []
            : await db.Database
                .SqlQuery<int>($"""
                    SELECT "ArticleId" AS "Value" FROM "ArticleTerms"
                    WHERE "Terms" @@ {TsText.Query(query)}::tsquery AND "ArticleId" > {afterId}
                    ORDER BY "ArticleId" LIMIT {take}
                    """)
                .ToListAsync(cancellationToken);

    public ITermReader OpenReader(NewsReaderDbContext db) => new PostgreSqlTermReader((NpgsqlConnection)db.Database.GetDbConnection());

    public async Task<int> CountTextAsync(NewsReaderDbContext db, SearchQuery query, int atMost, CancellationToken cancellationToken) =>
        await CountUpToAsync(
            db,
            $"""
            SELECT COUNT(*)::int AS "Value"
            FROM (SELECT 1 FROM "ArticleSearch" WHERE "Document" @@ {TsText.Query(query)}::tsquery LIMIT {atMost}) AS m
            """,
            cancellationToken);

    /// <summary>A count that stops at a limit, by bitmap scans only. Told of the limit, the planner may walk the table
    /// and test each row's <c>tsvector</c> (kilobytes, stored out of line), expecting matches early: 2.7 s for حلب at a
    /// million. The GIN index gives every match's place at once; then only the first rows up to the limit are visited.
    /// The settings last for this count's own transaction (none is set inside a caller's).</summary>
    private static async Task<int> CountUpToAsync(NewsReaderDbContext db, FormattableString sql, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (own is not null)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off", cancellationToken);
        }

        var count = await db.Database.SqlQuery<int>(sql).SingleAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return count;
    }

    /// <summary><c>ts_rank_cd</c>, cover density, with the rank divided by 1 + the log of the article's length (as bm25
    /// weighs long articles down); equal ranks newest import first.</summary>
    public async Task<List<int>> RankTextAsync(NewsReaderDbContext db, SearchQuery query, int skip, int take, CancellationToken cancellationToken)
    {
        var match = TsText.Query(query);
        return await db.Database
            .SqlQuery<int>($"""
                SELECT "ArticleId" AS "Value" FROM "ArticleSearch" WHERE "Document" @@ {match}::tsquery
                ORDER BY ts_rank_cd("Document", {match}::tsquery, 1) DESC, "ArticleId" DESC LIMIT {take} OFFSET {skip}
                """)
            .ToListAsync(cancellationToken);
    }

    /// <summary>As on SQLite: the candidates gathered once and counted; dates read only for those that rank no lower
    /// than the page's last one (k).</summary>
    public async Task<(int Total, List<int> Ids)> RankAsync(
        NewsReaderDbContext db, Candidates candidates, int skip, int take, CancellationToken cancellationToken)
    {
        var ranked = Ranked(candidates);
        var pageSql = "WITH c AS MATERIALIZED (" + ranked + "), "
            + """k AS (SELECT "Rank", "Mentions" FROM c ORDER BY "Rank", "Mentions" DESC LIMIT 1 OFFSET @last) """
            + """SELECT c."Id", (SELECT COUNT(*)::int FROM c) AS "Total" FROM c JOIN "Articles" a ON a."Id" = c."Id" """
            + """WHERE NOT EXISTS (SELECT 1 FROM k) OR (c."Rank", -c."Mentions") <= (SELECT "Rank", -"Mentions" FROM k) """
            + """ORDER BY c."Rank", c."Mentions" DESC, a."PublishedAt" DESC, a."Id" LIMIT @take OFFSET @skip""";
        var rows = await db.Database
            .SqlQueryRaw<CandidateRow>(pageSql, [.. Parameters(candidates), new NpgsqlParameter("last", skip + take - 1), new NpgsqlParameter("take", take), new NpgsqlParameter("skip", skip)])
            .ToListAsync(cancellationToken);

        // A page past the end has no rows to carry the total.
        var countSql = """SELECT COUNT(*)::int AS "Value" FROM (""" + ranked + ") r";
        var total = rows.Count > 0 || skip == 0
            ? rows.FirstOrDefault()?.Total ?? 0
            : await db.Database.SqlQueryRaw<int>(countSql, Parameters(candidates)).SingleAsync(cancellationToken);
        return (total, rows.Select(r => r.Id).ToList());
    }

    public async Task<List<int>> RankLevelsAsync(
        NewsReaderDbContext db, IReadOnlyList<(int Id, int Level)> contenders, IReadOnlyList<int> entityIds, int skip, int take,
        CancellationToken cancellationToken)
    {
        var ids = contenders.Select(c => c.Id).ToArray();
        var levels = contenders.Select(c => c.Level).ToArray();
        return await db.Database
            .SqlQuery<int>($"""
                SELECT a."Id" AS "Value" FROM unnest({ids}::int[], {levels}::int[]) AS c("Id", "Level")
                JOIN "Articles" a ON a."Id" = c."Id"
                ORDER BY c."Level" DESC,
                    (SELECT COALESCE(SUM(ea."Mentions"), 0) FROM "EntityArticles" ea WHERE ea."ArticleId" = a."Id" AND ea."EntityId" = ANY({entityIds.ToArray()})) DESC,
                    a."PublishedAt" DESC, a."Id"
                LIMIT {take} OFFSET {skip}
                """)
            .ToListAsync(cancellationToken);
    }

    private static Task<int> AdjustCountsAsync(NewsReaderDbContext db, int articleId, string[] terms, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            AdjustCountsSql,
            [new NpgsqlParameter("id", articleId), new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms }],
            cancellationToken);

    /// <summary>SQL for the candidates with their text rank (lower is better, as bm25's) and mentions of the entities.</summary>
    private static string Ranked(Candidates candidates)
    {
        var mentioned = """SELECT "ArticleId" AS "Id", SUM("Mentions")::int AS "Mentions" FROM "EntityArticles" WHERE "EntityId" = ANY(@entities)"""
            + (candidates.Within is { IsEmpty: false } ? """ AND "ArticleId" IN (SELECT "ArticleId" FROM "ArticleTerms" WHERE "Terms" @@ @within::tsquery)""" : "")
            + """ GROUP BY "ArticleId" """;
        const string Rank = """-ts_rank_cd("Document", @match::tsquery, 1)::float8""";
        if (candidates.Text is null)
        {
            return $"""SELECT "Id", 0::float8 AS "Rank", "Mentions" FROM ({mentioned}) m""";
        }

        if (candidates.NeedsBoth)
        {
            return $"""
                SELECT m."Id", {Rank} AS "Rank", m."Mentions" FROM "ArticleSearch" s JOIN ({mentioned}) m ON m."Id" = s."ArticleId"
                WHERE s."Document" @@ @match::tsquery
                """;
        }

        return $"""
            SELECT "Id", MIN("Rank") AS "Rank", MAX("Mentions") AS "Mentions"
            FROM (SELECT "ArticleId" AS "Id", {Rank} AS "Rank", 0 AS "Mentions" FROM "ArticleSearch" WHERE "Document" @@ @match::tsquery
                UNION ALL SELECT "Id", 0::float8, "Mentions" FROM ({mentioned}) m) x
            GROUP BY "Id"
            """;
    }

    /// <summary>Fresh parameters for each statement (a parameter belongs to one command).</summary>
    private static object[] Parameters(Candidates candidates)
    {
        var parameters = new List<object> { new NpgsqlParameter("entities", candidates.EntityIds.ToArray()) };
        if (candidates.Within is { IsEmpty: false } within)
        {
            parameters.Add(new NpgsqlParameter("within", TsText.Query(within)));
        }

        if (candidates.Text is { } text)
        {
            parameters.Add(new NpgsqlParameter("match", TsText.Query(text)));
        }

        return [.. parameters];
    }

    private sealed record TermCount(string Term, int Articles);

    private sealed record CandidateRow(int Id, int Total);
}
