namespace NewsReader.Testing;

/// <summary>Finds files of the repository the tests were built from.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedsFolder => Path.Combine(Root, "seeds");

    /// <summary>The gazetteer the app imports at start-up.</summary>
    public static string GazetteerFile => Path.Combine(SeedsFolder, "entities.json");

    /// <summary>Articles, feeds and broken files written for the import tests (see tests/samples/README.md).</summary>
    public static string ImportSamples => Path.Combine(Root, "tests", "samples", "imports");

    /// <summary>An English wire story about the seed's events, for Latin-script recognition and cross-language search.</summary>
    public static string EnglishSample => Path.Combine(Root, "tests", "samples", "english", "ayrault-paris-meeting.txt");

    public const string SeedKey = "000_c76dc57e29640070";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsReader.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with NewsReader.sln) was not found above the test binaries.");
    }
}
