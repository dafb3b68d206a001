namespace NewsReader.Data.Seeding;

/// <summary>That a seed file was imported, and which version of it: start-up imports a seed only when it is new or
/// its file changed, so that an Editor's edit or deletion of a seed article stands after a restart. The gazetteer's
/// file is recorded the same way, under its own file name.</summary>
public sealed class SeedImport
{
    /// <summary>The seed's file name without extension (its article's source key); the gazetteer's file name.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the body file and its sidecar as they were imported (of the gazetteer, with the schema's
    /// newest migration).</summary>
    public required string FileHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
