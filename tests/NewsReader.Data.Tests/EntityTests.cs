using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public class EntityTests
{
    private static readonly string SeedsFolder = RepositoryFiles.SeedsFolder;

    private static async Task<int> SeedIdAsync(TestDatabase db) => (await db.ListArticlesAsync()).Single().Id;

    [Fact]
    public async Task Seeding_stores_the_gazetteer_and_the_seed_article_mentions()
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var mentions = await db.Entities.MentionsOfArticleAsync(await SeedIdAsync(db));

        Assert.True(mentions.Count >= 60, $"{mentions.Count} mentions");
        Assert.Equal(8, mentions.Count(m => m.Entity.Key == "aleppo"));
        Assert.Equal(5, mentions.Count(m => m.Entity.Key == "jean-marc-ayrault"));
        var first = mentions.First(m => m.Entity.Key == "jean-marc-ayrault");
        var body = (await db.Articles.FindAsync(await SeedIdAsync(db)))!.Body;
        Assert.Equal("جان مارك ايرولت", body.Substring(first.Start, first.Length));
        Assert.Equal(new("jean-marc-ayrault", "Jean-Marc Ayrault", EntityType.Person, new Dictionary<string, string>()), first.Entity);

        // The Arabic interface names him by the gazetteer's first Arabic spelling.
        Assert.Equal("جان مارك أيرولت", first.Entity.Names["ar"]);
    }

    [Fact]
    public async Task Seeding_again_changes_no_mention()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using var before = await db.OpenAsync();
        var ids = await before.Mentions.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();

        await db.Initializer.InitializeAsync(SeedsFolder);

        await using var after = await db.OpenAsync();
        Assert.Equal(ids, await after.Mentions.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }

    [Theory]
    [InlineData("انقره", "ankara")]
    [InlineData("أنقرة", "ankara")]
    [InlineData("حَلَب", "aleppo")]
    [InlineData("aleppo", "aleppo")]
    [InlineData("ALEP", "aleppo")]
    [InlineData("الاسد", "bashar-al-assad")]
    [InlineData("assad", "bashar-al-assad")]
    [InlineData("syrian obs", "syrian-observatory-for-human-rights")]
    [InlineData("المرصد", "syrian-observatory-for-human-rights")]
    public async Task Entities_are_found_by_English_name_or_any_Arabic_spelling(string query, string key)
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var found = await db.Entities.SearchAsync(query);

        Assert.Contains(key, found.Select(e => e.Key));
    }

    [Fact]
    public async Task The_most_mentioned_entity_comes_first_and_types_filter()
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var aleppo = await db.Entities.SearchAsync("حلب");
        var organizations = await db.Entities.SearchAsync("حلب", EntityType.Organization);

        Assert.Equal("aleppo", aleppo[0].Key);
        Assert.Equal(8, aleppo[0].MentionCount);
        Assert.Empty(organizations);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' OR 1=1 --")]
    [InlineData("   ")]
    public async Task Query_syntax_in_a_search_is_only_text(string query)
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        Assert.Empty(await db.Entities.SearchAsync(query));
    }

    [Fact]
    public async Task A_new_alias_in_the_gazetteer_rescans_every_article()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var id = await SeedIdAsync(db);
        Assert.DoesNotContain(await db.Entities.MentionsOfArticleAsync(id), m => m.Entity.Key == "turkish-capital");

        await db.Gazetteer.ImportAsync([new GazetteerEntry("turkish-capital", "The Turkish capital", EntityType.Place, ["العاصمة التركية"])]);
        await db.RunJobsAsync();

        var mention = Assert.Single(await db.Entities.MentionsOfArticleAsync(id), m => m.Entity.Key == "turkish-capital");
        Assert.Equal("العاصمة التركية", mention.Text);
    }

    [Fact]
    public async Task A_corrected_article_gets_its_mentions_recomputed()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var id = await SeedIdAsync(db);
        var article = (await db.Articles.FindAsync(id))!;
        var draft = new ArticleDraft(article.SourceKey, article.Title, "زار ايرولت دمشق ثم حلب.", "ar", article.Source, null, article.PublishedAt);

        Assert.Equal(ImportOutcome.Updated, (await db.Importer.ImportAsync(draft)).Outcome);

        var mentions = await db.Entities.MentionsOfArticleAsync(id);
        Assert.Equal(["jean-marc-ayrault", "damascus", "aleppo"], mentions.Select(m => m.Entity.Key));
        Assert.Equal([4, 11, 19], mentions.Select(m => m.Start));
    }

    [Fact]
    public async Task A_dismissed_mention_stays_dismissed_after_a_rescan()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var id = await SeedIdAsync(db);
        var paris = (await db.Entities.MentionsOfArticleAsync(id)).First(m => m.Entity.Key == "paris");
        await using (var context = await db.OpenAsync())
        {
            var entityId = await context.Entities.Where(e => e.Key == "paris").Select(e => e.Id).SingleAsync();
            context.MentionDismissals.Add(new MentionDismissal { ArticleId = id, EntityId = entityId, Start = paris.Start, Length = paris.Length });
            await context.SaveChangesAsync();
        }

        await db.Mentions.RescanAsync(id);

        var after = await db.Entities.MentionsOfArticleAsync(id);
        Assert.Equal(2, after.Count(m => m.Entity.Key == "paris"));
        Assert.DoesNotContain(after, m => m.Start == paris.Start);
    }

    [Fact]
    public async Task A_spelling_a_reader_adds_is_marked_in_every_article_and_survives_a_gazetteer_import()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(new ArticleDraft("other", "عنوان", "وصلت المساعدات إلى الشهباء أمس.", "ar", "الوكالات", null, DateTimeOffset.UnixEpoch));
        var tagging = db.Service<ReaderTagging>();

        Assert.Null(await tagging.AddSpellingAsync("aleppo", " الشهباء "));
        await db.Gazetteer.ImportFileAsync(RepositoryFiles.GazetteerFile);
        await db.RunJobsAsync();

        var other = (await db.ListArticlesAsync()).Single(a => a.Title == "عنوان").Id;
        var mention = Assert.Single(await db.Entities.MentionsOfArticleAsync(other));
        Assert.Equal(("aleppo", "الشهباء"), (mention.Entity.Key, mention.Text));
        Assert.Contains("الشهباء", (await db.Entities.FindAsync("aleppo"))!.Spellings);
    }

    [Theory]
    [InlineData("", "Select the words that name the entity.")]
    [InlineData("   ", "Select the words that name the entity.")]
    public async Task A_blank_passage_cannot_be_tagged(string spelling, string problem)
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var tagging = db.Service<ReaderTagging>();

        Assert.Equal(problem, await tagging.AddSpellingAsync("aleppo", spelling));
        Assert.Equal(problem, (await tagging.CreateEntityAsync("Somewhere", EntityType.Place, spelling)).Problem);
    }

    [Fact]
    public async Task Tagging_refuses_unknown_entities_blank_names_and_over_long_passages()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var tagging = db.Service<ReaderTagging>();

        Assert.Equal("There is no entity 'nowhere'.", await tagging.AddSpellingAsync("nowhere", "مكان"));
        Assert.Equal("Give the entity a name.", (await tagging.CreateEntityAsync("  ", EntityType.Place, "مكان")).Problem);
        Assert.StartsWith("A spelling may have at most 200", await tagging.AddSpellingAsync("aleppo", new string('ح', 201)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_entity_gets_a_key_of_its_own_even_when_its_name_is_taken()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var tagging = db.Service<ReaderTagging>();

        var (key, problem) = await tagging.CreateEntityAsync("Aleppo", EntityType.Place, "مدينة الشهباء");

        Assert.Equal(("aleppo-2", null), (key, problem));
        Assert.Equal(EntityType.Place, (await db.Entities.FindAsync("aleppo-2"))!.Type);
    }

    [Fact]
    public async Task A_new_entity_from_the_gazetteer_is_stored_with_every_field_and_spelling()
    {
        await using var db = await TestDatabase.CreateAsync();
        GazetteerEntry[] entries = [new(
            "homs", "Homs", EntityType.Place, ["حمص", "مدينة حمص"], ["Hims"], "City in western Syria", new(34.7308, 36.7094), "Q80988",
            new Dictionary<string, string> { ["fr"] = "Homs" }, new Dictionary<string, string> { ["ar"] = "مدينة في غرب سوريا" })];

        Assert.True(await db.Gazetteer.ImportAsync(entries));
        Assert.False(await db.Gazetteer.ImportAsync(entries));

        await using var context = await db.OpenAsync();
        var homs = await context.Entities.Include(e => e.Aliases).AsNoTracking().SingleAsync(e => e.Key == "homs");
        Assert.Equal(
            ("Homs", "homs", EntityType.Place, "City in western Syria", 34.7308, 36.7094, "Q80988", (DateTimeOffset?)null, 0, 0),
            (homs.Name, homs.NormalizedName, homs.Type, homs.Description, homs.Latitude, homs.Longitude, homs.WikidataId, homs.EditedAt, homs.ArticleCount, homs.MentionCount));
        Assert.Equal(new Dictionary<string, string> { ["ar"] = "حمص", ["fr"] = "Homs" }, homs.Names);
        Assert.Equal("مدينة في غرب سوريا", homs.Descriptions["ar"]);
        Assert.Equal(
            [("Hims", "hims", true), ("حمص", "حمص", false), ("مدينة حمص", "مدينه حمص", false)],
            homs.Aliases.Where(a => a.Origin == AliasOrigin.Gazetteer).Select(a => (a.Text, a.NormalizedText, a.IsShort)).Order());
        Assert.Equal(3, homs.Aliases.Count);

        // Found as a place by a spelling's normalized form, as the search box finds it.
        Assert.Equal("homs", (await db.Entities.SearchAsync("مدينه حمص", EntityType.Place)).Single().Key);
    }

    [Fact]
    public async Task An_invalid_gazetteer_file_is_refused_and_the_stored_entities_stay()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var file = Path.Combine(db.Folder, "bad.json");
        await File.WriteAllTextAsync(file, """{"entities":[{"id":"x","name":"X","type":"place","aliases":[" "]}]}""");

        Assert.False(await db.Gazetteer.ImportFileAsync(file));
        Assert.NotNull(await db.Entities.FindAsync("aleppo"));
        Assert.Null(await db.Entities.FindAsync("x"));
    }

    [Fact]
    public async Task Each_mention_is_shown_in_its_sentence()
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var mentions = await db.Entities.MentionsInContextAsync("ankara");

        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, m => Assert.Contains("قرة", m.Sentence.Substring(m.OffsetInSentence, m.Length), StringComparison.Ordinal));
        Assert.StartsWith("في غضون ذلك", mentions[0].Sentence, StringComparison.Ordinal);
    }
}
