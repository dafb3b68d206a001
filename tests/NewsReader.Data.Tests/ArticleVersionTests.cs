using NewsReader.Core.Articles;
using NewsReader.Data.Articles;
using NewsReader.Data.Importing;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>An article's edits carry the version they were made from: a save over a newer change (another Editor's,
/// or a feed's) is refused and stores nothing.</summary>
public sealed class ArticleVersionTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async Task InitializeAsync() => db = await TestDatabase.CreateSeededAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    private static ArticleDraft Edit(Article article, string body, int? basedOn) =>
        new ArticleDraft(article.SourceKey, article.Title, body, article.Language, article.Source, article.Dateline, article.PublishedAt) with { BasedOnVersion = basedOn };

    [Fact]
    public async Task Every_change_is_a_new_version_and_an_edit_from_an_older_one_is_refused_with_nothing_stored()
    {
        var seed = (await db.Articles.FindAsync((await db.ListArticlesAsync()).Single().Id))!;
        Assert.Equal(1, seed.Version);

        // Two Editors open version 1; the first saves, then the second.
        var first = await db.Importer.ImportAsync(Edit(seed, seed.Body + "\nتصحيح أول.", basedOn: 1));
        Assert.Equal(ImportOutcome.Updated, first.Outcome);
        var refused = await Assert.ThrowsAsync<ArticleChangedException>(() => db.Importer.ImportAsync(Edit(seed, seed.Body + "\nتصحيح ثان.", basedOn: 1)));

        Assert.Equal(2, refused.StoredVersion);
        var stored = (await db.Articles.FindAsync(seed.Id))!;
        Assert.Equal((2, seed.Body + "\nتصحيح أول."), (stored.Version, stored.Body));

        // Made from the version now stored, the second edit goes in; an import without a version follows its source.
        Assert.Equal(ImportOutcome.Updated, (await db.Importer.ImportAsync(Edit(stored, stored.Body + " ثان", basedOn: 2))).Outcome);
        Assert.Equal(ImportOutcome.Updated, (await db.Importer.ImportAsync(Edit(stored, seed.Body, basedOn: null))).Outcome);
        Assert.Equal(4, (await db.Articles.FindAsync(seed.Id))!.Version);
    }

    [Fact]
    public async Task The_batch_importer_reports_a_refused_edit_as_a_failure_with_the_reason()
    {
        var seed = (await db.Articles.FindAsync((await db.ListArticlesAsync()).Single().Id))!;
        await db.Importer.ImportAsync(Edit(seed, seed.Body + " أ", basedOn: 1));

        var result = await db.Service<ArticleBatchImporter>().StoreAsync("The article", Edit(seed, seed.Body + " ب", basedOn: 1));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("changed by someone else", result.Problem, StringComparison.Ordinal);
    }
}
