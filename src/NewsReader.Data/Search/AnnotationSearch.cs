using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Finds a reader's own annotations with the article search's rules: their quotes, comments and tags hold the
/// words, or they are about a searched entity (the reader said so, or the passage mentions it). Newest first. A
/// reader's annotations number in the thousands at most, so they are matched in memory.</summary>
public sealed class AnnotationSearch(IDbContextFactory<NewsReaderDbContext> contexts)
{
    public async Task<AnnotationSearchResult> SearchAsync(SearchRequest request, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.ToQuery();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        query = await WordFormCounts.ResolveAsync(db, query, cancellationToken);
        var searched = await SearchedEntities.FindAsync(db, request, cancellationToken);
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
}
