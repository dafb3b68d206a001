using Microsoft.EntityFrameworkCore;
using NewsReader.Data.Seeding;

namespace NewsReader.Data;

/// <summary>Brings the database up to date at start-up: migrations, WAL journal, then the seeds.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<NewsReaderDbContext> contexts, SeedImporter seeds)
{
    public async Task<SeedReport> InitializeAsync(string seedsFolder, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);

            // WAL lets readers go on while the importer writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        return await seeds.ImportAsync(seedsFolder, cancellationToken);
    }
}
