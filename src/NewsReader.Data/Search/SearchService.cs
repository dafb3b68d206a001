using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Core.Entities;
using NewsReader.Core.Search;
using NewsReader.Core.Text;
using NewsReader.Data.Entities;

namespace NewsReader.Data.Search;

/// <summary>Finds articles by the entities they mention (every spelling, through the stored mentions)
/// and by the words of their text (through the full-text indexes of <see cref="SearchIndex"/>), ordered by relevance,
/// then recency.</summary>
public sealed class SearchService(IDbContextFactory<NewsReaderDbContext> contexts, EntityStore entities)
{
    // Compiled once: every search asks it, and looking a LINQ query up in EF's cache costs more than running it.
    private static readonly Func<NewsReaderDbContext, string, string, EntityType?, IAsyncEnumerable<SearchedEntity>> EntitiesNamed =
        EF.CompileAsyncQuery((NewsReaderDbContext db, string folded, string namePrefix, EntityType? type) => db.Entities
            .Where(e => type == null || e.Type == type)
            .Where(e => e.NormalizedName == folded
                || EF.Functions.Like(e.NormalizedName, namePrefix, "\\")
                || e.Aliases.Any(a => a.NormalizedText == folded))
            .Select(e => new SearchedEntity(e.Id, new EntitySummary(e.Key, e.Name, e.Type))));

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var query = Parse(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One connection for the whole search: EF otherwise opens and sets up a connection for each query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        query = await WordFormCounts.ResolveAsync(db, query, cancellationToken);
        var searched = await SearchedEntitiesAsync(db, request, cancellationToken);
        var entityIds = searched.Select(e => e.Id).ToList();

        // An explicit entity must be mentioned, and the words (if any) found too. Words alone find the text,
        // and also the articles that mention an entity those words name ("Syrian Observatory" finds المرصد).
        // With a type, words look only for entities of that type.
        var needsBoth = request.EntityKey is not null;
        var useText = !query.IsEmpty && (request.Type is null || needsBoth);
        if ((needsBoth && entityIds.Count == 0) || (!useText && entityIds.Count == 0))
        {
            return new SearchResult(0, [], [], await SuggestAsync(request, cancellationToken));
        }

        if (useText && entityIds.Count == 0)
        {
            return await TextOnlyAsync(db, request, query, cancellationToken);
        }

        var skip = (request.Page - 1) * request.PageSize;
        var (total, ids) = (useText ? query.Forms : []) switch
        {
            [[var word]] when needsBoth => await WordWithinEntitiesAsync(db, word, entityIds, skip, request.PageSize, cancellationToken),
            [[var word]] => await OneWordOrEntitiesAsync(db, word, entityIds, skip, request.PageSize, cancellationToken),
            _ => await RankedAsync(db, Candidates(query, useText, entityIds, needsBoth), skip, request.PageSize, cancellationToken),
        };
        var hits = await HitsAsync(db, ids, query, entityIds, cancellationToken);
        var names = searched.Select(e => e.Summary).ToList();
        return new SearchResult(total, hits, names, total == 0 ? await SuggestAsync(request, cancellationToken) : []);
    }

    /// <summary>A page of candidates (<see cref="Candidates"/>) ranked in SQL: text rank, then mentions, then date.
    /// The SQL is composed only of fixed text and entity ids (integers); what a reader typed travels as a parameter.
    /// The candidates are gathered once and counted. Dates only break ties, so they are read only for the
    /// candidates that rank no lower than the page's last one (k): a few dozen rather than every match.</summary>
    private static async Task<(int Total, List<int> Ids)> RankedAsync(
        NewsReaderDbContext db, (string Sql, List<SqliteParameter> Parameters) candidates, int skip, int take,
        CancellationToken cancellationToken)
    {
        var (ranked, parameters) = candidates;
        var pageSql = "WITH c AS MATERIALIZED (" + ranked + "), "
            + "k AS (SELECT Rank, Mentions FROM c ORDER BY Rank, Mentions DESC LIMIT 1 OFFSET @last) "
            + "SELECT c.Id, (SELECT COUNT(*) FROM c) AS Total FROM c "
            + "JOIN Articles a INDEXED BY IX_Articles_Id_PublishedAt ON a.Id = c.Id "
            + "WHERE NOT EXISTS (SELECT 1 FROM k) OR (c.Rank, -c.Mentions) <= (SELECT Rank, -Mentions FROM k) "
            + "ORDER BY c.Rank, c.Mentions DESC, a.PublishedAt DESC, a.Id LIMIT @take OFFSET @skip";
        var pageParameters = Clone(parameters)
            .Append(new SqliteParameter("@take", take))
            .Append(new SqliteParameter("@skip", skip))
            .Append(new SqliteParameter("@last", skip + take - 1))
            .ToArray();
        var rows = await db.Database.SqlQueryRaw<CandidateRow>(pageSql, pageParameters).ToListAsync(cancellationToken);

        // A page past the end has no rows to carry the total.
        var countSql = "SELECT COUNT(*) AS Value FROM (" + ranked + ")";
        var total = rows.Count > 0 || skip == 0
            ? rows.FirstOrDefault()?.Total ?? 0
            : await db.Database.SqlQueryRaw<int>(countSql, Clone(parameters)).SingleAsync(cancellationToken);
        return (total, rows.Select(r => r.Id).ToList());
    }

