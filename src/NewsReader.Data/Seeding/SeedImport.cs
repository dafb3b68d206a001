namespace NewsReader.Data.Seeding;

/// <summary>That a seed file was imported, and which version of it: start-up imports a seed only when it is new or
/// its file changed, so that an Editor's edit or deletion of a seed article stands after a restart.</summary>
public sealed class SeedImport
{
    /// <summary>The seed's file name without extension (its article's source key).</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the body file and its sidecar as they were imported.</summary>
    public required string FileHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
