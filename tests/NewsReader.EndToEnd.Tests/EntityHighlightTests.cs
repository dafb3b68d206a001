using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

[Collection(NewsReaderAppGroup.Name)]
public partial class EntityHighlightTests(NewsReaderApp app)
{
    [Fact]
    public async Task Hovering_a_mention_shows_its_card_and_Escape_closes_it()
    {
        var page = await app.OpenSeedReaderAsync();
        var aleppo = page.Locator("mark.mention[data-entity=aleppo]").First;

        await aleppo.HoverAsync();

        var card = page.GetByTestId("mention-card");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Aleppo");
        await Assertions.Expect(card).ToContainTextAsync("8 mentions in this article");
        await Assertions.Expect(card.Locator(".spellings")).ToContainTextAsync("حلب");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(card).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Focusing_a_mention_with_the_keyboard_shows_its_card()
    {
        var page = await app.OpenSeedReaderAsync();

        await page.Locator("mark.mention[data-entity=ankara]").First.FocusAsync();

        await Assertions.Expect(page.GetByTestId("mention-card")).ToContainTextAsync("Ankara");
    }

    [Fact]
    public async Task The_legend_switches_a_type_of_mark_off_and_on()
    {
        var page = await app.OpenSeedReaderAsync();
        var person = page.Locator("mark.mention-person").First;
        var tinted = await person.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        var toggle = page.GetByRole(AriaRole.Button, new() { NameRegex = PeopleLegend() });
        await toggle.ClickAsync();

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(person).ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator("mark.mention-place").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(person).ToHaveCSSAsync("background-color", tinted);
    }

    [Fact]
    public async Task The_panel_steps_through_an_entitys_mentions()
    {
        var page = await app.OpenSeedReaderAsync();
        var ayrault = page.GetByRole(AriaRole.Navigation, new() { Name = "Entities in this article" })
            .GetByRole(AriaRole.Button, new() { NameRegex = AyraultEntry() });

        await ayrault.ClickAsync();
        await Assertions.Expect(page.Locator("mark.mention:focus")).ToHaveTextAsync("جان مارك ايرولت");
        await ayrault.ClickAsync();
        await Assertions.Expect(page.Locator("mark.mention:focus")).ToHaveTextAsync("ايرولت");
        Assert.Equal(195, int.Parse((await page.Locator("mark.mention:focus").GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Marks_keep_Arabic_letters_joined_and_have_no_box_of_their_own()
    {
        var page = await app.OpenSeedReaderAsync();
        // لروسيا: the preposition ل is written joined to روسيا, which is marked.
        var russia = page.Locator("#mention-1176");

        var box = await russia.EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e); return [s.paddingLeft, s.paddingRight, s.borderLeftWidth, s.fontFamily, s.fontSize, s.letterSpacing, getComputedStyle(e.parentElement).fontSize]; }");

        Assert.Equal(["0px", "0px", "0px"], box[..3]);
        Assert.StartsWith("\"Noto Naskh Arabic\"", box[3], StringComparison.Ordinal);
        Assert.Equal((box[6], "normal"), (box[4], box[5]));
        Assert.Equal("لروسيا", await page.EvaluateAsync<string>("() => { const m = document.getElementById('mention-1176'); return m.previousSibling.textContent.slice(-1) + m.textContent; }"));
        await page.Locator("p", new() { Has = russia }).ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "mention-after-clitic.png") });
    }

    [Fact]
    public async Task The_entity_page_lists_every_mention_and_links_to_its_place()
    {
        var page = await app.OpenAsync("/entities/ankara");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ankara");
        var mentions = page.Locator("ol.mentions li");
        await Assertions.Expect(mentions).ToHaveCountAsync(2);
        await Assertions.Expect(mentions.Nth(1).Locator("mark")).ToHaveTextAsync("أنقرة");

        await mentions.Nth(1).Locator("a").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(MentionUrl(), new() { Timeout = 15_000 });
        var target = page.Locator("mark.mention:focus");
        await Assertions.Expect(target).ToHaveTextAsync("أنقرة");
        // The scroll is smooth: wait for it to bring the mention into view.
        await Assertions.Expect(target).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Dismissing_a_wrong_mention_removes_its_mark_for_good()
    {
        var page = await app.OpenSeedReaderAsync();
        var count = await page.Locator("mark.mention[data-entity=french-council-of-ministers]").CountAsync();
        Assert.Equal(1, count);

        await page.Locator("mark.mention[data-entity=french-council-of-ministers]").HoverAsync();
        await page.GetByTestId("mention-card").GetByRole(AriaRole.Button, new() { Name = "Not this entity" }).ClickAsync();

        await Assertions.Expect(page.Locator("mark.mention[data-entity=french-council-of-ministers]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("mark.mention[data-entity=french-council-of-ministers]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("mark.mention[data-entity=aleppo]")).ToHaveCountAsync(8);
    }

    [Fact]
    public async Task A_passage_dragged_over_with_the_mouse_can_be_tagged_as_a_new_entity()
    {
        var page = await app.OpenSeedReaderAsync();
        Assert.Equal(0, await page.Locator("mark.mention[data-entity=the-turkish-capital]").CountAsync());

        await MouseSelection.DragAcrossAsync(page, "العاصمة التركية");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tag as entity" }).ClickAsync();
        var form = page.GetByTestId("tag-form");
        await Assertions.Expect(form.Locator("q")).ToHaveTextAsync("العاصمة التركية");
        await form.GetByLabel("English name").FillAsync("The Turkish capital");
        await form.GetByLabel("place").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        var mark = page.Locator("mark.mention[data-entity=the-turkish-capital]");
        await Assertions.Expect(mark).ToHaveTextAsync("العاصمة التركية");
        await Assertions.Expect(mark).ToHaveClassAsync(PlaceMark());
        using var mentions = System.Text.Json.JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/api/entities?q=the%20turkish", UriKind.Relative)));
        Assert.Equal("the-turkish-capital", mentions.RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_entity_page_has_no_serious_accessibility_violations()
    {
        var page = await app.OpenAsync("/entities/aleppo");

        await Accessibility.AssertNoSeriousViolationsAsync(page, "/entities/aleppo");
    }

    [GeneratedRegex("mention-place")]
    private static partial Regex PlaceMark();

    [GeneratedRegex("^People")]
    private static partial Regex PeopleLegend();

    [GeneratedRegex("^Jean-Marc Ayrault")]
    private static partial Regex AyraultEntry();

    [GeneratedRegex("/articles/\\d+#mention-\\d+$")]
    private static partial Regex MentionUrl();
}
