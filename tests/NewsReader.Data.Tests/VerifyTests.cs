using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Data.Maintenance;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>The store's check and repair: sound after a normal start; a mention off its text, an annotation off its
/// quote and an article missing from the index are each found, named and mended.</summary>
public sealed class VerifyTests
{
    private static Task<VerifyReport> VerifyAsync(TestDatabase db, bool repair = false) =>
        db.Service<StoreVerifier>().VerifyAsync(repair, _ => { });

    [Fact]
    public async Task A_seeded_store_is_sound()
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var report = await VerifyAsync(db);

        Assert.Empty(report.Problems);
        Assert.Equal(1, report.Articles);
        Assert.True(report.Mentions > 20);
    }

    [Fact]
    public async Task Damage_is_found_named_and_repaired()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var seed = (await db.ListArticlesAsync()).Single().Id;
        await db.Service<AnnotationStore>().CreateAsync(seed, "reader-1", new AnnotationDraft(new(0, 6)));
        await using (var context = await db.OpenAsync())
        {
            await context.Mentions.Where(m => m.ArticleId == seed).OrderBy(m => m.Start).Take(1).ExecuteUpdateAsync(set => set.SetProperty(m => m.Start, m => m.Start + 1));
            await context.Annotations.ExecuteUpdateAsync(set => set.SetProperty(a => a.Start, a => a.Start + 3).SetProperty(a => a.End, a => a.End + 3));
            await context.Provider.Search.RemoveAsync(context, seed, CancellationToken.None);
        }

        var damaged = await VerifyAsync(db);

        Assert.Equal(1, damaged.Unindexed);
        Assert.Equal(3, damaged.Problems.Count);
        Assert.Contains(damaged.Problems, p => p.StartsWith($"Article {seed}: the mention", StringComparison.Ordinal));
        Assert.Contains(damaged.Problems, p => p.StartsWith($"Article {seed}: annotation", StringComparison.Ordinal));

        await VerifyAsync(db, repair: true);
        Assert.Empty((await VerifyAsync(db)).Problems);
    }
}
