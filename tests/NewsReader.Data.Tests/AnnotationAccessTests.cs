using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>The store's rules of who sees and changes what: anonymous (null), the owner, another reader and an
/// Editor (who has no say over readers' annotations), against private and shared annotations.</summary>
public sealed class AnnotationAccessTests : IAsyncLifetime
{
    private const string Owner = "owner";
    private TestDatabase db = null!;
    private Article seed = null!;

    private AnnotationStore Store => db.Service<AnnotationStore>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateSeededAsync();
        seed = (await db.Articles.FindAsync((await db.ListArticlesAsync()).Single().Id))!;
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private static string? Reader(string actor) => actor == "anonymous" ? null : actor;

    private async Task<Annotation> CreateAsync(bool shared)
    {
        var created = await Store.CreateAsync(seed.Id, Owner, new AnnotationDraft(new(0, 5), Comment: "note of the owner"));
        return shared ? (await Store.SetSharedAsync(created.Id, Owner, shared: true))! : created;
    }

    [Theory]
    [InlineData("anonymous", false, false)]
    [InlineData("owner", false, true)]
    [InlineData("other", false, false)]
    [InlineData("editor", false, false)]
    [InlineData("anonymous", true, true)]
    [InlineData("owner", true, true)]
    [InlineData("other", true, true)]
    [InlineData("editor", true, true)]
    public async Task Reading(string actor, bool shared, bool sees)
    {
        var annotation = await CreateAsync(shared);

        var visible = await Store.ListVisibleAsync(seed.Id, Reader(actor));

        Assert.Equal(sees, visible.Any(v => v.Annotation.Id == annotation.Id));
        Assert.Equal(sees, await Store.FindVisibleAsync(annotation.Id, Reader(actor)) is not null);
        if (sees)
        {
            Assert.Equal(actor == Owner, visible.Single().IsOwn);
        }
    }

    [Theory]
    [InlineData("owner", false, true)]
    [InlineData("other", false, false)]
    [InlineData("editor", false, false)]
    [InlineData("owner", true, true)]
    [InlineData("other", true, false)]
    [InlineData("editor", true, false)]
    public async Task Updating_deleting_and_sharing_are_for_the_owner_alone(string actor, bool shared, bool allowed)
    {
        var annotation = await CreateAsync(shared);
        var change = new AnnotationDraft(annotation.Position, Comment: "changed by " + actor);

        if (allowed)
        {
            await Store.UpdateAsync(annotation.Id, actor, annotation.Version, change);
        }
        else
        {
            await Assert.ThrowsAsync<AnnotationNotFoundException>(() => Store.UpdateAsync(annotation.Id, actor, annotation.Version, change));
        }

        Assert.Equal(allowed, await Store.SetSharedAsync(annotation.Id, actor, !shared) is not null);
        Assert.Equal(allowed, await Store.DeleteAsync(annotation.Id, actor) is not null);
        var stored = await Store.FindAsync(annotation.Id, Owner);
        Assert.Equal(allowed, stored is null);
        Assert.True(allowed || (stored!.Comment, stored.Shared) == ("note of the owner", shared));
    }

    [Fact]
    public async Task Shared_annotations_carry_their_authors_name_and_annotations_from_before_accounts_can_be_adopted()
    {
        await Store.CreateAsync(seed.Id, "local", new AnnotationDraft(new(0, 5)));

        Assert.Equal(1, await Store.AdoptAsync("local", Owner));

        Assert.Single(await Store.ListAsync(seed.Id, Owner));
        Assert.Empty(await Store.ListAsync(seed.Id, "local"));
        var shared = await Store.SetSharedAsync((await Store.ListAsync(seed.Id, Owner))[0].Id, Owner, shared: true);
        var seen = Assert.Single(await Store.ListVisibleAsync(seed.Id, "other"));
        Assert.Equal((shared!.Id, "a reader", false), (seen.Annotation.Id, seen.AuthorName, seen.IsOwn));
    }
}
