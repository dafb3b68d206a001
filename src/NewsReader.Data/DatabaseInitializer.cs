using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Providers;
using NewsReader.Data.Search;
using NewsReader.Data.Seeding;

namespace NewsReader.Data;

/// <summary>Brings the database up to date at start-up: what the provider sets first, migrations, the gazetteer, then
/// the seed articles. Under the database's start-up lock, so that of several instances started at once on one
/// database, one does the work and the others find it done.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<NewsReaderDbContext> contexts, DatabaseConnection database, GazetteerImporter gazetteer, SeedImporter seeds)
{
    public const string GazetteerFileName = "entities.json";

    public async Task<SeedReport> InitializeAsync(string seedsFolder, CancellationToken cancellationToken = default)
    {
        await using var startUp = await database.Provider.LockStartUpAsync(database.ConnectionString, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Provider.PrepareAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await SearchIndex.IndexMissingAsync(db, cancellationToken);
            await HashMissingAsync(db, cancellationToken);
        }

        // The gazetteer comes first, so that articles imported next are scanned with it.
        await gazetteer.ImportChangedFileAsync(Path.Combine(seedsFolder, GazetteerFileName), cancellationToken);
        return await seeds.ImportAsync(seedsFolder, cancellationToken);
    }

    /// <summary>Articles stored before duplicates were recognized get their normalized hash once, a thousand at a time,
    /// so that a large store of them is never held in memory whole.</summary>
    private static async Task HashMissingAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        while (await db.Articles.Where(a => a.NormalizedHash == "").OrderBy(a => a.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var article in batch)
            {
                article.NormalizedHash = ArticleDraft.HashOfNormalized(article.Body);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
