using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;

namespace NewsReader.Data.Entities;

/// <summary>An Editor's corrections of the gazetteer in the app: an entity's name, type and description, a spelling
/// taken away, the entity deleted. They outlast the next import of the gazetteer file (see
/// <see cref="GazetteerImporter"/>), and a re-scan job goes through the articles that can hold a spelling that changed.</summary>
public sealed class GazetteerEditor(IDbContextFactory<NewsReaderDbContext> contexts, RescanJob rescans, TimeProvider clock)
{
    public const int MaxDescriptionLength = 500;

    /// <summary>Renames and re-describes the entity (in English and in Arabic); the problem that kept it from being
    /// saved, or null.</summary>
    public async Task<string?> UpdateAsync(
        string key, string name, EntityType type, string? description, string? arabicDescription = null, CancellationToken cancellationToken = default)
    {
        if (Validate(name, description, arabicDescription) is { } problem)
        {
            return problem;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Entities.SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (entity is null)
        {
            return NoSuchEntity(key);
        }

        entity.Name = name.Trim();
        entity.NormalizedName = ArabicNormalizer.Fold(entity.Name);
        entity.Type = type;
        entity.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        entity.Descriptions = string.IsNullOrWhiteSpace(arabicDescription)
            ? entity.Descriptions.Where(d => d.Key != "ar").ToDictionary(StringComparer.Ordinal)
            : new Dictionary<string, string>(entity.Descriptions, StringComparer.Ordinal) { ["ar"] = arabicDescription.Trim() };
        entity.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Takes a spelling away, and with it the mentions it found; the problem, or null.</summary>
    public async Task<string?> RemoveSpellingAsync(string key, string spelling, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var entity = await db.Entities.Include(e => e.Aliases).SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
            if (entity is null)
            {
                return NoSuchEntity(key);
            }

            if (entity.Aliases.Find(a => a.Text == spelling) is not { } alias)
            {
                return $"{entity.Name} has no spelling '{spelling}'.";
            }

            if (entity.Aliases.Count == 1)
            {
                return $"'{spelling}' is the only spelling of {entity.Name}. Add another first, or delete the entity.";
            }

            entity.Aliases.Remove(alias);
            await RememberRemovalAsync(db, key, spelling, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await rescans.EnqueueAsync(new RescanRequest([spelling]), $"Removing the spelling “{spelling}” of {entity.Name}", key, cancellationToken);
        }

        return null;
    }

    /// <summary>Deletes the entity with its spellings and mentions; the problem, or null. Annotations that said
    /// they were about it keep the key, which then names nothing.</summary>
    public async Task<string?> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var entity = await db.Entities.Include(e => e.Aliases).SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
            if (entity is null)
            {
                return NoSuchEntity(key);
            }

            db.Entities.Remove(entity);
            await RememberRemovalAsync(db, key, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // Its mentions left with it. A longer name of it may have hidden a shorter one inside it (ريف حلب, حلب),
            // and the articles that named it still hold its term in the index: both are for the re-scan.
            await rescans.EnqueueAsync(
                new RescanRequest(entity.Aliases.Select(a => a.Text).ToList(), [entity.Id]), $"Removing {entity.Name}", key, cancellationToken);
        }

        return null;
    }

    private static async Task RememberRemovalAsync(NewsReaderDbContext db, string key, string? spelling, CancellationToken cancellationToken)
    {
        if (!await db.GazetteerRemovals.AnyAsync(r => r.EntityKey == key && r.Spelling == spelling, cancellationToken))
        {
            db.GazetteerRemovals.Add(new GazetteerRemoval { EntityKey = key, Spelling = spelling });
        }
    }

    private static string? Validate(string? name, params string?[] descriptions)
    {
        if (ReaderTagging.ValidateName(name) is { } badName)
        {
            return badName;
        }

        if (descriptions.Any(d => d?.Trim().Length > MaxDescriptionLength))
        {
            return $"A description may have at most {MaxDescriptionLength} characters.";
        }

        return ControlCharacters.FirstIn(name, allowLineBreaks: false) is { } inName
            ? $"The name holds a control character ({inName})."
            : descriptions.Select(d => ControlCharacters.FirstIn(d, allowLineBreaks: false)).FirstOrDefault(c => c is not null) is { } inDescription
                ? $"The description holds a control character ({inDescription})."
                : null;
    }

    private static string NoSuchEntity(string key) => $"There is no entity '{key}'.";
}
