using NewsReader.Core.Entities;
using NewsReader.Core.Text;
using NewsReader.Data.Entities;
using NewsReader.Testing;
using NewsReader.Web.Components.Reader;

namespace NewsReader.Web.Tests.Reader;

public class ArticleBodyTests : InterfaceContext
{
    private static readonly string SeedBody =
        File.ReadAllText(Path.Combine(RepositoryFiles.SeedsFolder, RepositoryFiles.SeedKey + ".txt"));

    private IRenderedComponent<ArticleBody> RenderSeed(int textSize = 3) =>
        Render<ArticleBody>(parameters => parameters
            .Add(p => p.Text, SeedBody)
            .Add(p => p.Language, "ar")
            .Add(p => p.Direction, TextDirection.Rtl)
            .Add(p => p.TextSize, textSize));

    [Fact]
    public void The_body_is_right_to_left_Arabic()
    {
        var body = RenderSeed().Find("[data-testid=article-body]");

        Assert.Equal(("ar", "rtl"), (body.GetAttribute("lang"), body.GetAttribute("dir")));
    }

    [Fact]
    public void The_seed_is_shown_in_several_paragraphs_that_together_hold_every_word()
    {
        var paragraphs = RenderSeed().FindAll("p");

        Assert.InRange(paragraphs.Count, 6, 20);
        Assert.Equal(
            SeedBody.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            paragraphs.SelectMany(p => p.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Each_paragraph_carries_its_offsets_into_the_stored_body()
    {
        var paragraphs = RenderSeed().FindAll("p");

        Assert.All(paragraphs, p =>
        {
            var start = int.Parse(p.GetAttribute("data-start")!, System.Globalization.CultureInfo.InvariantCulture);
            var end = int.Parse(p.GetAttribute("data-end")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(SeedBody[start..end], p.TextContent);
        });
        Assert.EndsWith("سيطرة النظام السوري.", paragraphs[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_end_at_sentence_ends()
    {
        var paragraphs = RenderSeed().FindAll("p");

        Assert.All(paragraphs, p => Assert.Matches(@"[.؟!»)]$", p.TextContent));
    }

    [Fact]
    public void Mentions_are_marked_by_type_without_changing_the_text()
    {
        var paris = new ArticleMention(0, 5, "باريس", new EntitySummary("paris", "Paris", EntityType.Place, new Dictionary<string, string>()));
        var ayrault = new ArticleMention(45, 15, "جان مارك ايرولت", new EntitySummary("jean-marc-ayrault", "Jean-Marc Ayrault", EntityType.Person, new Dictionary<string, string>()));

        var component = Render<ArticleBody>(parameters => parameters
            .Add(p => p.Text, SeedBody)
            .Add(p => p.Language, "ar")
            .Add(p => p.Mentions, [paris, ayrault])
            .Add(p => p.HiddenTypes, new HashSet<EntityType> { EntityType.Person }));

        var marks = component.FindAll("mark.mention");
        Assert.Equal(["باريس", "جان مارك ايرولت"], marks.Select(m => m.TextContent));
        Assert.Equal(["mention mention-place", "mention mention-person"], marks.Select(m => m.ClassName));
        Assert.Equal(("mention-45", "jean-marc-ayrault", "0"), (marks[1].Id, marks[1].GetAttribute("data-entity"), marks[1].GetAttribute("tabindex")));
        Assert.Equal(SeedBody[..377], component.Find("p").TextContent);
        Assert.Contains("hide-person", component.Find("[data-testid=article-body]").ClassList);
    }

    [Fact]
    public void The_text_size_preference_sets_the_size_class()
    {
        var component = RenderSeed(textSize: 5);

        Assert.Contains("text-size-5", component.Find("[data-testid=article-body]").ClassList);
    }
}
