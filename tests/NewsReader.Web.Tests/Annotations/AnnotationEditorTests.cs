using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Testing;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Annotations;

namespace NewsReader.Web.Tests.Annotations;

public sealed class AnnotationEditorTests : InterfaceContext, IAsyncLifetime
{
    private const string Reader = "local";
    private const string Quote = "لسنا شركاء بشار الاسد";
    private TestDatabase database = null!;
    private Article seed = null!;
    private TextPositionSelector passage;

    private AnnotationStore Store => database.Service<AnnotationStore>();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();
        seed = (await database.Articles.FindAsync((await database.ListArticlesAsync()).Single().Id))!;
        var start = seed.Body.IndexOf(Quote, StringComparison.Ordinal);
        passage = new TextPositionSelector(start, start + Quote.Length);
        Services.AddSingleton(Store);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    private IRenderedComponent<AnnotationEditor> RenderEditor(Annotation? editing = null, Action<Annotation>? saved = null) =>
        Render<AnnotationEditor>(p => p
            .Add(x => x.ArticleId, seed.Id)
            .Add(x => x.ReaderId, Reader)
            .Add(x => x.Quote, Quote)
            .Add(x => x.Passage, passage)
            .Add(x => x.Editing, editing)
            .Add(x => x.Candidates, [new EntitySummary("bashar-al-assad", "Bashar al-Assad", EntityType.Person, new Dictionary<string, string>())])
            .Add(x => x.OnSaved, a => saved?.Invoke(a)));

    [Fact]
    public async Task A_new_comment_is_saved_with_its_colour_tags_and_the_entity_it_is_about()
    {
        Annotation? saved = null;
        var editor = RenderEditor(saved: a => saved = a);

        editor.Find("input[aria-label=green]").Change(true);
        editor.Find("textarea").Input("**ليس** شريكا");
        var tag = editor.Find("input[placeholder^='Add a tag']");
        tag.Input("الأسد");
        tag.KeyDown("Enter");
        editor.Find("button[aria-pressed]").Click();
        Assert.Equal("true", editor.Find("button[aria-pressed]").GetAttribute("aria-pressed"));
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Store.ListAsync(seed.Id, Reader));
        Assert.Equal((HighlightColor.Green, "**ليس** شريكا", Quote), (stored.Color, stored.Comment, stored.Exact));
        Assert.Equal(["الأسد"], stored.Tags);
        Assert.Equal(["bashar-al-assad"], stored.EntityKeys);
    }

    [Fact]
    public async Task Tags_end_at_Enter_or_a_comma_are_kept_once_Backspace_takes_the_last_back_and_one_still_typed_is_saved()
    {
        Annotation? saved = null;
        var editor = RenderEditor(saved: a => saved = a);
        AngleSharp.Dom.IElement Box() => editor.Find("input[placeholder^='Add a tag']");

        foreach (var (typed, key) in new[] { ("حلب", "Enter"), ("  سوريا,", ","), ("حلب", "Enter"), ("مؤقت", "Enter") })
        {
            Box().Input(typed);
            Box().KeyDown(key);
        }

        string[] Chips() => [.. editor.FindAll("[role=group][aria-label=Tags] .mud-chip").Select(c => c.TextContent.Trim())];
        Assert.Equal(["حلب", "سوريا", "مؤقت"], Chips());
        Box().Input("");
        Box().KeyDown("Backspace");
        Assert.Equal(["حلب", "سوريا"], Chips());
        editor.Find("button[aria-label='Remove tag حلب']").Click();
        Box().Input("دمشق");
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(["سوريا", "دمشق"], (await Store.ListAsync(seed.Id, Reader)).Single().Tags);
    }

    [Fact]
    public async Task A_save_beyond_the_write_limit_is_refused_in_words_and_the_comment_stays_in_the_editor()
    {
        var limit = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["NewsReader:WritesPerMinute"] = "1" }).Build();
        using var writes = new CircuitWrites(limit);
        Services.AddSingleton(writes);
        Assert.True(writes.TryWrite(Reader));
        var editor = RenderEditor();

        editor.Find("textarea").Input("بعد الحد");
        editor.Find("form").Submit();

        editor.WaitForAssertion(() =>
            Assert.Equal("Too many changes: at most 1 a minute. Wait a minute and try again; nothing was saved.", editor.Find("[role=alert]").TextContent.Trim()));
        Assert.Equal("بعد الحد", editor.Find("textarea").GetAttribute("value") ?? editor.Find("textarea").TextContent);
        Assert.Empty(await Store.ListAsync(seed.Id, Reader));
    }

    [Fact]
    public async Task A_comment_over_the_limit_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var editor = RenderEditor();

        editor.Find("textarea").Input(new string('ب', AnnotationDraft.MaxCommentLength + 1));
        Assert.Contains("over", editor.Find(".counter").ClassList);
        editor.Find("form").Submit();

        editor.WaitForAssertion(() =>
            Assert.Equal("The comment is longer than 10,000 characters (10,001).", editor.Find("[role=alert]").TextContent.Trim()));
        Assert.Empty(await Store.ListAsync(seed.Id, Reader));
    }

    [Fact]
    public void The_preview_renders_the_Markdown_safely()
    {
        var editor = RenderEditor();

        editor.Find("textarea").Input("<script>alert(1)</script> [x](javascript:alert(1)) **b**");
        editor.FindAll("[role=tab]")[1].Click();

        var preview = editor.Find("[data-testid=comment-preview]");
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Empty(preview.QuerySelectorAll("a"));
        Assert.Equal("b", preview.QuerySelector("strong")!.TextContent);
        Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_a_newer_version_shows_both_and_keeps_the_newer_until_the_reader_chooses()
    {
        var original = await Store.CreateAsync(seed.Id, Reader, new AnnotationDraft(passage, Comment: "original"));
        var editor = RenderEditor(original);
        await Store.UpdateAsync(original.Id, Reader, original.Version, new AnnotationDraft(passage, Comment: "from elsewhere"));

        editor.Find("textarea").Input("mine");
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.Equal("from elsewhere", editor.Find("[data-testid=their-version]").TextContent.Trim()));
        Assert.Equal("mine", editor.Find("[data-testid=your-version]").TextContent.Trim());
        Assert.Equal("from elsewhere", (await Store.FindAsync(original.Id, Reader))!.Comment);

        editor.FindAll("button").Single(b => b.TextContent == "Use saved version").Click();
        Assert.Equal("from elsewhere", editor.Find("textarea").GetAttribute("value"));
        Assert.Empty(editor.FindAll("[data-testid=their-version]"));
    }
}
