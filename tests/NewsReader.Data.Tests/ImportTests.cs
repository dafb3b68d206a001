using System.Text;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Data.Importing;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public sealed class ImportTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    private ArticleBatchImporter Importer => db.Service<ArticleBatchImporter>();

    public async Task InitializeAsync() => db = await TestDatabase.CreateSeededAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    private static ImportSource Sample(string name) =>
        new(name, File.ReadAllBytes(Path.Combine(RepositoryFiles.ImportSamples, name)));

    private async Task<List<ImportResult>> ImportAsync(params ImportSource[] sources)
    {
        var results = new List<ImportResult>();
        foreach (var source in sources)
        {
            results.AddRange(await Importer.ImportAsync(source));
        }

        return results;
    }

    [Fact]
    public async Task Every_kind_of_file_and_feed_is_imported_with_its_entities_recognised_and_searchable()
    {
        var results = await ImportAsync(Sample("aleppo-truce.txt"), Sample("aid-convoy.md"), Sample("evacuation.html"), Sample("wire.rss"), Sample("wire.atom"));

        Assert.Equal(7, results.Count);
        Assert.All(results, r => Assert.Equal(ImportStatus.Imported, r.Status));
        var truce = results[0].ArticleId!.Value;
        Assert.Contains(await db.Entities.MentionsOfArticleAsync(truce), m => m.Entity.Key == "aleppo");
        Assert.Contains(await db.Entities.MentionsOfArticleAsync(truce), m => m.Entity.Key == "syrian-observatory-for-human-rights");

        var search = db.Service<SearchService>();
        Assert.Contains((await search.SearchAsync(new SearchRequest("هدنه"))).Items, h => h.ArticleId == truce);
        Assert.Contains((await search.SearchAsync(new SearchRequest("Astana"))).Items, h => h.Title == "Talks in Astana planned");
        Assert.Contains((await search.SearchAsync(new SearchRequest(null, EntityKey: "ankara"))).Items, h => h.Title == "موسكو وأنقرة تبحثان هدنة جديدة");
    }

    [Fact]
    public async Task Importing_the_same_article_again_is_a_no_op_even_under_another_name_or_spelling()
    {
        var first = (await ImportAsync(Sample("aleppo-truce.txt"))).Single();
        var before = (await db.ListArticlesAsync()).Count;

        var again = (await ImportAsync(Sample("aleppo-truce.txt"))).Single();
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.ImportSamples, "aleppo-truce.txt"));
        var body = text[text.IndexOf("أعلنت", StringComparison.Ordinal)..].Replace("الأمم", "الامم", StringComparison.Ordinal).Replace("هدنة", "هدنه", StringComparison.Ordinal);
        var respelled = (await ImportAsync(new ImportSource("copy.txt", Encoding.UTF8.GetBytes(body)))).Single();

        Assert.Equal((ImportStatus.Duplicate, first.ArticleId), (again.Status, again.ArticleId));
        Assert.Equal((ImportStatus.Duplicate, first.ArticleId), (respelled.Status, respelled.ArticleId));
        Assert.Equal(before, (await db.ListArticlesAsync()).Count);
    }

    [Fact]
    public async Task A_corrected_version_with_the_same_link_updates_the_article_and_re_anchors_its_annotations()
    {
        var first = (await ImportAsync(Sample("aleppo-truce.txt"))).Single();
        var id = first.ArticleId!.Value;
        var article = (await db.Articles.FindAsync(id))!;
        const string passage = "القصف توقف لساعات في حي الشعار";
        var start = article.Body.IndexOf(passage, StringComparison.Ordinal);
        var annotation = await db.Service<AnnotationStore>().CreateAsync(id, "local", new AnnotationDraft(new(start, start + passage.Length), Comment: "check"));

        var corrected = File.ReadAllText(Path.Combine(RepositoryFiles.ImportSamples, "aleppo-truce.txt"))
            .Replace("أعلنت الأمم المتحدة أمس", "أعلنت الأمم المتحدة صباح أمس الأربعاء", StringComparison.Ordinal);
        var update = (await ImportAsync(new ImportSource("aleppo-truce-corrected.txt", Encoding.UTF8.GetBytes(corrected)))).Single();

        Assert.Equal((ImportStatus.Updated, id), (update.Status, update.ArticleId));
        var moved = (await db.Service<AnnotationStore>().FindAsync(annotation.Id, "local"))!;
        var body = (await db.Articles.FindAsync(id))!.Body;
        Assert.Equal(passage, body[moved.Start..moved.End]);
        Assert.Equal(start + "صباح  الأربعاء".Length, moved.Start);
    }

    [Fact]
    public async Task Bad_files_are_reported_with_the_reason_and_the_rest_of_the_batch_goes_on()
    {
        var broken = Directory.GetFiles(Path.Combine(RepositoryFiles.ImportSamples, "broken")).Order(StringComparer.Ordinal)
            .Select(f => new ImportSource(Path.GetFileName(f), File.ReadAllBytes(f)));

        var results = await ImportAsync([.. broken, Sample("aid-convoy.md")]);

        string[] reasons = ["archive.txt: a binary file", "empty.txt: the file is empty", "invalid-utf8.txt: not valid UTF-8", "report.pdf: unknown format", "truncated.rss: not well-formed XML (line "];
        var failed = results.Where(r => r.Status == ImportStatus.Failed).Select(r => r.Problem!).ToList();
        Assert.Equal(reasons.Length, failed.Count);
        Assert.All(reasons.Zip(failed), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Equal(ImportStatus.Imported, results[^1].Status);
        Assert.Equal(new ImportSummary(1, 0, 0, 5), ImportSummary.Of(results));
    }

    [Fact]
    public async Task Deleting_an_article_removes_its_mentions_annotations_and_search_entry()
    {
        var id = (await ImportAsync(Sample("aleppo-truce.txt"))).Single().ArticleId!.Value;
        await db.Service<AnnotationStore>().CreateAsync(id, "local", new AnnotationDraft(new(0, 5)));

        Assert.True(await db.Articles.DeleteAsync(id));

        Assert.Null(await db.Articles.FindAsync(id));
        Assert.Empty(await db.Entities.MentionsOfArticleAsync(id));
        Assert.Empty(await db.Service<AnnotationStore>().ListAsync(id, "local"));
        Assert.DoesNotContain((await db.Service<SearchService>().SearchAsync(new SearchRequest("الراموسة"))).Items, h => h.ArticleId == id);
        Assert.False(await db.Articles.DeleteAsync(id));
        Assert.Equal(ImportStatus.Imported, (await ImportAsync(Sample("aleppo-truce.txt"))).Single().Status);
    }
}
