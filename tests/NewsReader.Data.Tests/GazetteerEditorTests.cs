using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;
using NewsReader.Data.Entities;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>An Editor's corrections of the gazetteer take effect at once and outlast the next import of the file.</summary>
public class GazetteerEditorTests
{
    private const string Observatory = "syrian-observatory-for-human-rights";

    [Fact]
    public async Task Corrections_take_effect_and_outlast_the_next_import_of_the_gazetteer_file()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var editor = db.Service<GazetteerEditor>();
        Assert.NotEqual(0, await MentionsAsync(db, Observatory, "المرصد"));
        Assert.Equal(5, await MentionsAsync(db, "jean-marc-ayrault"));
        Assert.Equal("مدينة في شمال سوريا", (await db.Entities.FindAsync("aleppo"))!.Descriptions["ar"]);

        Assert.Null(await editor.UpdateAsync("aleppo", "Halab", EntityType.Place, "The largest city of northern Syria", " كبرى مدن شمال سوريا "));
        Assert.Null(await editor.RemoveSpellingAsync(Observatory, "المرصد"));
        Assert.Null(await editor.DeleteAsync("jean-marc-ayrault"));
        await db.RunJobsAsync();

        await AssertCorrectionsHoldAsync(db);
        await db.Gazetteer.ImportFileAsync(RepositoryFiles.GazetteerFile);
        await db.RunJobsAsync();
        await AssertCorrectionsHoldAsync(db);
    }

    [Fact]
    public async Task A_removed_spelling_that_is_tagged_again_comes_back_for_good()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var editor = db.Service<GazetteerEditor>();
        var before = await MentionsAsync(db, Observatory, "المرصد");
        Assert.Null(await editor.RemoveSpellingAsync(Observatory, "المرصد"));
        await db.RunJobsAsync();
        Assert.Equal(0, await MentionsAsync(db, Observatory, "المرصد"));

        Assert.Null(await db.Service<ReaderTagging>().AddSpellingAsync(Observatory, "المرصد"));
        await db.Gazetteer.ImportFileAsync(RepositoryFiles.GazetteerFile);
        await db.RunJobsAsync();

        Assert.Equal(1, (await db.Entities.FindAsync(Observatory))!.Spellings.Count(s => s == "المرصد"));
        Assert.Equal(before, await MentionsAsync(db, Observatory, "المرصد"));
    }

    [Fact]
    public async Task Bad_corrections_are_refused_with_the_reason_and_change_nothing()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var editor = db.Service<GazetteerEditor>();

        Assert.Equal("Give the entity a name.", await editor.UpdateAsync("aleppo", "  ", EntityType.Place, null));
        Assert.Equal("A name may have at most 200 characters.", await editor.UpdateAsync("aleppo", new string('x', 201), EntityType.Place, null));
        Assert.Equal("A description may have at most 500 characters.", await editor.UpdateAsync("aleppo", "Aleppo", EntityType.Place, new string('x', 501)));
        Assert.Equal("The name holds a control character (U+0007 at 4).", await editor.UpdateAsync("aleppo", "Alep\u0007po", EntityType.Place, null));
        Assert.Equal("There is no entity 'nowhere'.", await editor.UpdateAsync("nowhere", "Nowhere", EntityType.Place, null));
        Assert.Equal("'جورجيا' is the only spelling of Georgia. Add another first, or delete the entity.", await editor.RemoveSpellingAsync("georgia", "جورجيا"));
        Assert.Equal("Aleppo has no spelling 'حلبا'.", await editor.RemoveSpellingAsync("aleppo", "حلبا"));
        Assert.Equal("There is no entity 'nowhere'.", await editor.DeleteAsync("nowhere"));

        var aleppo = (await db.Entities.FindAsync("aleppo"))!;
        Assert.Equal(("Aleppo", EntityType.Place, 8), (aleppo.Name, aleppo.Type, aleppo.MentionCount));
        Assert.Equal(["Alep", "Aleppo", "حلب"], aleppo.Spellings.Order(StringComparer.Ordinal));
    }

    private static async Task AssertCorrectionsHoldAsync(TestDatabase db)
    {
        var aleppo = (await db.Entities.FindAsync("aleppo"))!;
        Assert.Equal(("Halab", "The largest city of northern Syria", 8), (aleppo.Name, aleppo.Description, aleppo.MentionCount));
        Assert.Equal("كبرى مدن شمال سوريا", aleppo.Descriptions["ar"]);
        Assert.DoesNotContain("المرصد", (await db.Entities.FindAsync(Observatory))!.Spellings);
        Assert.Equal(0, await MentionsAsync(db, Observatory, "المرصد"));
        Assert.Null(await db.Entities.FindAsync("jean-marc-ayrault"));
        Assert.Equal(0, await MentionsAsync(db, "jean-marc-ayrault"));
    }

    /// <summary>The seed article's mentions of the entity, or only those that read exactly <paramref name="text"/>.</summary>
    private static async Task<int> MentionsAsync(TestDatabase db, string key, string? text = null)
    {
        await using var context = await db.OpenAsync();
        return await context.Mentions.CountAsync(m => m.Entity!.Key == key && (text == null || m.Text == text));
    }
}
