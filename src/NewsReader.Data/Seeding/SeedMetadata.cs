using NewsReader.Core.Text;

namespace NewsReader.Data.Seeding;

/// <summary>The sidecar <c>NAME.json</c> beside a seed's <c>NAME.txt</c>; the text file stays
/// exactly as received, so everything about it that is not its body lives here.</summary>
public sealed record SeedMetadata(
    string? Title,
    string? Source,
    string? Dateline,
    string? Language,
    DateTimeOffset? PublishedAt,
    TextDirection? Direction);
