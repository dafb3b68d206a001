using NewsReader.Core.Importing;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>One entity across scripts: the Arabic seed and an English wire story about the same events meet through
/// the entities both mention.</summary>
public class CrossLanguageSearchTests
{
    private static async Task<TestDatabase> SeededWithEnglishStoryAsync()
    {
        var db = await TestDatabase.CreateSeededAsync();
        var draft = ArticleFiles.Read(
            "ayrault-paris-meeting.txt", await File.ReadAllBytesAsync(RepositoryFiles.EnglishSample), null, "english-sample", DateTimeOffset.UnixEpoch);
        await db.Importer.ImportAsync(draft);
        return db;
    }

    private static List<string> Marked(SearchHit hit) =>
        hit.Snippets.SelectMany(s => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length))).ToList();

    [Fact]
    public async Task The_Aleppo_entity_lists_the_Arabic_and_the_English_article()
    {
        await using var db = await SeededWithEnglishStoryAsync();

        var result = await db.Service<SearchService>().SearchAsync(new SearchRequest(null, EntityKey: "aleppo"));

        Assert.Equal(["ar", "en"], result.Items.Select(i => i.Language).Order().ToArray());
    }

    [Theory]
    [InlineData("أيرولت", "en", "Ayrault")]
    [InlineData("ايرولت", "en", "Jean-Marc Ayrault")]
    [InlineData("Ayrault", "ar", "ايرولت")]
    [InlineData("Alep", "en", "Aleppo")]
    [InlineData("Aleppo", "ar", "حلب")]
    [InlineData("المرصد السوري لحقوق الإنسان", "en", "Syrian Observatory for Human Rights")]
    public async Task A_name_in_one_script_finds_the_article_in_the_other_with_its_mention_marked(string query, string language, string mention)
    {
        await using var db = await SeededWithEnglishStoryAsync();

        var result = await db.Service<SearchService>().SearchAsync(new SearchRequest(query));

        var hit = Assert.Single(result.Items, i => i.Language == language);
        Assert.Contains(mention, Marked(hit));
    }

    [Fact]
    public async Task An_accented_name_is_found_typed_without_its_accent()
    {
        await using var db = await SeededWithEnglishStoryAsync();

        var result = await db.Service<SearchService>().SearchAsync(new SearchRequest("Francois Fillon"));

        Assert.Equal(["ar", "en"], result.Items.Select(i => i.Language).Order().ToArray());
        Assert.Contains("François Fillon", Marked(Assert.Single(result.Items, i => i.Language == "en")));
    }
}