    /// <summary>One word that names entities (حلب, Aleppo): the articles that hold the word (<see cref="LevelsThenMentionsAsync"/>),
    /// then those that only mention an entity, ranked like an entity's. The terms index tells the two apart itself.
    /// (bm25 for every article that holds a common name, folded with the mentions in SQL, took 17 ms for حلب.)</summary>
    private static async Task<(int Total, List<int> Ids)> OneWordOrEntitiesAsync(
        NewsReaderDbContext db, IReadOnlySet<string> forms, List<int> entityIds, int skip, int take, CancellationToken cancellationToken)
    {
        var word = AnyTerm(forms.Select(IndexTerms.Word));
        var mentioning = AnyOf(entityIds);
        List<int> ids;
        await using (var levels = new LevelReader(db, (await WeighAsync(db, [forms], cancellationToken))!, within: null))
        {
            ids = await LevelsThenMentionsAsync(db, levels, entityIds, skip, take, cancellationToken);
        }

        if (ids.Count == take)
        {
            return (await CountTermsAsync(db, $"{word} OR {mentioning}", cancellationToken), ids);
        }

        // The page runs past the articles that hold the word. Ranking those that only mention an entity counts them too.
        var holding = await CountTermsAsync(db, word, cancellationToken);
        var tailSql = $"SELECT Id, 0.0 AS Rank, Mentions FROM ({Mentioned(entityIds, " AND ArticleId IN (SELECT rowid FROM ArticleTerms WHERE ArticleTerms MATCH @terms)")})";
        var tail = await RankedAsync(
            db, (tailSql, [new SqliteParameter("@terms", $"{mentioning} NOT {word}")]), Math.Max(0, skip - holding), take - ids.Count, cancellationToken);
        return (holding + tail.Total, [.. ids, .. tail.Ids]);
    }

    /// <summary>One word within the articles that mention an entity (هدنة in Aleppo's articles): the terms index
    /// intersects the two itself, level by level, so only the articles that hold both are ever read.</summary>
    private static async Task<(int Total, List<int> Ids)> WordWithinEntitiesAsync(
        NewsReaderDbContext db, IReadOnlySet<string> forms, List<int> entityIds, int skip, int take, CancellationToken cancellationToken)
    {
        var mentioning = AnyOf(entityIds);
        var total = await CountTermsAsync(db, $"{AnyTerm(forms.Select(IndexTerms.Word))} AND {mentioning}", cancellationToken);
        await using var levels = new LevelReader(db, (await WeighAsync(db, [forms], cancellationToken))!, mentioning);
        return (total, await LevelsThenMentionsAsync(db, levels, entityIds, skip, take, cancellationToken));
    }

