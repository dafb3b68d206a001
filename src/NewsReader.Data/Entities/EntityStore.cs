using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;

namespace NewsReader.Data.Entities;

/// <summary>Reads entities and their mentions for pages and the API, each call on a context of its own.</summary>
public sealed class EntityStore(IDbContextFactory<NewsReaderDbContext> contexts)
{
    public const int MaxQueryLength = 100;

    public async Task<IReadOnlyList<ArticleMention>> MentionsOfArticleAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Mentions
            .Where(m => m.ArticleId == articleId)
            .OrderBy(m => m.Start)
            .Select(m => new ArticleMention(m.Start, m.Length, m.Text, new EntitySummary(m.Entity!.Key, m.Entity.Name, m.Entity.Type, m.Entity.Names)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Entities whose English name or any spelling starts with the query, compared after
    /// normalization (so انقره finds أنقرة, حَلَب finds حلب, aleppo finds Aleppo); a word inside a
    /// name counts too (assad finds Bashar al-Assad). The most mentioned come first.</summary>
    public async Task<IReadOnlyList<EntityDetails>> SearchAsync(
        string query, EntityType? type = null, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var folded = ArabicNormalizer.Fold(query.Trim());
        if (folded.Length == 0)
        {
            return [];
        }

        var prefix = EscapeLike(folded) + "%";
        var wordPrefix = "% " + prefix;
        var hyphenPrefix = "%-" + prefix;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Entities
            .Where(e => type == null || e.Type == type)
            .Where(e => EF.Functions.Like(e.NormalizedName, prefix, "\\")
                || EF.Functions.Like(e.NormalizedName, wordPrefix, "\\")
                || EF.Functions.Like(e.NormalizedName, hyphenPrefix, "\\")
                || e.Aliases.Any(a => EF.Functions.Like(a.NormalizedText, prefix, "\\") || EF.Functions.Like(a.NormalizedText, wordPrefix, "\\")))
            .OrderByDescending(e => e.MentionCount)
            .ThenBy(e => e.Id)
            .Take(limit)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        var details = await DetailsAsync(db, ids, cancellationToken);
        return ids.Select(id => details[id]).ToList();
    }

    public async Task<EntityDetails?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.EntityIdAsync(key, cancellationToken);
        return id is null ? null : (await DetailsAsync(db, [id.Value], cancellationToken))[id.Value];
    }

    /// <summary>The coordinates of those of <paramref name="keys"/> that are places with coordinates.</summary>
    public async Task<IReadOnlyDictionary<string, (double Latitude, double Longitude)>> LocationsAsync(
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var located = await db.Entities.Where(e => keys.Contains(e.Key) && e.Latitude != null && e.Longitude != null)
            .Select(e => new { e.Key, e.Latitude, e.Longitude }).ToListAsync(cancellationToken);
        return located.ToDictionary(e => e.Key, e => (e.Latitude!.Value, e.Longitude!.Value), StringComparer.Ordinal);
    }

    /// <summary>The names in <paramref name="language"/> (the English name where it has none of its own) of those of
    /// <paramref name="keys"/> that name an entity. An annotation keeps the key
    /// of an entity deleted since, which then names nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        IReadOnlyCollection<string> keys, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entities = await db.Entities.Where(e => keys.Contains(e.Key)).Select(e => new { e.Key, e.Name, e.Names }).ToListAsync(cancellationToken);
        return entities.ToDictionary(e => e.Key, e => e.Names.GetValueOrDefault(language) ?? e.Name, StringComparer.Ordinal);
    }

    /// <summary>Where an entity is mentioned in its newest <paramref name="articles"/> articles, each mention with its
    /// sentence, newest article first (the rest are a filter of the front page away).</summary>
    public async Task<IReadOnlyList<MentionInContext>> MentionsInContextAsync(
        string key, int articles = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await db.EntityIdAsync(key, cancellationToken);
        var newest = await db.EntityArticles.Where(e => e.EntityId == entityId)
            .OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.ArticleId)
            .Take(articles)
            .Select(e => e.ArticleId)
            .ToListAsync(cancellationToken);
        var mentions = await db.Mentions
            .Where(m => m.EntityId == entityId && newest.Contains(m.ArticleId))
            .Select(m => new { m.ArticleId, m.Article!.Title, m.Article.Language, m.Article.Body, m.Start, m.Length })
            .ToListAsync(cancellationToken);
        mentions = mentions.OrderBy(m => newest.IndexOf(m.ArticleId)).ThenBy(m => m.Start).ToList();
        return mentions.Select(m =>
        {
            var sentence = Sentences.Around(m.Body, m.Start);
            return new MentionInContext(
                m.ArticleId, m.Title, m.Language, m.Start, m.Length, sentence.Of(m.Body), m.Start - sentence.Start);
        }).ToList();
    }

    /// <summary>Removes a recognized mention a reader says is wrong, and remembers that, so re-scans do
    /// not bring it back. Returns false when there is no mention at that place.</summary>
    public async Task<bool> DismissAsync(int articleId, int start, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mention = await db.Mentions.SingleOrDefaultAsync(m => m.ArticleId == articleId && m.Start == start, cancellationToken);
        if (mention is null)
        {
            return false;
        }

        db.Mentions.Remove(mention);
        db.MentionDismissals.Add(new MentionDismissal
        {
            ArticleId = articleId,
            EntityId = mention.EntityId,
            Start = mention.Start,
            Length = mention.Length,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Escapes LIKE's wildcards (with a backslash as the escape character), so text matches as text.</summary>
    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static async Task<Dictionary<int, EntityDetails>> DetailsAsync(
        NewsReaderDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var entities = await db.Entities.AsNoTracking().Include(e => e.Aliases).Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        return entities.ToDictionary(e => e.Id, e => new EntityDetails(
            e.Key,
            e.Name,
            e.Type,
            e.Names,
            e.Description,
            e.Descriptions,
            e.Aliases.OrderBy(a => a.IsShort).ThenByDescending(a => a.Text.Length).Select(a => a.Text).ToList(),
            e.Latitude,
            e.Longitude,
            e.WikidataId,
            e.MentionCount,
            e.ArticleCount));
    }
}
