using NewsReader.Core.Articles;
using NewsReader.Data.Accounts;
using NewsReader.Data.Articles;
using NewsReader.Data.Reading;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public class ReadingStateTests
{
    private static ArticleDraft Draft(string key, int day) =>
        new(key, "عنوان " + key, $"نص الخبر {key}.", "ar", "الوكالات", null, new DateTimeOffset(2016, 12, day, 0, 0, 0, TimeSpan.Zero));

    private static async Task<string> ReaderAsync(TestDatabase db, string name)
    {
        await using var context = await db.OpenAsync();
        var account = new ReaderAccount { UserName = name, Email = name };
        context.Users.Add(account);
        await context.SaveChangesAsync();
        return account.Id;
    }

    [Fact]
    public async Task Read_and_saved_articles_are_each_readers_own_and_filter_the_list()
    {
        await using var db = await TestDatabase.CreateAsync();
        var ids = new List<int>();
        for (var day = 1; day <= 5; day++)
        {
            ids.Add((await db.Importer.ImportAsync(Draft($"d{day}", day))).ArticleId);
        }

        var reading = db.Service<ReadingStore>();
        var (ann, bob) = (await ReaderAsync(db, "ann@example.org"), await ReaderAsync(db, "bob@example.org"));

        Assert.Equal(2, await reading.MarkReadAsync(ann, [ids[0], ids[1], 999_999]));
        Assert.True(await reading.SetSavedAsync(ann, ids[4], saved: true));
        Assert.False(await reading.SetSavedAsync(ann, 999_999, saved: true));

        var annUnread = await db.Articles.PageAsync(new ArticleQuery(Unread: true, ReaderId: ann));
        var annSaved = await db.Articles.PageAsync(new ArticleQuery(Saved: true, ReaderId: ann));
        var bobUnread = await db.Articles.PageAsync(new ArticleQuery(Unread: true, ReaderId: bob));
        var annAll = await db.Articles.PageAsync(new ArticleQuery(ReaderId: ann));

        Assert.Equal(["عنوان d5", "عنوان d4", "عنوان d3"], annUnread.Items.Select(a => a.Title));
        Assert.Equal(["عنوان d5"], annSaved.Items.Select(a => a.Title));
        Assert.Equal(5, bobUnread.Items.Count);
        Assert.Equal([false, false, false, true, true], annAll.Items.Select(a => a.IsRead));
        Assert.Equal([true, false, false, false, false], annAll.Items.Select(a => a.IsSaved));

        Assert.True(await reading.MarkUnreadAsync(ann, ids[0]));
        Assert.True(await reading.SetSavedAsync(ann, ids[4], saved: false));
        Assert.Equal(4, (await db.Articles.PageAsync(new ArticleQuery(Unread: true, ReaderId: ann))).Items.Count);
        Assert.Empty((await db.Articles.PageAsync(new ArticleQuery(Saved: true, ReaderId: ann))).Items);
    }

    [Fact]
    public async Task Marking_twice_keeps_the_first_reading_and_a_deleted_article_takes_its_state_with_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = (await db.Importer.ImportAsync(Draft("once", 1))).ArticleId;
        var reading = db.Service<ReadingStore>();
        var ann = await ReaderAsync(db, "ann@example.org");

        Assert.Equal(1, await reading.MarkReadAsync(ann, [id]));
        Assert.Equal(1, await reading.MarkReadAsync(ann, [id, id]));
        Assert.True(await reading.SetSavedAsync(ann, id, saved: true));
        Assert.True(await db.Articles.DeleteAsync(id));

        Assert.Equal((false, false), await reading.StateAsync(ann, id));
    }
}