    /// <summary>A page of the articles a <see cref="LevelReader"/> reads, ranked as one word alone is (the level of its
    /// weight), then by mentions of the entities, then by date. Levels wholly before the page are only counted; then
    /// whole levels are read until they hold the page, so every article ranked above the page's last place is among
    /// them, and only theirs are counted. (Reading every level before a deep page took 32 ms on page 1,200 of حلب.)</summary>
    private static async Task<List<int>> LevelsThenMentionsAsync(
        NewsReaderDbContext db, LevelReader levels, List<int> entityIds, int skip, int take, CancellationToken cancellationToken)
    {
        var contenders = new List<(int Id, int Level)>();
        for (var level = WordWeights.Levels - 1; level >= 0 && contenders.Count < skip + take; level--)
        {
            if (contenders.Count == 0 && skip > 0)
            {
                var atLevel = await levels.CountAsync(level, cancellationToken);
                if (atLevel <= skip)
                {
                    skip -= atLevel;
                    continue;
                }
            }

            contenders.AddRange((await levels.ReadAsync(level, -1, 0, cancellationToken)).Select(id => (id, level)));
        }

        if (contenders.Count == 0)
        {
            return [];
        }

        // Entity ids are integers, written into the SQL; the contenders travel as a parameter.
        var json = "[" + string.Join(',', contenders.Select(c => $"[{c.Id},{c.Level}]")) + "]";
        var sql = $"""
            SELECT a.Id AS Value FROM json_each(@contenders) c
            JOIN Articles a INDEXED BY IX_Articles_Id_PublishedAt ON a.Id = c.value ->> 0
            ORDER BY c.value ->> 1 DESC,
                (SELECT COUNT(*) FROM Mentions m WHERE m.EntityId IN ({string.Join(',', entityIds)}) AND m.ArticleId = a.Id) DESC,
                a.PublishedAt DESC, a.Id
            LIMIT @take OFFSET @skip
            """;
        return await db.Database.SqlQueryRaw<int>(
                sql, new SqliteParameter("@contenders", json), new SqliteParameter("@take", take), new SqliteParameter("@skip", skip))
            .ToListAsync(cancellationToken);
    }

    private static Task<int> CountTermsAsync(NewsReaderDbContext db, string match, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM ArticleTerms WHERE ArticleTerms MATCH {match}").SingleAsync(cancellationToken);

    /// <summary>An FTS5 query for the articles that mention any of the entities.</summary>
    private static string AnyOf(List<int> entityIds) => AnyTerm(entityIds.Select(IndexTerms.Entity));

    /// <summary>An FTS5 query for any of the terms, each quoted.</summary>
    private static string AnyTerm(IEnumerable<string> terms) => "(" + string.Join(" OR ", terms.Select(Quoted)) + ")";

    /// <summary>A term quoted, so that FTS5 reads no operator in it.</summary>
    private static string Quoted(string term) => $"\"{term}\"";

    /// <summary>SQL for the articles that mention the entities, with how often. Entity ids are integers, so they
    /// are written into the SQL; <paramref name="articles"/> is fixed text.</summary>
    private static string Mentioned(List<int> entityIds, string articles = "") =>
        $"SELECT ArticleId AS Id, COUNT(*) AS Mentions FROM Mentions WHERE EntityId IN ({string.Join(',', entityIds)}){articles} GROUP BY ArticleId";

    /// <summary>The reader's own annotations that match: their quotes, comments and tags hold the words, or they are
    /// about a searched entity (the reader said so, or the passage mentions it). Newest first. A reader's
    /// annotations number in the thousands at most, so they are matched in memory, with the article search's rules.</summary>
    public async Task<AnnotationSearchResult> SearchAnnotationsAsync(SearchRequest request, string ownerId, CancellationToken cancellationToken = default)
    {
        var query = Parse(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        query = await WordFormCounts.ResolveAsync(db, query, cancellationToken);
        var searched = await SearchedEntitiesAsync(db, request, cancellationToken);
        var annotations = await db.Annotations.AsNoTracking().Where(a => a.OwnerId == ownerId).ToListAsync(cancellationToken);
        var articleIds = annotations.Select(a => a.ArticleId).Distinct().ToList();
        var entityIds = searched.Select(e => e.Id).ToList();
        var keys = searched.Select(e => e.Summary.Key).ToHashSet(StringComparer.Ordinal);
        var mentions = entityIds.Count == 0
            ? []
            : await db.Mentions.Where(m => entityIds.Contains(m.EntityId) && articleIds.Contains(m.ArticleId))
                .Select(m => new { m.ArticleId, m.Start, m.Length })
                .ToListAsync(cancellationToken);
        var mentionsByArticle = mentions.ToLookup(m => m.ArticleId, m => new TextSpan(m.Start, m.Length));

        List<TextSpan> MentionsIn(Annotation a) =>
            a.Anchor == AnchorKind.Orphan
                ? []
                : mentionsByArticle[a.ArticleId].Where(m => m.Start < a.End && m.End > a.Start).ToList();
        bool About(Annotation a) => a.EntityKeys.Any(keys.Contains) || MentionsIn(a).Count > 0;
        bool Says(Annotation a) => !query.IsEmpty && query.IsMatchedBy([a.Exact, a.Comment ?? "", .. a.Tags]);

        var matching = annotations
            .Where(a => request.EntityKey is not null ? About(a) && (query.IsEmpty || Says(a)) : Says(a) || About(a))
            .OrderByDescending(a => a.UpdatedAt)
            .ToList();
        var page = matching.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        var pageArticles = page.Select(a => a.ArticleId).Distinct().ToList();
        var titles = await db.Articles.Where(a => pageArticles.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Language })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var hits = page.Select(a => new AnnotationHit(
                a,
                titles[a.ArticleId].Title,
                titles[a.ArticleId].Language,
                Snippets.Merge(MentionsIn(a)
                    .Select(m => new TextSpan(Math.Max(m.Start, a.Start) - a.Start, Math.Min(m.End, a.End) - Math.Max(m.Start, a.Start)))
                    .Concat(query.IsEmpty ? [] : Snippets.WordMatches(a.Exact, query)))))
            .ToList();
        return new AnnotationSearchResult(matching.Count, hits);
    }

    /// <summary>The request's words, once the request is known to be valid.</summary>
    private static SearchQuery Parse(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Validate() is [var problem, ..] ? throw new ArgumentException(problem, nameof(request)) : SearchQuery.Parse(request.Query);
    }

    /// <summary>The entity given by key, or else the entities one of whose spellings is exactly the query, or
    /// whose English name is the query or starts with its words ("Syrian Observatory"), after normalization.</summary>
    private static async Task<List<SearchedEntity>> SearchedEntitiesAsync(
        NewsReaderDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.EntityKey is { } key)
        {
            return await db.Entities.Where(e => e.Key == key)
                .Select(e => new SearchedEntity(e.Id, new EntitySummary(e.Key, e.Name, e.Type)))
                .ToListAsync(cancellationToken);
        }

        var folded = ArabicNormalizer.Fold((request.Query ?? "").Replace("\"", "", StringComparison.Ordinal).Trim());
        if (folded.Length == 0)
        {
            return [];
        }

        var named = new List<SearchedEntity>();
        var namePrefix = EntityStore.EscapeLike(folded) + " %";
        await foreach (var entity in EntitiesNamed(db, folded, namePrefix, request.Type).WithCancellation(cancellationToken))
        {
            named.Add(entity);
        }

        return named;
    }

