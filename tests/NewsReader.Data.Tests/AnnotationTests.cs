using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public class AnnotationTests
{
    private const string Reader = "local";

    private static async Task<(TestDatabase Db, Article Seed)> SeededAsync()
    {
        var db = await TestDatabase.CreateSeededAsync();
        var seed = (await db.Articles.FindAsync((await db.ListArticlesAsync()).Single().Id))!;
        return (db, seed);
    }

    private static TextPositionSelector Passage(string body, string text)
    {
        var start = body.IndexOf(text, StringComparison.Ordinal);
        return new TextPositionSelector(start, start + text.Length);
    }

    [Fact]
    public async Task An_annotation_is_saved_at_once_with_both_selectors()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();

        var created = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(
            Passage(seed.Body, "لسنا شركاء بشار الاسد"), HighlightColor.Pink, "**مهم**", [" quote ", "quote", "Assad"]));

        var stored = Assert.Single(await store.ListAsync(seed.Id, Reader));
        Assert.Equal(created.Id, stored.Id);
        Assert.Equal(("لسنا شركاء بشار الاسد", 32, 32), (stored.Exact, stored.Prefix.Length, stored.Suffix.Length));
        Assert.Equal((HighlightColor.Pink, "**مهم**", 1), (stored.Color, stored.Comment, stored.Version));
        Assert.Equal(["quote", "Assad"], stored.Tags);
        Assert.Empty(await store.ListAsync(seed.Id, "someone-else"));
    }

    [Theory]
    [InlineData(-1, 5, "is not a non-empty range")]
    [InlineData(10, 10, "is not a non-empty range")]
    [InlineData(3000, 4000, "is not a non-empty range")]
    public async Task Out_of_range_passages_are_refused(int start, int end, string problem)
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;

        var error = await Assert.ThrowsAsync<InvalidAnnotationException>(() =>
            db.Service<AnnotationStore>().CreateAsync(seed.Id, Reader, new AnnotationDraft(new(start, end))));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Empty(await db.Service<AnnotationStore>().ListAsync(seed.Id, Reader));
    }

    [Fact]
    public async Task Over_long_comments_and_too_many_tags_are_refused_with_a_clear_message()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var passage = Passage(seed.Body, "حلب");

        var error = await Assert.ThrowsAsync<InvalidAnnotationException>(() => db.Service<AnnotationStore>().CreateAsync(
            seed.Id, Reader, new AnnotationDraft(passage, Comment: new string('x', 10_001), Tags: Enumerable.Range(0, 21).Select(i => $"t{i}").ToList())));

        Assert.Equal(["The comment is longer than 10,000 characters (10,001).", "An annotation may have at most 20 tags."], error.Problems);
    }

    [Fact]
    public async Task A_save_from_an_old_version_is_a_conflict_and_overwrites_nothing()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();
        var created = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "حلب")));

        await store.UpdateAsync(created.Id, Reader, 1, new AnnotationDraft(default, Comment: "from the first tab"));
        var conflict = await Assert.ThrowsAsync<AnnotationConflictException>(() =>
            store.UpdateAsync(created.Id, Reader, 1, new AnnotationDraft(default, Comment: "from the second tab")));

        Assert.Equal(("from the first tab", 2), (conflict.Stored.Comment, conflict.Stored.Version));
        Assert.Equal("from the first tab", (await store.FindAsync(created.Id, Reader))!.Comment);
    }

    [Fact]
    public async Task A_deleted_annotation_can_be_restored()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();
        var created = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "حلب"), Comment: "c"));

        var deleted = await store.DeleteAsync(created.Id, Reader);
        Assert.Empty(await store.ListAsync(seed.Id, Reader));
        await store.RestoreAsync(deleted!);

        Assert.Equal("c", Assert.Single(await store.ListAsync(seed.Id, Reader)).Comment);
    }

    [Fact]
    public async Task A_corrected_article_re_anchors_its_annotations_and_orphans_what_is_gone()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();
        var kept = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "لسنا شركاء بشار الاسد")));
        var lost = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "وذكرت جمعية «الخوذ البيضاء»"), Comment: "keep me"));
        var sentence = seed.Body.IndexOf("وذكرت جمعية", StringComparison.Ordinal);
        var corrected = "تحديث: " + seed.Body.Remove(sentence, seed.Body.IndexOf(". ", sentence, StringComparison.Ordinal) + 2 - sentence);

        await db.Importer.ImportAsync(new ArticleDraft(seed.SourceKey, seed.Title, corrected, seed.Language, seed.Source, seed.Dateline, seed.PublishedAt));

        var after = await store.ListAsync(seed.Id, Reader);
        var moved = after.Single(a => a.Id == kept.Id);
        Assert.Equal((AnchorKind.Moved, "لسنا شركاء بشار الاسد"), (moved.Anchor, corrected[moved.Start..moved.End]));
        var orphan = after.Single(a => a.Id == lost.Id);
        Assert.Equal((AnchorKind.Orphan, "keep me"), (orphan.Anchor, orphan.Comment));
        Assert.Equal(lost.Id, after[^1].Id);

        // Both changed with the text: a save made from where they were before is refused, not moved back.
        Assert.Equal((2, 2), (moved.Version, orphan.Version));
        await Assert.ThrowsAsync<AnnotationConflictException>(() =>
            store.UpdateAsync(kept.Id, Reader, kept.Version, new AnnotationDraft(kept.Position, Comment: "from before the correction")));
    }

    [Fact]
    public async Task A_save_that_names_another_passage_moves_the_annotation_there_and_keeps_its_canonical_IRI()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();
        const string canonical = "urn:uuid:0b5d8a52-9b53-4b8e-8f55-3c1f0e2f6a10";
        var created = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "حلب"), Comment: "c", Canonical: canonical));

        var updated = await store.UpdateAsync(created.Id, Reader, 1, new AnnotationDraft(Passage(seed.Body, "لسنا شركاء بشار الاسد"), Comment: "c"));

        Assert.Equal(("لسنا شركاء بشار الاسد", AnchorKind.Exact, canonical), (updated.Exact, updated.Anchor, updated.Canonical));
        var stored = (await store.FindAsync(created.Id, Reader))!;
        Assert.Equal(("لسنا شركاء بشار الاسد", canonical), (seed.Body[stored.Start..stored.End], stored.Canonical));
        await Assert.ThrowsAsync<InvalidAnnotationException>(() =>
            store.UpdateAsync(created.Id, Reader, 2, new AnnotationDraft(new TextPositionSelector(5, seed.Body.Length + 5))));
        await Assert.ThrowsAsync<InvalidAnnotationException>(() =>
            store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "حلب"), Canonical: "not an IRI")));
    }

    [Fact]
    public async Task An_annotation_identifies_known_entities_and_refuses_unknown_ones()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();
        var passage = Passage(seed.Body, "لسنا شركاء بشار الاسد");

        var created = await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(passage, EntityKeys: ["bashar-al-assad", " bashar-al-assad "]));
        Assert.Equal(["bashar-al-assad"], (await store.FindAsync(created.Id, Reader))!.EntityKeys);

        var refused = await Assert.ThrowsAsync<InvalidAnnotationException>(() =>
            store.UpdateAsync(created.Id, Reader, created.Version, new AnnotationDraft(passage, EntityKeys: ["bashar-al-assad", "atlantis"])));
        Assert.Equal("Unknown entity: atlantis.", refused.Message);
        Assert.Equal(["bashar-al-assad"], (await store.FindAsync(created.Id, Reader))!.EntityKeys);
    }

    [Fact]
    public async Task A_readers_annotations_are_listed_article_by_article_for_export()
    {
        var (db, seed) = await SeededAsync();
        await using var _ = db;
        var store = db.Service<AnnotationStore>();
        await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "لسنا شركاء بشار الاسد")));
        await store.CreateAsync(seed.Id, Reader, new AnnotationDraft(Passage(seed.Body, "آن الاوان ليستيقظ المجتمع الدولي")));
        await store.CreateAsync(seed.Id, "someone-else", new AnnotationDraft(Passage(seed.Body, "آن الاوان")));

        var article = Assert.Single(await store.ListByArticleAsync(Reader));

        Assert.Equal((seed.Id, seed.Title, seed.Source), (article.ArticleId, article.Title, article.Source));
        Assert.Equal(["آن الاوان ليستيقظ المجتمع الدولي", "لسنا شركاء بشار الاسد"], article.Annotations.Select(a => a.Exact));
    }
}
