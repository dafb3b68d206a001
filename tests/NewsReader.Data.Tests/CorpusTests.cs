using NewsReader.Core.Entities;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>A generated corpus, loaded through the app's own import path, is found in every spelling.</summary>
public class CorpusTests
{
    [Fact]
    public async Task A_generated_corpus_is_imported_recognized_and_searchable_in_every_spelling()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        IReadOnlyList<GazetteerEntry> gazetteer;
        await using (var file = File.OpenRead(Path.Combine(RepositoryFiles.SeedsFolder, "entities.json")))
        {
            gazetteer = await Gazetteer.ReadAsync(file);
        }

        var drafts = new ArticleCorpus(gazetteer, seed: 7).Articles(150).ToList();
        foreach (var draft in drafts)
        {
            await db.Importer.ImportAsync(draft);
        }

        Assert.Equal(drafts.Select(d => d.Body), new ArticleCorpus(gazetteer, seed: 7).Articles(150).Select(d => d.Body));
        var search = db.Service<SearchService>();
        var aleppo = await search.SearchAsync(new SearchRequest(null, EntityKey: "aleppo", PageSize: 50));
        Assert.Equal(drafts.Count(NamesAleppoTheCity) + 1, aleppo.Total); // and the seed article
        var truce = await search.SearchAsync(new SearchRequest("هدنه"));
        Assert.Equal(drafts.Count(d => d.Body.Contains("هدنة", StringComparison.Ordinal)) + 1, truce.Total);
    }

    /// <summary>Whether any word of the article, read as the recognizer reads it (with or without its proclitics), is حلب
    /// on its own, not part of a longer name (حلب الجديدة، حلب القديمة، قلعة حلب، ريف حلب، محافظة حلب، الأحياء الشرقية لحلب).</summary>
    private static bool NamesAleppoTheCity(Core.Articles.ArticleDraft draft)
    {
        var normalized = Core.Text.ArabicNormalizer.Fold(draft.Body);
        var words = Core.Text.ArabicTokenizer.Tokenize(normalized).Select(t => t.In(normalized).ToString()).ToList();
        bool Is(int i, params string[] names) =>
            i >= 0 && i < words.Count && Core.Text.ArabicClitics.Stems(words[i]).Any(s => names.Contains(s.Stem.StartsWith("ال", StringComparison.Ordinal) ? s.Stem[2..] : s.Stem));
        return words.Select((_, i) => i).Any(i => Is(i, "حلب") && !Is(i + 1, "جديده", "قديمه") && !Is(i - 1, "ريف", "محافظه", "شرقيه", "قلعه"));
    }
}