    /// <summary>Words alone: FTS5 counts the matches. One word or a two-word phrase is ranked by its weight in each
    /// article, read level by level from the terms index; several clauses or a longer phrase are ranked by FTS5 itself
    /// (bm25), without a join per match. Equal ranks go newest import first (the rowid is the article id).</summary>
    private async Task<SearchResult> TextOnlyAsync(
        NewsReaderDbContext db, SearchRequest request, SearchQuery query, CancellationToken cancellationToken)
    {
        var match = query.ToFts5();
        var total = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {match}")
            .SingleAsync(cancellationToken);
        var skip = (request.Page - 1) * request.PageSize;
        var ids = query.Forms is [var clause] && await WeighAsync(db, clause, cancellationToken) is { } term
            ? await HeaviestFirstAsync(db, term, request.PageSize, skip, cancellationToken)
            : await db.Database
                .SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {match} ORDER BY rank, rowid DESC LIMIT {request.PageSize} OFFSET {skip}")
                .ToListAsync(cancellationToken);
        var hits = await HitsAsync(db, ids, query, [], cancellationToken);
        return new SearchResult(total, hits, [], total == 0 ? await SuggestAsync(request, cancellationToken) : []);
    }

    /// <summary>How the terms index weighs a clause, as its terms at each level: one word by its weight (any of its
    /// forms), a two-word phrase by its pair's (any combination of the forms), keeping only the terms the index holds (one
    /// vocabulary read), so that an empty level costs no query and a word's many forms make small queries. A longer
    /// phrase has no terms of its own (null).</summary>
    private static async Task<Weights?> WeighAsync(NewsReaderDbContext db, IReadOnlyList<IReadOnlySet<string>> clause, CancellationToken cancellationToken)
    {
        Func<int, IEnumerable<string>>? terms = clause switch
        {
            [var forms] => level => forms.Select(f => IndexTerms.Weighed(level, f)),
            [_, _] => level => SearchQuery.Combinations(clause).Select(p => IndexTerms.Paired(level, p[0], p[1])),
            _ => null,
        };
        if (terms is null)
        {
            return null;
        }

        var levels = Enumerable.Range(0, WordWeights.Levels).Select(level => terms(level).ToList()).ToList();
        var held = await SearchIndex.HeldTermsAsync(db, levels.SelectMany(l => l), cancellationToken);
        var kept = levels.Select(l => (IReadOnlyList<string>)l.Where(held.Contains).ToList()).ToList();
        return new Weights(level => kept[level], clause.Aggregate(1, (n, word) => n * word.Count));
    }

