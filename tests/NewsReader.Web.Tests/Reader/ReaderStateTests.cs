using Microsoft.Extensions.Configuration;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Testing;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Reader;

namespace NewsReader.Web.Tests.Reader;

/// <summary>What the reader does with an article, over the seeded store: selecting, highlighting, deleting and undoing,
/// the shortcuts, the entity card, tagging.</summary>
public sealed class ReaderStateTests : IAsyncLifetime, IDisposable
{
    private const int WritesPerMinute = 5;

    private readonly CircuitWrites writes = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["NewsReader:WritesPerMinute"] = $"{WritesPerMinute}" }).Build());

    private TestDatabase database = null!;
    private ReaderState state = null!;
    private Article seed = null!;
    private int changes;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();
        state = new ReaderState(database.Service<AnnotationStore>(), database.Entities, writes);
        seed = (await database.Articles.FindAsync((await database.ListArticlesAsync()).Single().Id))!;
        await state.OpenAsync(seed, null, null, null);
        state.SignedInAs("reader-1", isEditor: false);
        state.Changed += () => changes++;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    public void Dispose() => writes.Dispose();

    private (int Start, int End) Find(string text)
    {
        var start = seed.Body.IndexOf(text, StringComparison.Ordinal);
        return (start, start + text.Length);
    }

    [Fact]
    public void Stepping_through_an_entity_goes_to_each_mention_and_round_again()
    {
        var starts = state.Mentions.Where(m => m.Entity.Key == "ankara").Select(m => (int?)m.Start).ToList();

        var visited = Enumerable.Range(0, 3).Select(_ => state.NextMention("ankara")).ToList();

        Assert.Equal([starts[0], starts[1], starts[0]], visited);
        Assert.Null(state.NextMention("no-such-entity"));
    }

    [Fact]
    public void The_articles_places_with_coordinates_are_on_its_map_weighed_by_mentions()
    {
        var aleppo = Assert.Single(state.Places, p => p.Key == "aleppo");

        Assert.Equal((8, 36.2021), (aleppo.Weight, aleppo.Latitude));
        Assert.Contains(state.Places, p => p.Key == "paris");
        Assert.DoesNotContain(state.Places, p => p.Key == "jean-marc-ayrault");
    }

    [Fact]
    public async Task Opening_reads_the_articles_mentions_and_nothing_is_selected()
    {
        Assert.True(state.Mentions.Count >= 60);
        Assert.Equal(8, state.Mentions.Count(m => m.Entity.Key == "aleppo"));
        Assert.Null(state.Selection);
        Assert.Empty(state.Annotations);
        Assert.Equal(("ar", "rtl"), (state.Script!.Language, state.Script.Direction));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Writes_beyond_the_readers_allowance_a_minute_are_refused_and_said_so_and_another_reader_still_writes()
    {
        var refusals = new List<int>();
        state.TooManyWrites += refusals.Add;
        var (start, end) = Find("حلب");
        for (var i = 0; i < WritesPerMinute + 2; i++)
        {
            state.Select(start, end, 10, 20);
            await state.HighlightAsync(HighlightColor.Yellow);
        }

        Assert.Equal(WritesPerMinute, state.Annotations.Count);
        Assert.Equal([WritesPerMinute, WritesPerMinute], refusals);
        Assert.Null(await state.DeleteAsync(state.Annotations[0].Annotation));
        Assert.Equal(WritesPerMinute, state.Annotations.Count);

        state.SignedInAs("reader-2", isEditor: false);
        state.Select(start, end, 10, 20);
        await state.HighlightAsync(HighlightColor.Blue);
        Assert.Contains(state.Annotations, a => a.Annotation.Color == HighlightColor.Blue);
    }

    [Fact]
    public async Task A_highlight_of_the_selection_is_saved_and_the_selection_is_let_go()
    {
        var taken = 0;
        state.SelectionTaken += () => { taken++; return Task.CompletedTask; };
        var (start, end) = Find("حلب");

        state.Select(start, end, 10, 20);
        await state.HighlightAsync(HighlightColor.Green);

        var saved = Assert.Single(state.Annotations).Annotation;
        Assert.Equal(("حلب", HighlightColor.Green), (saved.Exact, saved.Color));
        Assert.Null(state.Selection);
        Assert.Equal(1, taken);
        Assert.True(changes >= 2);
    }

    [Fact]
    public async Task A_deleted_highlight_comes_back_with_undo()
    {
        var (start, end) = Find("حلب");
        state.Select(start, end, 0, 0);
        await state.HighlightAsync(HighlightColor.Yellow);
        var highlight = state.Annotations.Single().Annotation;

        var deleted = await state.DeleteAsync(highlight);
        Assert.Empty(state.Annotations);

        await state.UndoDeleteAsync(deleted!);
        Assert.Equal(highlight.Id, Assert.Single(state.Annotations).Annotation.Id);
    }

    [Fact]
    public async Task A_selection_inside_a_letter_is_widened_to_whole_letters()
    {
        var (start, _) = Find("الرافضة");

        state.Select(start + 1, start + 2, 0, 0);

        Assert.True(state.Selection!.Start <= start + 1 && state.Selection.End >= start + 2);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 5)]
    [InlineData(10, 3)]
    [InlineData(0, int.MaxValue)]
    public void A_selection_outside_the_body_is_ignored(int start, int end)
    {
        state.Select(start, end, 0, 0);

        Assert.Null(state.Selection);
    }

    [Fact]
    public async Task The_shortcuts_do_nothing_while_a_comment_is_being_written()
    {
        var (start, end) = Find("حلب");
        state.Select(start, end, 0, 0);
        await state.ShortcutAsync("c");
        Assert.NotNull(state.Editor);

        state.Select(start, end, 0, 0);
        await state.ShortcutAsync("h");

        Assert.Empty(state.Annotations);
        await state.ShortcutAsync("Escape");
        Assert.Null(state.Selection);
    }

    [Fact]
    public async Task A_reader_who_is_not_signed_in_cannot_highlight_and_only_an_Editor_tags()
    {
        state.SignedInAs(null, isEditor: false);
        var (start, end) = Find("حلب");
        state.Select(start, end, 0, 0);

        await state.HighlightAsync(HighlightColor.Yellow);
        Assert.Empty(state.Annotations);
        Assert.Null(state.BeginTagging());

        state.SignedInAs("editor-1", isEditor: true);
        Assert.Equal("حلب", state.BeginTagging());
        Assert.True(state.Tagging);
        state.SelectionCleared();
        Assert.NotNull(state.Selection);
        await state.EndTaggingAsync();
        Assert.Equal((false, null), (state.Tagging, state.Selection));
    }

    [Fact]
    public async Task A_click_in_the_text_opens_the_smallest_highlight_there()
    {
        var (start, end) = Find("شرق حلب");
        state.Select(start, end, 0, 0);
        await state.HighlightAsync(HighlightColor.Yellow);
        state.Select(end - 3, end, 0, 0);
        await state.HighlightAsync(HighlightColor.Blue);
        var inner = state.Annotations.Single(a => a.Annotation.Color == HighlightColor.Blue).Annotation;

        state.OpenAt(end - 2);

        Assert.Equal(inner.Id, state.Current);
        Assert.True(state.RevealCurrent);
    }

    [Fact]
    public async Task The_card_shows_the_hovered_mentions_entity_and_stays_while_hovered()
    {
        var aleppo = state.Mentions.First(m => m.Entity.Key == "aleppo");

        await state.ShowCardAsync(aleppo.Start, 100, 200);
        Assert.Equal(("aleppo", 8), (state.Card!.Entity.Key, state.MentionsOfCard));

        state.HoverCard(true);
        state.HideCard(force: false);
        Assert.NotNull(state.Card);
        state.HideCard(force: true);
        Assert.Null(state.Card);
    }
}
