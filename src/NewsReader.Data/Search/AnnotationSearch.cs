using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Finds a reader's own annotations with the article search's rules: their quotes, comments and tags hold the
/// words, or they are about a searched entity (the reader said so, or the passage mentions it). Newest first. A
/// reader's annotations number in the thousands at most, so they are matched in memory.</summary>
public sealed class AnnotationSearch(IDbContextFactory<NewsReaderDbContext> contexts, WordFormCounts wordForms)
{
    public async Task<AnnotationSearchResult> SearchAsync(SearchRequest request, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.ToQuery();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (query, _) = await wordForms.ResolveAsync(db, query, cancellationToken);
        var searched = await SearchedEntities.FindAsync(db, request, cancellationToken);
        var annotations = await db.Annotations.AsNoTracking().Where(a => a.OwnerId == ownerId).ToListAsync(cancellationToken);
        var articleIds = annotations.Select(a => a.ArticleId).Distinct().ToList();
        var first = await EntityMentionsAsync(db, searched, articleIds, cancellationToken);

        // With a second entity (the articles' "with"), an annotation must be about both.
        var second = request.WithKey is { } withKey
            ? await EntityMentionsAsync(db, await SearchedEntities.KeyedAsync(db, withKey, cancellationToken), articleIds, cancellationToken)
            : null;

        List<TextSpan> MentionsIn(Annotation a) => first.In(a);
        bool About(Annotation a) => first.IsAbout(a) && (second is null || second.IsAbout(a));
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

    /// <summary>Where searched entities are named in the reader's annotated articles, and which keys a reader may
    /// have tagged an annotation with.</summary>
    private static async Task<EntityMentions> EntityMentionsAsync(
        NewsReaderDbContext db, List<SearchedEntity> entities, List<int> articleIds, CancellationToken cancellationToken)
    {
        var entityIds = entities.Select(e => e.Id).ToList();
        var mentions = entityIds.Count == 0
            ? []
            : await db.Mentions.Where(m => entityIds.Contains(m.EntityId) && articleIds.Contains(m.ArticleId))
                .Select(m => new { m.ArticleId, m.Start, m.Length })
                .ToListAsync(cancellationToken);
        return new EntityMentions(
            entities.Select(e => e.Summary.Key).ToHashSet(StringComparer.Ordinal),
            mentions.ToLookup(m => m.ArticleId, m => new TextSpan(m.Start, m.Length)));
    }

    private sealed record EntityMentions(HashSet<string> Keys, ILookup<int, TextSpan> ByArticle)
    {
        /// <summary>The entities' mentions inside the annotation's passage (none for an orphan, whose place is gone).</summary>
        public List<TextSpan> In(Annotation a) =>
            a.Anchor == AnchorKind.Orphan ? [] : ByArticle[a.ArticleId].Where(m => m.Start < a.End && m.End > a.Start).ToList();

        /// <summary>The reader said the annotation is about one of the entities, or its passage names one.</summary>
        public bool IsAbout(Annotation a) => a.EntityKeys.Any(Keys.Contains) || In(a).Count > 0;
    }
}