    /// <summary>A page of the articles that hold one word or two-word phrase, heaviest first. bm25 costs about half a
    /// microsecond for every match (15,000 articles hold a common word: 8 ms), more for a phrase. Here the levels are
    /// read from the heaviest down, each newest first straight from the index, until the page is full: a page costs
    /// a few index reads however many articles match (levels before the page are only counted).</summary>
    private static async Task<List<int>> HeaviestFirstAsync(
        NewsReaderDbContext db, Weights term, int take, int skip, CancellationToken cancellationToken)
    {
        await using var levels = new LevelReader(db, term, within: null);
        var ids = new List<int>(take);
        for (var level = WordWeights.Levels - 1; level >= 0 && ids.Count < take; level--)
        {
            if (skip > 0)
            {
                var atLevel = await levels.CountAsync(level, cancellationToken);
                if (atLevel <= skip)
                {
                    skip -= atLevel;
                    continue;
                }
            }

            ids.AddRange(await levels.ReadAsync(level, take - ids.Count, skip, cancellationToken));
            skip = 0;
        }

        return ids;
    }

    /// <summary>SQL for the matching articles with their text rank (bm25: lower is better) and mention count.
    /// At least one entity is searched.</summary>
    private static (string Sql, List<SqliteParameter> Parameters) Candidates(
        SearchQuery query, bool useText, List<int> entityIds, bool needsBoth)
    {
        var mentioned = Mentioned(entityIds);
        if (!useText)
        {
            return ($"SELECT Id, 0.0 AS Rank, Mentions FROM ({mentioned})", []);
        }

        List<SqliteParameter> parameters = [new SqliteParameter("@match", query.ToFts5())];
        if (needsBoth)
        {
            // Both must match. The entity's articles are gathered first and looked up from each text match, so
            // bm25 is computed only for the articles that pass (the unary + keeps the rowid from being handed to
            // FTS5, which would answer each one with a lookup of its own).
            return (
                $"SELECT m.Id, bm25(ArticleSearch) AS Rank, m.Mentions FROM ArticleSearch CROSS JOIN ({mentioned}) m "
                    + "WHERE ArticleSearch MATCH @match AND m.Id = +ArticleSearch.rowid",
                parameters);
        }

        // Either side may match: one pass over each, folded per article. (Outer joins back to the FTS5 query ran
        // it once per article: 100 ms and more, against 4 ms.)
        return (
            $"""
            SELECT Id, MIN(Rank) AS Rank, MAX(Mentions) AS Mentions
            FROM (SELECT rowid AS Id, bm25(ArticleSearch) AS Rank, 0 AS Mentions FROM ArticleSearch WHERE ArticleSearch MATCH @match UNION ALL SELECT Id, 0.0, Mentions FROM ({mentioned}))
            GROUP BY Id
            """,
            parameters);
    }

    private static async Task<List<SearchHit>> HitsAsync(
        NewsReaderDbContext db, List<int> ids, SearchQuery query, List<int> entityIds, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var mentions = entityIds.Count == 0
            ? []
            : await db.Mentions.AsNoTracking()
                .Where(m => ids.Contains(m.ArticleId) && entityIds.Contains(m.EntityId))
                .Select(m => new { m.ArticleId, m.Start, m.Length })
                .ToListAsync(cancellationToken);
        var mentionsByArticle = mentions.ToLookup(m => m.ArticleId, m => new TextSpan(m.Start, m.Length));
        return ids.Select(id =>
        {
            var article = articles[id];
            var entitySpans = mentionsByArticle[id].ToList();
            var wordMatches = Snippets.WordMatches(article.Body, query).ToList();
            return new SearchHit(
                article.Id,
                article.Title,
                article.Language,
                article.PublishedAt,
                entitySpans.Count + wordMatches.Count,
                Snippets.Find(article.Body, wordMatches.Concat(entitySpans)));
        }).ToList();
    }

