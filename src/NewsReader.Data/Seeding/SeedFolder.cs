using NewsReader.Core.Articles;
using NewsReader.Core.Importing;

namespace NewsReader.Data.Seeding;

/// <summary>Reads a folder of seed articles: each <c>NAME.txt</c> is a body, exactly as received,
/// and <c>NAME.json</c> beside it holds the metadata (see <see cref="ArticleMetadata"/>).</summary>
public static class SeedFolder
{
    public static IEnumerable<string> BodyFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            : [];

    /// <summary>Reads one seed; throws <see cref="InvalidDataException"/> with a reader's message when it is malformed.</summary>
    public static async Task<ArticleDraft> ReadAsync(string bodyFile, CancellationToken cancellationToken = default)
    {
        var sidecar = Path.ChangeExtension(bodyFile, ".json");
        if (!File.Exists(sidecar))
        {
            throw new InvalidDataException($"{Path.GetFileName(bodyFile)}: no metadata file {Path.GetFileName(sidecar)} beside it.");
        }

        var metadata = ArticleMetadata.FromJson(await File.ReadAllBytesAsync(sidecar, cancellationToken), Path.GetFileName(sidecar));
        return ArticleFiles.Read(
            Path.GetFileName(bodyFile),
            await File.ReadAllBytesAsync(bodyFile, cancellationToken),
            metadata,
            Path.GetFileNameWithoutExtension(bodyFile),
            File.GetLastWriteTimeUtc(bodyFile));
    }
}
