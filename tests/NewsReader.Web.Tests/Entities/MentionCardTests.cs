using NewsReader.Core.Entities;
using NewsReader.Data.Entities;
using NewsReader.Web.Components.Entities;

namespace NewsReader.Web.Tests.Entities;

public class MentionCardTests : InterfaceContext
{
    private static readonly EntityDetails Ankara = new(
        "ankara", "Ankara", EntityType.Place, new Dictionary<string, string> { ["ar"] = "أنقرة" }, "Capital of Turkey",
        new Dictionary<string, string> { ["ar"] = "عاصمة تركيا" }, ["أنقرة", "انقرة"], 39.93, 32.86, "Q3640", 5, 3);

    public MentionCardTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public void The_card_shows_name_type_spellings_counts_and_a_link_to_the_entity()
    {
        var card = Render<MentionCard>(p => p.Add(x => x.Entity, Ankara).Add(x => x.InArticle, 2));

        Assert.Equal("Ankara", card.Find(".name").TextContent);
        Assert.Equal("place", card.Find(".type").TextContent);
        Assert.Equal("Capital of Turkey", card.Find(".description").TextContent);
        Assert.Equal("أنقرة، انقرة", card.Find(".spellings").TextContent);
        Assert.Equal("auto", card.Find(".spellings").GetAttribute("dir"));
        Assert.Equal("2 mentions in this article · 5 in 3 articles", card.Find(".counts").TextContent);
        Assert.Equal("entities/ankara", card.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void In_the_Arabic_interface_the_card_names_the_entity_in_Arabic_with_Arabic_plurals()
    {
        using var arabic = new InterfaceLanguage("ar");

        var card = Render<MentionCard>(p => p.Add(x => x.Entity, Ankara).Add(x => x.InArticle, 2));

        Assert.Equal("أنقرة", card.Find(".name").TextContent);
        Assert.Equal("مكان", card.Find(".type").TextContent);
        Assert.Equal("عاصمة تركيا", card.Find(".description").TextContent);
        Assert.Equal("ar", card.Find(".description bdi").GetAttribute("lang"));
        Assert.Equal("إشارتان في هذا المقال · 5 في 3 مقالات", card.Find(".counts").TextContent);
        Assert.Equal("كل الإشارات", card.Find("a").TextContent);
    }

    [Fact]
    public void The_card_asks_to_dismiss_its_mention()
    {
        var dismissed = false;
        var card = Render<MentionCard>(p => p.Add(x => x.Entity, Ankara).Add(x => x.OnDismiss, () => dismissed = true));

        card.Find("button.dismiss").Click();

        Assert.True(dismissed);
    }

    [Fact]
    public void Without_an_entity_there_is_no_card() =>
        Assert.Empty(Render<MentionCard>().Markup.Trim());
}