    /// <summary>Entity names close to what was typed: its words read as the start of a name.</summary>
    private async Task<IReadOnlyList<EntityDetails>> SuggestAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var words = (request.Query ?? "").Split([' ', '"'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.OrderByDescending(w => w.Length).Take(2))
        {
            // Shorter and shorter beginnings of the longest words, down to two letters.
            for (var length = Math.Min(word.Length, 5); length >= 2; length--)
            {
                var found = await entities.SearchAsync(word[..length], request.Type, limit: 5, cancellationToken);
                if (found.Count > 0)
                {
                    return found;
                }
            }
        }

        return [];
    }

    private static object[] Clone(List<SqliteParameter> parameters) =>
        parameters.Select(p => (object)new SqliteParameter(p.ParameterName, p.Value)).ToArray();

    private sealed record CandidateRow(int Id, int Total);

    /// <summary>Reads the articles of a word or pair from the terms index (its term at each level: <see cref="WeighAsync"/>),
    /// a level at a time, newest first; with
    /// <c>within</c> (an FTS5 query), only those that match it too. Its two commands are prepared once on the
    /// search's open connection: a search may ask a few dozen times.</summary>
    /// <summary>A clause's terms at each level; <see cref="Terms"/> is how many it has at a level (an article with more
    /// than one of them, بحلب and حلب say, counts at the highest of its levels).</summary>
    private sealed record Weights(Func<int, IReadOnlyList<string>> At, int Terms);

    private sealed class LevelReader : IAsyncDisposable
    {
        private readonly Weights term;
        private readonly string? within;
        private readonly DbCommand count;
        private readonly DbCommand read;
        private readonly SqliteParameter countTerm = new("$term", "");
        private readonly SqliteParameter readTerm = new("$term", "");
        private readonly SqliteParameter readTake = new("$take", -1);
        private readonly SqliteParameter readSkip = new("$skip", 0);

        public LevelReader(NewsReaderDbContext db, Weights term, string? within)
        {
            this.term = term;
            this.within = within;
            var connection = db.Database.GetDbConnection();
            count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM ArticleTerms WHERE ArticleTerms MATCH $term";
            count.Parameters.Add(countTerm);
            read = connection.CreateCommand();
            read.CommandText = "SELECT rowid FROM ArticleTerms WHERE ArticleTerms MATCH $term ORDER BY rowid DESC LIMIT $take OFFSET $skip";
            read.Parameters.AddRange(new[] { readTerm, readTake, readSkip });
        }

        public async Task<int> CountAsync(int level, CancellationToken cancellationToken)
        {
            if (term.At(level).Count == 0)
            {
                return 0;
            }

            countTerm.Value = Match(level);
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        /// <summary>The level's articles after the first <paramref name="skip"/>, at most <paramref name="take"/> of them
        /// (all of them for −1).</summary>
        public async Task<List<int>> ReadAsync(int level, int take, int skip, CancellationToken cancellationToken)
        {
            if (term.At(level).Count == 0)
            {
                return [];
            }

            (readTerm.Value, readTake.Value, readSkip.Value) = (Match(level), take, skip);
            var ids = new List<int>();
            await using var rows = await read.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                ids.Add(rows.GetInt32(0));
            }

            return ids;
        }

        public async ValueTask DisposeAsync()
        {
            await count.DisposeAsync();
            await read.DisposeAsync();
        }

        /// <summary>The articles whose highest level is this one: with several terms an article may stand at several levels.</summary>
        private string Match(int level)
        {
            var at = AnyTerm(term.At(level));
            var above = Enumerable.Range(level + 1, WordWeights.Levels - level - 1).SelectMany(term.At).ToList();
            var exactly = term.Terms == 1 || above.Count == 0 ? at : $"({at} NOT {AnyTerm(above)})";
            return within is null ? exactly : $"{exactly} AND {within}";
        }
    }

    private sealed record SearchedEntity(int Id, EntitySummary Summary);
}
