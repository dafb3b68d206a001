using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>The reader's own annotations, searched by their quotes, comments, tags and the entities they are about.</summary>
public sealed class AnnotationSearchTests : IAsyncLifetime
{
    private const string Reader = "local";
    private TestDatabase db = null!;
    private Article seed = null!;

    private AnnotationStore Store => db.Service<AnnotationStore>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateSeededAsync();
        seed = (await db.Articles.FindAsync((await db.ListArticlesAsync()).Single().Id))!;
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private Task<Annotation> AnnotateAsync(string passage, string? comment = null, string[]? tags = null, string[]? entities = null, string owner = Reader)
    {
        var start = seed.Body.IndexOf(passage, StringComparison.Ordinal);
        return Store.CreateAsync(seed.Id, owner, new AnnotationDraft(new(start, start + passage.Length), Comment: comment, Tags: tags, EntityKeys: entities));
    }

    private async Task<IReadOnlyList<string>> FoundAsync(string? query, string? entity = null)
    {
        var result = await db.Service<AnnotationSearch>().SearchAsync(new SearchRequest(query, EntityKey: entity), Reader);
        Assert.Equal(result.Total, result.Items.Count);
        return result.Items.Select(h => h.Annotation.Exact).ToList();
    }

    [Fact]
    public async Task Words_are_found_in_comments_quotes_and_tags_with_the_Arabic_rules()
    {
        await AnnotateAsync("آن الاوان ليستيقظ المجتمع الدولي", comment: "دعوة إلى **هدنة**");
        await AnnotateAsync("لسنا شركاء بشار الاسد", tags: ["Assad quote"]);
        await AnnotateAsync("ترفض منطق الحرب الشاملة");

        Assert.Equal(["آن الاوان ليستيقظ المجتمع الدولي"], await FoundAsync("هدنه"));
        Assert.Equal(["آن الاوان ليستيقظ المجتمع الدولي"], await FoundAsync("الأوان"));
        Assert.Equal(["لسنا شركاء بشار الاسد"], await FoundAsync("assad"));
        Assert.Equal(["لسنا شركاء بشار الاسد"], await FoundAsync("\"بشار الأسد\""));
        Assert.Empty(await FoundAsync("\"الأسد بشار\""));
        Assert.Equal(["ترفض منطق الحرب الشاملة"], await FoundAsync("والحرب"));
        Assert.Empty(await FoundAsync("هدنة الحرب"));
    }

    [Fact]
    public async Task An_entity_finds_the_annotations_about_it_whether_the_reader_said_so_or_the_passage_mentions_it()
    {
        await AnnotateAsync("تشهد الاحياء الشرقية لمدينة حلب في شمال", comment: "the east of the city");
        await AnnotateAsync("لسنا شركاء", entities: ["bashar-al-assad"]);
        await AnnotateAsync("ترفض منطق الحرب الشاملة");

        Assert.Equal(["تشهد الاحياء الشرقية لمدينة حلب في شمال"], await FoundAsync(null, entity: "aleppo"));
        Assert.Equal(["تشهد الاحياء الشرقية لمدينة حلب في شمال"], await FoundAsync("Aleppo"));
        Assert.Equal(["لسنا شركاء"], await FoundAsync(null, entity: "bashar-al-assad"));
        Assert.Equal(["تشهد الاحياء الشرقية لمدينة حلب في شمال"], await FoundAsync("east", entity: "aleppo"));
        Assert.Empty(await FoundAsync("الحرب", entity: "aleppo"));

        var hit = (await db.Service<AnnotationSearch>().SearchAsync(new SearchRequest("الشرقية", EntityKey: "aleppo"), Reader)).Items.Single();
        Assert.Equal(["الشرقية", "حلب"], hit.QuoteHighlights.Select(h => h.Of(hit.Annotation.Exact)));
    }

    [Fact]
    public async Task With_a_second_entity_only_the_annotations_about_both_are_found()
    {
        await AnnotateAsync("تشهد الاحياء الشرقية لمدينة حلب في شمال", entities: ["syria"]);
        await AnnotateAsync("تشهد الاحياء الشرقية لمدينة حلب");
        await AnnotateAsync("لسنا شركاء", entities: ["bashar-al-assad"]);

        async Task<IReadOnlyList<string>> BothAsync(string first, string second) =>
            (await db.Service<AnnotationSearch>().SearchAsync(new SearchRequest(null, EntityKey: first, WithKey: second), Reader)).Items
                .Select(h => h.Annotation.Exact).ToList();

        Assert.Equal(["تشهد الاحياء الشرقية لمدينة حلب في شمال"], await BothAsync("aleppo", "syria"));
        Assert.Equal(["تشهد الاحياء الشرقية لمدينة حلب في شمال"], await BothAsync("syria", "aleppo"));
        Assert.Empty(await BothAsync("aleppo", "bashar-al-assad"));
        Assert.Equal(2, (await FoundAsync(null, entity: "aleppo")).Count);
    }

    [Fact]
    public async Task Another_readers_annotations_are_never_found()
    {
        await AnnotateAsync("ترفض منطق الحرب الشاملة", comment: "secret", owner: "someone-else");

        Assert.Empty(await FoundAsync("secret"));
        Assert.Empty(await FoundAsync("الحرب"));
    }

    [Fact]
    public async Task Results_are_newest_first_and_paged()
    {
        foreach (var passage in new[] { "ترفض منطق", "الحرب الشاملة", "منطق الحرب" })
        {
            await AnnotateAsync(passage, comment: "حرب");
        }

        var first = await db.Service<AnnotationSearch>().SearchAsync(new SearchRequest("حرب", Page: 1, PageSize: 2), Reader);
        var second = await db.Service<AnnotationSearch>().SearchAsync(new SearchRequest("حرب", Page: 2, PageSize: 2), Reader);

        Assert.Equal((3, 3), (first.Total, second.Total));
        Assert.Equal(["منطق الحرب", "الحرب الشاملة", "ترفض منطق"], first.Items.Concat(second.Items).Select(h => h.Annotation.Exact));
    }
}
