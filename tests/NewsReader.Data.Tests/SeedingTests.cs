using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Text;
using NewsReader.Data.Importing;
using NewsReader.Data.Seeding;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public class SeedingTests
{
    private static readonly string SeedBody = Path.Combine(RepositoryFiles.SeedsFolder, RepositoryFiles.SeedKey + ".txt");
    private static readonly string SeedMetadata = Path.ChangeExtension(SeedBody, ".json");

    [Fact]
    public async Task The_seed_article_is_stored_byte_identical_to_the_file()
    {
        await using var db = await TestDatabase.CreateAsync();
        CopySeedInto(db.SeedsFolder);

        await db.Initializer.InitializeAsync(db.SeedsFolder);

        var summary = Assert.Single(await db.ListArticlesAsync());
        var article = await db.Articles.FindAsync(summary.Id);
        Assert.NotNull(article);
        Assert.Equal(await File.ReadAllBytesAsync(SeedBody), Encoding.UTF8.GetBytes(article.Body));
        Assert.Equal(3261, article.Body.Length);
        Assert.Equal(("ar", TextDirection.Rtl, "الوكالات", "باريس"), (article.Language, article.Direction, article.Source, article.Dateline));
        Assert.Equal(new DateTimeOffset(2016, 12, 1, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
    }

    [Fact]
    public async Task Seeding_twice_imports_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync();
        CopySeedInto(db.SeedsFolder);

        var first = await db.Initializer.InitializeAsync(db.SeedsFolder);
        var second = await db.Initializer.InitializeAsync(db.SeedsFolder);

        Assert.Equal((1, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 1), (second.Created, second.Updated, second.Unchanged));
        await using var context = await db.OpenAsync();
        Assert.Equal(1, await context.Articles.CountAsync());
    }

    [Fact]
    public async Task A_changed_seed_file_updates_its_article_in_place()
    {
        await using var db = await TestDatabase.CreateAsync();
        CopySeedInto(db.SeedsFolder);
        await db.Initializer.InitializeAsync(db.SeedsFolder);
        var before = Assert.Single(await db.ListArticlesAsync());

        var corrected = (await File.ReadAllTextAsync(SeedBody)).Replace("44 يوما", "45 يوما", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, RepositoryFiles.SeedKey + ".txt"), corrected);
        var report = await db.Initializer.InitializeAsync(db.SeedsFolder);

        Assert.Equal(1, report.Updated);
        var after = Assert.Single(await db.ListArticlesAsync());
        Assert.Equal(before.Id, after.Id);
        Assert.Contains("45 يوما", (await db.Articles.FindAsync(after.Id))!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seed_article_an_Editor_edited_or_deleted_stays_so_after_a_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        CopySeedInto(db.SeedsFolder);
        await db.Initializer.InitializeAsync(db.SeedsFolder);
        var seed = Assert.Single(await db.ListArticlesAsync());
        var article = (await db.Articles.FindAsync(seed.Id))!;
        await db.Importer.ImportAsync(new Core.Articles.ArticleDraft(
            article.SourceKey, "عنوان صححه المحرر", article.Body, article.Language, article.Source, article.Dateline, article.PublishedAt));

        await db.Initializer.InitializeAsync(db.SeedsFolder);
        Assert.Equal("عنوان صححه المحرر", Assert.Single(await db.ListArticlesAsync()).Title);

        Assert.True(await db.Articles.DeleteAsync(seed.Id));
        var report = await db.Initializer.InitializeAsync(db.SeedsFolder);

        Assert.Equal((0, 0, 1), (report.Created, report.Updated, report.Unchanged));
        Assert.Empty(await db.ListArticlesAsync());
    }

    [Fact]
    public async Task Start_up_hashes_an_article_stored_without_its_normalized_hash_so_a_copy_of_it_is_a_duplicate()
    {
        await using var db = await TestDatabase.CreateAsync();
        CopySeedInto(db.SeedsFolder);
        await db.Initializer.InitializeAsync(db.SeedsFolder);
        await using (var context = await db.OpenAsync())
        {
            Assert.Equal(1, await context.Articles.ExecuteUpdateAsync(a => a.SetProperty(x => x.NormalizedHash, "")));
        }

        await db.Initializer.InitializeAsync(db.SeedsFolder);

        var copy = new ImportSource("copy.txt", await File.ReadAllBytesAsync(SeedBody));
        var imported = Assert.Single(await db.Service<ArticleBatchImporter>().ImportAsync(copy));
        Assert.Equal(ImportStatus.Duplicate, imported.Status);
        Assert.Single(await db.ListArticlesAsync());
    }

    [Fact]
    public async Task Start_up_reads_the_gazetteer_again_only_when_its_file_changed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var file = Path.Combine(db.SeedsFolder, DatabaseInitializer.GazetteerFileName);
        File.Copy(RepositoryFiles.GazetteerFile, file);
        await db.Initializer.InitializeAsync(db.SeedsFolder);
        var stored = await LatitudeOfAleppoAsync(db);
        Assert.NotNull(stored);

        // A value that only the file decides, changed behind the app's back, shows whether the file was read again.
        await using (var context = await db.OpenAsync())
        {
            await context.Entities.Where(e => e.Key == "aleppo").ExecuteUpdateAsync(set => set.SetProperty(e => e.Latitude, 0.0));
        }

        await db.Initializer.InitializeAsync(db.SeedsFolder);
        Assert.Equal(0.0, await LatitudeOfAleppoAsync(db));

        await File.AppendAllTextAsync(file, "\n");
        await db.Initializer.InitializeAsync(db.SeedsFolder);
        Assert.Equal(stored, await LatitudeOfAleppoAsync(db));
    }

    [Fact]
    public async Task Bad_seeds_are_skipped_with_a_reason_and_the_good_ones_still_load()
    {
        await using var db = await TestDatabase.CreateAsync();
        CopySeedInto(db.SeedsFolder);
        await File.WriteAllBytesAsync(Path.Combine(db.SeedsFolder, "binary.txt"), [0xC3, 0x28, 0xFF]);
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, "binary.json"), """{"title":"t","source":"s","language":"ar"}""");
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, "lonely.txt"), "نص بلا بيانات.");
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, "broken.txt"), "نص.");
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, "broken.json"), "{ not json");
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, "untitled.txt"), "نص.");
        await File.WriteAllTextAsync(Path.Combine(db.SeedsFolder, "untitled.json"), """{"title":"  ","source":"s","language":"ar"}""");

        var report = await db.Initializer.InitializeAsync(db.SeedsFolder);

        Assert.Equal(1, report.Created);
        Assert.Collection(
            report.Failures.Order(StringComparer.Ordinal),
            f => Assert.Contains("binary.txt: not valid UTF-8 text.", f, StringComparison.Ordinal),
            f => Assert.Contains("broken.json: not valid metadata JSON", f, StringComparison.Ordinal),
            f => Assert.Contains("lonely.txt: no metadata file lonely.json", f, StringComparison.Ordinal),
            f => Assert.EndsWith("untitled.json: the title is blank.", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_seeds_folder_leaves_an_empty_store()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await db.Initializer.InitializeAsync(Path.Combine(db.Folder, "nowhere"));

        Assert.Equal(0, report.Created + report.Updated + report.Unchanged);
        Assert.Empty(await db.ListArticlesAsync());
    }

    [SqliteFact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.OpenAsync();

        var mode = await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task A_seed_file_with_a_byte_order_mark_is_stored_without_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var file = Path.Combine(db.SeedsFolder, "bom.txt");
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("نص.")]);
        File.Copy(SeedMetadata, Path.ChangeExtension(file, ".json"));

        var draft = await SeedFolder.ReadAsync(file);

        Assert.Equal("نص.", draft.Body);
    }

    private static void CopySeedInto(string folder)
    {
        File.Copy(SeedBody, Path.Combine(folder, Path.GetFileName(SeedBody)));
        File.Copy(SeedMetadata, Path.Combine(folder, Path.GetFileName(SeedMetadata)));
    }

    private static async Task<double?> LatitudeOfAleppoAsync(TestDatabase db)
    {
        await using var context = await db.OpenAsync();
        return await context.Entities.Where(e => e.Key == "aleppo").Select(e => e.Latitude).SingleAsync();
    }
}
