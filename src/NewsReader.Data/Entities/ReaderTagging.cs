using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;

namespace NewsReader.Data.Entities;

/// <summary>A reader's correction of the gazetteer: a passage tagged as a new entity, or as a new spelling
/// of a known one. The spelling becomes an alias, and a re-scan job marks it in every article that can hold it; the
/// article the reader is reading, if any, is re-scanned at once, so the reader sees the mark.</summary>
public sealed class ReaderTagging(IDbContextFactory<NewsReaderDbContext> contexts, RescanJob rescans, MentionScanner scanner)
{
    public const int MaxSpellingLength = 200;
    public const int MaxNameLength = 200;

    /// <summary>Adds <paramref name="spelling"/> to the entity <paramref name="entityKey"/>; returns the
    /// problem that kept it from being added, or null.</summary>
    public async Task<string?> AddSpellingAsync(string entityKey, string spelling, int? readingArticleId = null, CancellationToken cancellationToken = default)
    {
        if (ValidateSpelling(spelling) is { } problem)
        {
            return problem;
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var entity = await db.Entities.Include(e => e.Aliases).SingleOrDefaultAsync(e => e.Key == entityKey, cancellationToken);
            if (entity is null)
            {
                return $"There is no entity '{entityKey}'.";
            }

            AddAlias(entity, spelling.Trim());

            // A spelling an Editor had removed is wanted again: the gazetteer file may bring it back too.
            await db.GazetteerRemovals.Where(r => r.EntityKey == entityKey && r.Spelling == spelling.Trim()).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await rescans.EnqueueAsync(new RescanRequest([spelling.Trim()]), $"Marking the new spelling “{spelling.Trim()}” of {entity.Name}", entityKey, cancellationToken);
        }

        await RescanReadingAsync(readingArticleId, cancellationToken);
        return null;
    }

    /// <summary>Creates an entity named <paramref name="name"/> with <paramref name="spelling"/> as its first
    /// alias; returns its key, or the problem that kept it from being created.</summary>
    public async Task<(string? Key, string? Problem)> CreateEntityAsync(
        string name, EntityType type, string spelling, int? readingArticleId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ValidateSpelling(spelling) is { } problem)
        {
            return (null, problem);
        }

        if (ValidateName(name) is { } badName)
        {
            return (null, badName);
        }

        string key;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            key = await FreeKeyAsync(db, name, cancellationToken);
            var entity = new Entity { Key = key, Name = name.Trim(), NormalizedName = ArabicNormalizer.Fold(name.Trim()), Type = type };

            // The spelling a reader tags in an Arabic article is the entity's Arabic name until the gazetteer gives one.
            if (Languages.Guess(spelling) == "ar" && Languages.Guess(name) != "ar")
            {
                entity.Names["ar"] = spelling.Trim();
            }

            AddAlias(entity, spelling.Trim());
            db.Entities.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            await rescans.EnqueueAsync(new RescanRequest([spelling.Trim()]), $"Marking the new entity {entity.Name}", key, cancellationToken);
        }

        await RescanReadingAsync(readingArticleId, cancellationToken);
        return (key, null);
    }

    private async Task RescanReadingAsync(int? articleId, CancellationToken cancellationToken)
    {
        if (articleId is { } id)
        {
            await scanner.RescanAsync(id, cancellationToken);
        }
    }

    /// <summary>What is wrong with an entity's English name, or null: for new entities and for renamed ones.</summary>
    internal static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Give the entity a name.";
        }

        return name.Trim().Length > MaxNameLength ? $"A name may have at most {MaxNameLength} characters." : null;
    }

    private static string? ValidateSpelling(string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling))
        {
            return "Select the words that name the entity.";
        }

        return spelling.Trim().Length > MaxSpellingLength
            ? $"A spelling may have at most {MaxSpellingLength} characters; select just the name."
            : null;
    }

    private static void AddAlias(Entity entity, string spelling)
    {
        if (entity.Aliases.Any(a => a.Text == spelling))
        {
            return;
        }

        entity.Aliases.Add(new EntityAlias
        {
            Text = spelling,
            NormalizedText = ArabicNormalizer.Fold(spelling),
            Origin = AliasOrigin.Reader,
        });
    }

    /// <summary>A key made from the name (lower case, hyphens), made unique with a number if taken.</summary>
    private static async Task<string> FreeKeyAsync(NewsReaderDbContext db, string name, CancellationToken cancellationToken)
    {
        var folded = ArabicNormalizer.Fold(name);
        var slug = string.Join('-', ArabicTokenizer.Tokenize(folded).Select(t => t.In(folded).ToString()));
        slug = slug.Length == 0 ? "entity" : slug[..Math.Min(slug.Length, 80)];
        var key = slug;
        for (var n = 2; await db.Entities.AnyAsync(e => e.Key == key, cancellationToken); n++)
        {
            key = $"{slug}-{n}";
        }

        return key;
    }
}
