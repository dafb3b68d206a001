using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;
using NewsReader.Data.Seeding;

namespace NewsReader.Data.Entities;

/// <summary>Brings the stored entities in line with a gazetteer file: entities are added or updated by
/// their stable id, gazetteer aliases are replaced, aliases readers added are kept. Editors' work in the app
/// stands: entities and spellings they removed stay out, and names, types and descriptions they corrected
/// stay. The spellings added or taken away go to a re-scan job, which reads only the articles that can hold them.</summary>
public sealed class GazetteerImporter(
    IDbContextFactory<NewsReaderDbContext> contexts, RescanJob rescans, TimeProvider clock, ILogger<GazetteerImporter> logger)
{
    public async Task<bool> ImportFileAsync(string path, CancellationToken cancellationToken = default) =>
        await ReadFileAsync(path, cancellationToken) is { } bytes
        && await ParseAsync(path, bytes, cancellationToken) is { } entries
        && await ImportAsync(entries, cancellationToken);

    /// <summary>At start-up: imports the file unless this very file was imported into this schema before, since
    /// comparing every entity with the file is most of what the gazetteer costs a start, and every command's
    /// (docs/performance.md).</summary>
    public async Task ImportChangedFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (await ReadFileAsync(path, cancellationToken) is not { } bytes)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = Version(db, bytes);
        var imported = await db.SeedImports.FindAsync([Path.GetFileName(path)], cancellationToken);
        if (imported?.FileHash == version || await ParseAsync(path, bytes, cancellationToken) is not { } entries)
        {
            return;
        }

        await ImportAsync(entries, cancellationToken);
        imported ??= db.SeedImports.Add(new SeedImport { Name = Path.GetFileName(path), FileHash = version }).Entity;
        (imported.FileHash, imported.ImportedAt) = (version, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The file's bytes and the newest migration, hashed: a new version of the app may store more of the
    /// file than the last one did, and it comes with a migration.</summary>
    private static string Version(NewsReaderDbContext db, byte[] file) =>
        Convert.ToHexStringLower(SHA256.HashData([.. file, .. Encoding.UTF8.GetBytes(db.Database.GetMigrations().LastOrDefault() ?? "")]));

    private async Task<byte[]?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }

        logger.LogInformation("No gazetteer at {Path}; entities unchanged", path);
        return null;
    }

    private async Task<IReadOnlyList<GazetteerEntry>?> ParseAsync(string path, byte[] file, CancellationToken cancellationToken)
    {
        try
        {
            using var json = new MemoryStream(file, writable: false);
            return await Gazetteer.ReadAsync(json, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            logger.LogError("Gazetteer {Path} not loaded: {Reason}", path, e.Message);
            return null;
        }
    }

    public async Task<bool> ImportAsync(IReadOnlyList<GazetteerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Entities.Include(e => e.Aliases).ToDictionaryAsync(e => e.Key, StringComparer.Ordinal, cancellationToken);
        var removals = (await db.GazetteerRemovals.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(r => r.EntityKey, r => r.Spelling, StringComparer.Ordinal);
        var changedSpellings = new List<string>();
        var added = new List<Entity>();
        foreach (var entry in entries.Where(e => !removals[e.Id].Contains(null)))
        {
            if (!stored.TryGetValue(entry.Id, out var entity))
            {
                entity = new Entity { Key = entry.Id, Name = entry.Name };
                added.Add(entity);
            }

            // What an Editor corrected in the app stands; the rest follows the file.
            if (entity.EditedAt is null)
            {
                entity.Name = entry.Name;
                entity.NormalizedName = ArabicNormalizer.Fold(entry.Name);
                entity.Type = entry.Type;
                entity.Description = entry.Description;
                entity.Descriptions = new Dictionary<string, string>(entry.Descriptions ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            }

            entity.Names = entry.NamesByLanguage();
            entity.Latitude = entry.Coordinates?.Lat;
            entity.Longitude = entry.Coordinates?.Lon;
            entity.WikidataId = entry.Wikidata;
            changedSpellings.AddRange(SyncAliases(entity, entry, removals[entry.Id].OfType<string>().ToHashSet(StringComparer.Ordinal)));
        }

        var changed = db.ChangeTracker.HasChanges() || added.Count > 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            if (added.Count > 0)
            {
                await InsertAsync(db, added, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (changedSpellings.Count > 0 && await db.Articles.AnyAsync(cancellationToken))
        {
            await rescans.EnqueueAsync(
                new RescanRequest(changedSpellings), $"Gazetteer import: {changedSpellings.Count} spellings added or removed", null, cancellationToken);
            logger.LogInformation("Gazetteer: {Entities} entities; {Spellings} spellings changed, re-scan queued", entries.Count, changedSpellings.Count);
        }

        return changed;
    }

    /// <summary>New entities and their aliases, a row a statement: a new store adds the whole gazetteer.</summary>
    private static async Task InsertAsync(NewsReaderDbContext db, List<Entity> added, CancellationToken cancellationToken)
    {
        await using var entities = new ModelRows<Entity>(db);
        await using var aliases = new ModelRows<EntityAlias>(db);
        foreach (var entity in added)
        {
            await entities.InsertAsync(entity, cancellationToken);
            foreach (var alias in entity.Aliases)
            {
                alias.EntityId = entity.Id;
                await aliases.InsertAsync(alias, cancellationToken);
            }
        }
    }

    /// <summary>Brings the entity's gazetteer aliases in line with the entry; returns the spellings added or taken away.</summary>
    private static IEnumerable<string> SyncAliases(Entity entity, GazetteerEntry entry, HashSet<string> removed)
    {
        var wanted = entry.Aliases.Select(a => (Text: a.Trim(), IsShort: false))
            .Concat((entry.ShortAliases ?? []).Select(a => (Text: a.Trim(), IsShort: true)))
            .DistinctBy(a => a.Text, StringComparer.Ordinal)
            .Where(a => !removed.Contains(a.Text))
            .ToList();
        var fromGazetteer = entity.Aliases.Where(a => a.Origin == AliasOrigin.Gazetteer).ToList();
        var stale = fromGazetteer.Where(a => !wanted.Contains((a.Text, a.IsShort))).ToList();
        var missing = wanted.Where(w => !fromGazetteer.Any(a => a.Text == w.Text && a.IsShort == w.IsShort)).ToList();
        foreach (var alias in stale)
        {
            entity.Aliases.Remove(alias);
        }

        foreach (var (text, isShort) in missing)
        {
            // A reader may have added this spelling before the gazetteer did: it becomes the gazetteer's.
            entity.Aliases.RemoveAll(a => a.Text == text);
            entity.Aliases.Add(new EntityAlias
            {
                Text = text,
                NormalizedText = ArabicNormalizer.Fold(text),
                IsShort = isShort,
                Origin = AliasOrigin.Gazetteer,
            });
        }

        return stale.Select(a => a.Text).Concat(missing.Select(m => m.Text));
    }
}
