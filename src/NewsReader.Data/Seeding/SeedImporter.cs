using Microsoft.Extensions.Logging;
using NewsReader.Data.Articles;

namespace NewsReader.Data.Seeding;

public sealed record SeedReport(int Created, int Updated, int Unchanged, IReadOnlyList<string> Failures);

/// <summary>Imports every seed in a folder. A bad seed is logged and skipped; the others still load.</summary>
public sealed class SeedImporter(ArticleImporter importer, ILogger<SeedImporter> logger)
{
    public async Task<SeedReport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<ImportOutcome, int>();
        var failures = new List<string>();
        foreach (var file in SeedFolder.BodyFiles(folder))
        {
            try
            {
                var draft = await SeedFolder.ReadAsync(file, cancellationToken);
                var (outcome, _) = await importer.ImportAsync(draft, cancellationToken);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
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
}
