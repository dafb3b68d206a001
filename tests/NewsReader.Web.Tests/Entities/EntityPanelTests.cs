using NewsReader.Core.Entities;
using NewsReader.Data.Entities;
using NewsReader.Web.Components.Entities;

namespace NewsReader.Web.Tests.Entities;

public class EntityPanelTests : InterfaceContext
{
    private static readonly EntitySummary Aleppo = new("aleppo", "Aleppo", EntityType.Place, new Dictionary<string, string>());
    private static readonly EntitySummary Ayrault = new("jean-marc-ayrault", "Jean-Marc Ayrault", EntityType.Person, new Dictionary<string, string>());
    private static readonly EntitySummary Observatory = new("sohr", "Syrian Observatory for Human Rights", EntityType.Organization, new Dictionary<string, string>());

    private static readonly ArticleMention[] Mentions =
    [
        new(10, 3, "حلب", Aleppo), new(20, 6, "ايرولت", Ayrault), new(30, 3, "حلب", Aleppo),
        new(40, 6, "المرصد", Observatory), new(50, 3, "حلب", Aleppo),
    ];

    public EntityPanelTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public void Entities_are_grouped_by_type_with_their_mention_counts()
    {
        var panel = Render<EntityPanel>(p => p.Add(x => x.Mentions, Mentions));

        Assert.Equal(["People", "Places", "Organizations"], panel.FindAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(
            ["Jean-Marc Ayrault 1", "Aleppo 3", "Syrian Observatory for Human Rights 1"],
            panel.FindAll("button.entity-step").Select(b => $"{b.QuerySelector(".name")!.TextContent} {b.QuerySelector(".count")!.TextContent}"));
    }

    [Fact]
    public void A_click_asks_for_the_entitys_next_mention()
    {
        var asked = new List<string>();
        var panel = Render<EntityPanel>(p => p
            .Add(x => x.Mentions, Mentions)
            .Add(x => x.OnStep, key => asked.Add(key)));

        panel.FindAll("button.entity-step").Single(b => b.TextContent.Contains("Aleppo", StringComparison.Ordinal)).Click();

        Assert.Equal(["aleppo"], asked);
    }

    [Fact]
    public void An_article_without_entities_says_so() =>
        Assert.Contains("No people, places or organizations", Render<EntityPanel>(p => p.Add(x => x.Mentions, [])).Markup, StringComparison.Ordinal);
}
