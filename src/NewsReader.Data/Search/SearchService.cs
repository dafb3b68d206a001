using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Search;
using NewsReader.Core.Text;
using NewsReader.Data.Entities;
using NewsReader.Data.Telemetry;

namespace NewsReader.Data.Search;

/// <summary>Finds articles by the entities they mention (every spelling, through the stored mentions) and by the words of
/// their text, ordered by relevance, then recency. The rules are here, once: which index answers which question and in
/// what order. Each database answers in its own SQL (<see cref="ISearchIndex"/>).</summary>
public sealed class SearchService(
    IDbContextFactory<NewsReaderDbContext> contexts, SearchedEntities entities, WordFormCounts wordForms, IOptions<SearchOptions> options)
{
    private readonly int exactUpTo = Math.Max(1, options.Value.ExactTotalUpTo);

    /// <summary>Counts stop one past the exact range, which is how a search knows there are more.</summary>
    private int CountAtMost => exactUpTo + 1;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await FindAsync(request, cancellationToken);
        }
        finally
        {
            NewsReaderMetrics.Searched(started);
        }
    }

    private async Task<SearchResult> FindAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.ToQuery();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One connection for the whole search: EF otherwise opens and sets up a connection for each query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        (query, var articlesWithForm) = await wordForms.ResolveAsync(db, query, cancellationToken);
        bool PastExactRange(IReadOnlySet<string> forms) => forms.Any(f => articlesWithForm.GetValueOrDefault(f) > exactUpTo);
        var searched = await SearchedEntities.FindAsync(db, request, cancellationToken);
        var entityIds = searched.Select(e => e.Id).ToList();
        if (request.WithKey is { } withKey)
        {
            return await BothEntitiesAsync(db, request, query, searched, await SearchedEntities.KeyedAsync(db, withKey, cancellationToken), cancellationToken);
        }

        // An explicit entity must be mentioned, and the words (if any) found too. Words alone find the text, and also the
        // articles that mention an entity those words name ("Syrian Observatory" finds المرصد). With a type, words look
        // only for entities of that type.
        var needsBoth = request.EntityKey is not null;
        var useText = !query.IsEmpty && (request.Type is null || needsBoth);
        if ((needsBoth && entityIds.Count == 0) || (!useText && entityIds.Count == 0))
        {
            return new SearchResult(0, [], [], await entities.SuggestAsync(request, cancellationToken));
        }

        var skip = (request.Page - 1) * request.PageSize;
        var (total, ids) = (useText, entityIds, useText ? query.Forms : []) switch
        {
            (true, [], _) => await TextOnlyAsync(db, query, PastExactRange, skip, request.PageSize, cancellationToken),
            (false, [var entity], _) => await OneEntityAsync(db, entity, skip, request.PageSize, cancellationToken),
            (_, _, [[var word]]) when needsBoth => await WordWithinEntitiesAsync(db, word, entityIds, skip, request.PageSize, cancellationToken),
            (_, _, [[var word]]) => await OneWordOrEntitiesAsync(db, word, entityIds, PastExactRange(word), skip, request.PageSize, cancellationToken),
            _ => await db.Provider.Search.RankAsync(
                db, new Candidates(entityIds, useText ? query : null, needsBoth), skip, request.PageSize, cancellationToken),
        };
        var hits = await HitsAsync(db, ids, query, entityIds, cancellationToken);
        var names = searched.Select(e => e.Summary).ToList();
        return Result(total, hits, names, total == 0 ? await entities.SuggestAsync(request, cancellationToken) : []);
    }

    /// <summary>The articles that mention two entities (and hold the words, if any): those the terms index finds for the
    /// second among the first's, ranked like the first's (text, then its mentions, then date); both are marked.</summary>
    private async Task<SearchResult> BothEntitiesAsync(
        NewsReaderDbContext db, SearchRequest request, SearchQuery query, List<SearchedEntity> first, List<SearchedEntity> second,
        CancellationToken cancellationToken)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            return new SearchResult(0, [], [], await entities.SuggestAsync(request, cancellationToken));
        }

        var within = TermQuery.Any([IndexTerms.Entity(second[0].Id)]);
        var (total, ids) = await db.Provider.Search.RankAsync(
            db, new Candidates([first[0].Id], query.IsEmpty ? null : query, NeedsBoth: true, Within: within),
            (request.Page - 1) * request.PageSize, request.PageSize, cancellationToken);
        var hits = await HitsAsync(db, ids, query, [first[0].Id, second[0].Id], cancellationToken);
        return Result(total, hits, [first[0].Summary, second[0].Summary], []);
    }

    /// <summary>A page of results whose total was counted to at most <see cref="CountAtMost"/>: one past the exact
    /// range means there are more.</summary>
    private SearchResult Result(int total, List<SearchHit> hits, IReadOnlyList<EntitySummary> names, IReadOnlyList<EntityDetails> suggestions) =>
        new(Math.Min(total, exactUpTo), hits, names, suggestions, total <= exactUpTo);

    /// <summary>Words alone. One word or a two-word phrase is ranked by its weight in each article, read level by level
    /// from the terms index (<see cref="HeaviestFirstAsync"/>); several clauses or a longer phrase are ranked by the
    /// database's own relevance. Equal ranks go newest import first. A word one of whose forms alone is held by more
    /// articles than the exact range is not counted (<paramref name="pastExactRange"/>): its total is past the range.</summary>
    private async Task<(int Total, List<int> Ids)> TextOnlyAsync(
        NewsReaderDbContext db, SearchQuery query, Func<IReadOnlySet<string>, bool> pastExactRange, int skip, int take, CancellationToken cancellationToken)
    {
        var search = db.Provider.Search;
        if (query.Forms is [var clause] && await WeighAsync(db, clause, cancellationToken) is { } term)
        {
            // A two-word phrase is counted from its pairs in the terms index, which need no positions: checking the
            // positions of every article that holds both words took PostgreSQL 28 s for "حليب الاطفال" at a million.
            var pairs = clause.Count == 2 ? Enumerable.Range(0, WordWeights.Levels).SelectMany(term.At).ToList() : null;
            var total = clause is [var forms] && pastExactRange(forms) ? CountAtMost
                : pairs is null ? await search.CountTextAsync(db, query, CountAtMost, cancellationToken)
                : pairs.Count == 0 ? 0
                : await search.CountAsync(db, TermQuery.Any(pairs), CountAtMost, cancellationToken);
            return (total, await HeaviestFirstAsync(db, term, take, skip, cancellationToken));
        }

        return (await search.CountTextAsync(db, query, CountAtMost, cancellationToken), await search.RankTextAsync(db, query, skip, take, cancellationToken));
    }

    /// <summary>One entity: its articles by how often they mention it, then newest first, straight from
    /// <c>EntityArticles</c>' index in that order.</summary>
    private static async Task<(int Total, List<int> Ids)> OneEntityAsync(
        NewsReaderDbContext db, int entityId, int skip, int take, CancellationToken cancellationToken)
    {
        var articles = db.EntityArticles.Where(e => e.EntityId == entityId);
        var ids = await articles
            .OrderByDescending(e => e.Mentions).ThenByDescending(e => e.PublishedAt).ThenBy(e => e.ArticleId)
            .Skip(skip).Take(take)
            .Select(e => e.ArticleId)
            .ToListAsync(cancellationToken);
        return (await articles.CountAsync(cancellationToken), ids);
    }

    /// <summary>One word that names entities (حلب, Aleppo): the articles that hold the word (<see cref="LevelsThenMentionsAsync"/>),
    /// then those that only mention an entity, ranked like an entity's. The terms index tells the two apart itself.
    /// Like a word alone, it is not counted when one of its forms is past the exact range.</summary>
    private async Task<(int Total, List<int> Ids)> OneWordOrEntitiesAsync(
        NewsReaderDbContext db, IReadOnlySet<string> forms, List<int> entityIds, bool pastExactRange, int skip, int take,
        CancellationToken cancellationToken)
    {
        var search = db.Provider.Search;
        var word = TermQuery.Any(forms.Select(IndexTerms.Word));
        var mentioning = TermQuery.Any(entityIds.Select(IndexTerms.Entity));
        List<int> ids;
        await using (var levels = new LevelReader(search.OpenReader(db), (await WeighAsync(db, [forms], cancellationToken))!, within: null))
        {
            ids = await LevelsThenMentionsAsync(db, levels, entityIds, skip, take, cancellationToken);
        }

        if (ids.Count == take)
        {
            return (pastExactRange ? CountAtMost : await search.CountAsync(db, TermQuery.Any(word, mentioning), CountAtMost, cancellationToken), ids);
        }

        // The page runs past the articles that hold the word. Ranking those that only mention an entity counts them too.
        var holding = await search.CountAsync(db, word, int.MaxValue, cancellationToken);
        var tail = await search.RankAsync(
            db, new Candidates(entityIds, Within: mentioning.Without(word)), Math.Max(0, skip - holding), take - ids.Count, cancellationToken);
        return (holding + tail.Total, [.. ids, .. tail.Ids]);
    }

    /// <summary>One word within the articles that mention an entity (هدنة in Aleppo's articles): the terms index
    /// intersects the two itself, level by level, so only the articles that hold both are ever read.</summary>
    private async Task<(int Total, List<int> Ids)> WordWithinEntitiesAsync(
        NewsReaderDbContext db, IReadOnlySet<string> forms, List<int> entityIds, int skip, int take, CancellationToken cancellationToken)
    {
        var search = db.Provider.Search;
        var mentioning = TermQuery.Any(entityIds.Select(IndexTerms.Entity));
        var total = await search.CountAsync(db, TermQuery.All(TermQuery.Any(forms.Select(IndexTerms.Word)), mentioning), CountAtMost, cancellationToken);
        await using var levels = new LevelReader(search.OpenReader(db), (await WeighAsync(db, [forms], cancellationToken))!, mentioning);
        return (total, await LevelsThenMentionsAsync(db, levels, entityIds, skip, take, cancellationToken));
    }

    /// <summary>A page of the articles a <see cref="LevelReader"/> reads, ranked as one word alone is (the level of its
    /// weight), then by mentions of the entities, then by date. Levels wholly before the page are only counted; then
    /// whole levels are read until they hold the page, so every article ranked above the page's last place is among
    /// them, and only theirs are ranked. (Reading every level before a deep page took 32 ms on page 1,200 of حلب.)</summary>
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

        return contenders.Count == 0 ? [] : await db.Provider.Search.RankLevelsAsync(db, contenders, entityIds, skip, take, cancellationToken);
    }

    /// <summary>How the terms index weighs a clause, as its terms at each level: one word by its weight (any of its
    /// forms), a two-word phrase by its pair's (any combination of the forms), keeping only the terms the index holds (one
    /// question), so that an empty level costs no query and a word's many forms make small queries. A longer phrase has
    /// no terms of its own (null).</summary>
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
        var held = await db.Provider.Search.HeldAsync(db, levels.SelectMany(l => l).ToList(), cancellationToken);
        var kept = levels.Select(l => (IReadOnlyList<string>)l.Where(held.Contains).ToList()).ToList();
        return new Weights(level => kept[level], clause.Aggregate(1, (n, word) => n * word.Count));
    }

    /// <summary>A page of the articles that hold one word or two-word phrase, heaviest first. Scoring every match costs
    /// about half a microsecond each in SQLite (15,000 articles hold a common word: 8 ms), more for a phrase. Here the
    /// levels are read from the heaviest down, each newest first straight from the index, until the page is full: a
    /// page costs a few index reads however many articles match (levels before the page are only counted).</summary>
    private static async Task<List<int>> HeaviestFirstAsync(
        NewsReaderDbContext db, Weights term, int take, int skip, CancellationToken cancellationToken)
    {
        await using var levels = new LevelReader(db.Provider.Search.OpenReader(db), term, within: null);
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
}
