using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsReader.Data.Articles;

namespace NewsReader.Data.Seeding;

public sealed record SeedReport(int Created, int Updated, int Unchanged, IReadOnlyList<string> Failures);

/// <summary>Imports the seeds of a folder that are new, or whose files changed since they were imported
/// (<see cref="SeedImport"/>): a seed article an Editor edited or deleted stays so across restarts. A bad seed is
/// logged and skipped; the others still load.</summary>
public sealed class SeedImporter(
    ArticleImporter importer, IDbContextFactory<NewsReaderDbContext> contexts, TimeProvider clock, ILogger<SeedImporter> logger)
{
    public async Task<SeedReport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<ImportOutcome, int>();
        var failures = new List<string>();
        foreach (var file in SeedFolder.BodyFiles(folder))
        {
            try
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var hash = await FileHashAsync(file, cancellationToken);
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var imported = await db.SeedImports.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
                if (imported?.FileHash == hash)
                {
                    counts[ImportOutcome.Unchanged] = counts.GetValueOrDefault(ImportOutcome.Unchanged) + 1;
                    continue;
                }

                var draft = await SeedFolder.ReadAsync(file, cancellationToken);
                var (outcome, _) = await importer.ImportAsync(draft, cancellationToken);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                imported ??= db.SeedImports.Add(new SeedImport { Name = name, FileHash = hash }).Entity;
                (imported.FileHash, imported.ImportedAt) = (hash, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidArticleException or IOException)
            {
                logger.LogWarning("Skipped seed {File}: {Reason}", file, e.Message);
                failures.Add(e.Message);
            }
        }

        var report = new SeedReport(
            counts.GetValueOrDefault(ImportOutcome.Created),
            counts.GetValueOrDefault(ImportOutcome.Updated),
            counts.GetValueOrDefault(ImportOutcome.Unchanged),
            failures);
        logger.LogInformation(
            "Seeds from {Folder}: {Created} added, {Updated} updated, {Unchanged} unchanged, {Failed} skipped",
            folder, report.Created, report.Updated, report.Unchanged, failures.Count);
        return report;
    }

    /// <summary>The seed as it stands on disk: its body and its sidecar.</summary>
    private static async Task<string> FileHashAsync(string bodyFile, CancellationToken cancellationToken)
    {
        var sidecar = Path.ChangeExtension(bodyFile, ".json");
        byte[] bytes = [
            .. await File.ReadAllBytesAsync(bodyFile, cancellationToken),
            .. File.Exists(sidecar) ? await File.ReadAllBytesAsync(sidecar, cancellationToken) : []];
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
