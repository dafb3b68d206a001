using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data.Accounts;
using NewsReader.Data.Telemetry;

namespace NewsReader.Data.Annotations;

/// <summary>A reader's annotations: saved the moment they are made, updated only from the version the
/// reader saw, deleted with the means to undo, and re-anchored whenever their article's text changes.</summary>
public sealed class AnnotationStore(IDbContextFactory<NewsReaderDbContext> contexts, TimeProvider clock)
{
    /// <summary>The reader's annotations of an article in reading order; orphans come last.</summary>
    public async Task<IReadOnlyList<Annotation>> ListAsync(int articleId, string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => a.ArticleId == articleId && a.OwnerId == ownerId)
            .ToListAsync(cancellationToken);
        return InReadingOrder(annotations);
    }

    /// <summary>All of a reader's annotations with their articles, article by article in reading order (for export).</summary>
    public async Task<IReadOnlyList<ArticleAnnotations>> ListByArticleAsync(
        string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotations = await db.Annotations.AsNoTracking().Where(a => a.OwnerId == ownerId).ToListAsync(cancellationToken);
        var ids = annotations.Select(a => a.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Source, a.PublishedAt })
            .ToListAsync(cancellationToken);
        return articles.OrderBy(a => a.Id)
            .Select(a => new ArticleAnnotations(a.Id, a.Title, a.Source, a.PublishedAt, InReadingOrder(annotations.Where(n => n.ArticleId == a.Id))))
            .ToList();
    }

    /// <summary>What a reader sees of an article: their own annotations (all of them; none when anonymous) and the
    /// ones other readers shared, read-only, with their authors' display names. Reading order, orphans last.</summary>
    public async Task<IReadOnlyList<VisibleAnnotation>> ListVisibleAsync(int articleId, string? readerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Annotations made before accounts existed have no account: a left join.
        var rows = await (
                from a in db.Annotations.AsNoTracking()
                where a.ArticleId == articleId && (a.OwnerId == readerId || a.Shared)
                join u in db.Users on a.OwnerId equals u.Id into owners
                from owner in owners.DefaultIfEmpty()
                select new { Annotation = a, Author = owner == null ? null : new { owner.DisplayName, owner.UserName } })
            .ToListAsync(cancellationToken);
        var authors = rows.ToDictionary(
            r => r.Annotation.Id,
            r => r.Author is { } author ? ReaderAccount.ShownName(author.DisplayName, author.UserName) : null);
        return InReadingOrder(rows.Select(r => r.Annotation))
            .Select(a => new VisibleAnnotation(a, authors[a.Id] ?? "a reader", a.OwnerId == readerId))
            .ToList();
    }

    /// <summary>How many annotations (of every reader) an article has, or how many of them are orphans.</summary>
    public async Task<int> CountAsync(int articleId, bool orphansOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Annotations.CountAsync(a => a.ArticleId == articleId && (!orphansOnly || a.Anchor == AnchorKind.Orphan), cancellationToken);
    }

    /// <summary>An annotation the reader may see: their own, or a shared one; otherwise null (so nothing of a
    /// private annotation of someone else, not even that it exists, reaches them).</summary>
    public async Task<Annotation?> FindVisibleAsync(Guid id, string? readerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Annotations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && (a.OwnerId == readerId || a.Shared), cancellationToken);
    }

    /// <summary>Shares an annotation with every reader, or makes it private again; only its owner can. Null when the
    /// reader owns no such annotation.</summary>
    public async Task<Annotation?> SetSharedAsync(Guid id, string ownerId, bool shared, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await db.Annotations.SingleOrDefaultAsync(a => a.Id == id && a.OwnerId == ownerId, cancellationToken);
        if (annotation is null)
        {
            return null;
        }

        annotation.Shared = shared;
        await db.SaveChangesAsync(cancellationToken);
        return annotation;
    }

    /// <summary>Gives the annotations made before accounts existed (owner <paramref name="from"/>) to an account.</summary>
    public async Task<int> AdoptAsync(string from, string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Annotations.Where(a => a.OwnerId == from).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerId, ownerId), cancellationToken);
    }

    public async Task<Annotation?> FindAsync(Guid id, string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Annotations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.OwnerId == ownerId, cancellationToken);
    }

    public async Task<Annotation> CreateAsync(int articleId, string ownerId, AnnotationDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var body = await db.Articles.Where(a => a.Id == articleId).Select(a => a.Body).SingleOrDefaultAsync(cancellationToken)
            ?? throw new AnnotationNotFoundException($"There is no article {articleId}.");
        Ensure(draft.Validate(body));
        await EnsureEntitiesExistAsync(db, draft, cancellationToken);
        var quote = Selectors.QuoteOf(body, draft.Position);
        var now = clock.GetUtcNow();
        var annotation = new Annotation
        {
            Id = Guid.CreateVersion7(now),
            ArticleId = articleId,
            OwnerId = ownerId,
            Start = draft.Position.Start,
            End = draft.Position.End,
            Exact = quote.Exact,
            Prefix = quote.Prefix,
            Suffix = quote.Suffix,
            Anchor = AnchorKind.Exact,
            Color = draft.Color,
            Comment = string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment,
            Tags = draft.CleanTags(),
            EntityKeys = draft.CleanEntityKeys(),
            Canonical = draft.Canonical,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        NewsReaderMetrics.AnnotationWritten("create");
        return annotation;
    }

    /// <summary>Changes colour, comment and tags, if <paramref name="expectedVersion"/> is still the stored one;
    /// otherwise throws <see cref="AnnotationConflictException"/> carrying the stored version.</summary>
    public async Task<Annotation> UpdateAsync(
        Guid id, string ownerId, int expectedVersion, AnnotationDraft changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await db.Annotations.SingleOrDefaultAsync(a => a.Id == id && a.OwnerId == ownerId, cancellationToken)
            ?? throw new AnnotationNotFoundException($"There is no annotation {id}.");
        var body = await db.Articles.Where(a => a.Id == annotation.ArticleId).Select(a => a.Body).SingleAsync(cancellationToken);
        // A draft names another passage to move the annotation there (a W3C PUT with a new target); the default position
        // keeps it where it is. A passage that stays is not validated again: an orphan keeps its place from before.
        var moved = changes.Position != default && changes.Position != annotation.Position;
        Ensure((moved ? changes : changes with { Position = annotation.Position }).Validate(body));
        await EnsureEntitiesExistAsync(db, changes, cancellationToken);
        if (annotation.Version != expectedVersion)
        {
            throw new AnnotationConflictException(annotation);
        }

        if (moved)
        {
            var quote = Selectors.QuoteOf(body, changes.Position);
            (annotation.Start, annotation.End, annotation.Anchor) = (changes.Position.Start, changes.Position.End, AnchorKind.Exact);
            (annotation.Exact, annotation.Prefix, annotation.Suffix) = (quote.Exact, quote.Prefix, quote.Suffix);
        }

        annotation.Canonical ??= changes.Canonical;
        annotation.Color = changes.Color;
        annotation.Comment = string.IsNullOrWhiteSpace(changes.Comment) ? null : changes.Comment;
        annotation.Tags = changes.CleanTags();
        annotation.EntityKeys = changes.CleanEntityKeys();
        annotation.UpdatedAt = clock.GetUtcNow();
        annotation.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var stored = await db.Annotations.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            throw new AnnotationConflictException(stored);
        }

        NewsReaderMetrics.AnnotationWritten("replace");
        return annotation;
    }

    /// <summary>Deletes an annotation and returns it, so that the reader can undo with <see cref="RestoreAsync"/>.</summary>
    public async Task<Annotation?> DeleteAsync(Guid id, string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await db.Annotations.SingleOrDefaultAsync(a => a.Id == id && a.OwnerId == ownerId, cancellationToken);
        if (annotation is null)
        {
            return null;
        }

        db.Annotations.Remove(annotation);
        await db.SaveChangesAsync(cancellationToken);
        NewsReaderMetrics.AnnotationWritten("delete");
        return annotation;
    }

    /// <summary>Puts a deleted annotation back as it was (undo), anchored again in case the text changed meanwhile.</summary>
    public async Task RestoreAsync(Annotation annotation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var body = await db.Articles.Where(a => a.Id == annotation.ArticleId).Select(a => a.Body).SingleAsync(cancellationToken);
        Reanchor(annotation, body);
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Re-anchors every annotation of an article whose text changed, in the caller's transaction;
    /// the selectors follow the passage, or the annotation becomes an orphan (kept, never deleted).</summary>
    public static async Task StageReanchoringAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        foreach (var annotation in await db.Annotations.Where(a => a.ArticleId == article.Id).ToListAsync(cancellationToken))
        {
            Reanchor(annotation, article.Body);
        }
    }

    /// <summary>Finds the passage again in the new text. A passage that moved is a new version of the annotation (its
    /// target changed), so a save made from the old place is refused rather than moving it back.</summary>
    private static void Reanchor(Annotation annotation, string body)
    {
        var anchor = Anchoring.Find(body, annotation.Position, annotation.Quote);
        var before = (annotation.Anchor, annotation.Position);
        annotation.Anchor = anchor.Kind;
        if (anchor.Kind != AnchorKind.Orphan)
        {
            var quote = Selectors.QuoteOf(body, anchor.Position);
            (annotation.Start, annotation.End) = (anchor.Position.Start, anchor.Position.End);
            (annotation.Exact, annotation.Prefix, annotation.Suffix) = (quote.Exact, quote.Prefix, quote.Suffix);
        }

        if (before != (annotation.Anchor, annotation.Position))
        {
            annotation.Version++;
        }
    }

    private static List<Annotation> InReadingOrder(IEnumerable<Annotation> annotations) =>
        annotations.OrderBy(a => a.Anchor == AnchorKind.Orphan).ThenBy(a => a.Start).ThenBy(a => a.CreatedAt).ToList();

    private static async Task EnsureEntitiesExistAsync(NewsReaderDbContext db, AnnotationDraft draft, CancellationToken cancellationToken)
    {
        var keys = draft.CleanEntityKeys();
        if (keys.Count == 0)
        {
            return;
        }

        var known = await db.Entities.Where(e => keys.Contains(e.Key)).Select(e => e.Key).ToListAsync(cancellationToken);
        var unknown = keys.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidAnnotationException([$"Unknown entity: {string.Join(", ", unknown)}."]);
        }
    }

    private static void Ensure(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidAnnotationException(problems);
        }
    }
}

/// <summary>An annotation as a reader sees it: whose it is, and whether it is theirs to change.</summary>
public sealed record VisibleAnnotation(Annotation Annotation, string AuthorName, bool IsOwn);

/// <summary>An article, as an export names it, and the reader's annotations of it in reading order.</summary>
public sealed record ArticleAnnotations(int ArticleId, string Title, string Source, DateTimeOffset PublishedAt, IReadOnlyList<Annotation> Annotations)
{
    public static ArticleAnnotations Of(Article article, IReadOnlyList<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Id, article.Title, article.Source, article.PublishedAt, annotations);
    }
}

public sealed class InvalidAnnotationException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed class AnnotationNotFoundException(string message) : Exception(message);

/// <summary>The annotation changed since the reader loaded it; <see cref="Stored"/> is the version now saved.</summary>
public sealed class AnnotationConflictException(Annotation stored)
    : Exception($"Annotation {stored.Id} was changed elsewhere (now version {stored.Version}).")
{
    public Annotation Stored { get; } = stored;
}
