using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public class SearchTests
{
    private static async Task<SearchResult> SearchAsync(TestDatabase db, string? query, EntityType? type = null, string? entity = null) =>
        await db.Service<SearchService>().SearchAsync(new SearchRequest(query, type, entity));

    private static ArticleDraft Draft(string key, string body, int day = 2) =>
        new(key, "عنوان " + key, body, "ar", "الوكالات", null, new DateTimeOffset(2016, 12, day, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("الاسد")]
    [InlineData("الأسد")]
    [InlineData("انقره")]
    [InlineData("أنقرة")]
    [InlineData("حَلَب")]
    [InlineData("حلب")]
    [InlineData("هدنه")]
    [InlineData("هدنة")]
    [InlineData("الائتلاف")]
    [InlineData("الولايات")]
    [InlineData("Aleppo")]
    [InlineData("Syrian Observatory for Human Rights")]
    [InlineData("Syrian Observatory")]
    [InlineData("syrian observatory")]
    [InlineData("ankara")]
    public async Task Every_spelling_finds_the_seed(string query)
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var result = await SearchAsync(db, query);

        Assert.Equal(1, result.Total);
        Assert.StartsWith("ايرولت", Assert.Single(result.Items).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clitics_do_not_hide_words_and_the_snippet_marks_them_in_the_stored_text()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("clitic", "وصلت القافلة وحلب هادئة. ثم عادت بحلب الحياة."));

        var result = await SearchAsync(db, "حلب");

        var hit = result.Items.Single(i => i.Title == "عنوان clitic");
        var marked = hit.Snippets.SelectMany(s => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length))).ToList();
        Assert.Equal(["وحلب", "بحلب"], marked);
    }

    [Fact]
    public async Task Snippets_are_cut_from_the_stored_body_around_the_matches()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var body = (await db.Articles.FindAsync((await db.ListArticlesAsync()).Single().Id))!.Body;

        var hit = Assert.Single((await SearchAsync(db, "هدنه")).Items);

        Assert.NotEmpty(hit.Snippets);
        Assert.All(hit.Snippets, s => Assert.Contains(s.Text, body, StringComparison.Ordinal));
        Assert.All(hit.Snippets.SelectMany(s => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length))), w => Assert.Equal("هدنة", w));
        Assert.Equal(2, hit.MentionCount);
    }

    [Fact]
    public async Task Past_the_exact_range_a_total_says_there_are_more_and_every_page_still_comes()
    {
        await using var db = await TestDatabase.CreateAsync(services => services.Configure<SearchOptions>(o => o.ExactTotalUpTo = 3));
        await db.Initializer.InitializeAsync(RepositoryFiles.SeedsFolder);
        foreach (var (key, body) in new[]
        {
            ("a", "هدنة في حلب منذ الصباح وقافلة تصل."),
            ("b", "هدنة في حلب تصمد يوما ثانيا وقافلة تعبر."),
            ("c", "هدنة في حلب والقافلة الثالثة تصل."),
            ("d", "هدنة في حلب يخرقها قصف."),
        })
        {
            await db.Importer.ImportAsync(Draft(key, body));
        }

        var search = db.Service<SearchService>();
        async Task<(int, bool, int)> Found(SearchRequest request) =>
            (await search.SearchAsync(request)) is var r ? (r.Total, r.TotalIsExact, r.Items.Count) : default;

        // Five articles each (the seed and the four): a word, a name (words or mentions), a word among an entity's
        // articles, an entity; the total stops at three and says so, and the pages go on past it.
        Assert.Equal((3, false, 5), await Found(new SearchRequest("هدنه")));
        Assert.Equal((3, false, 5), await Found(new SearchRequest("حلب")));
        Assert.Equal((3, false, 5), await Found(new SearchRequest("هدنه", EntityKey: "aleppo")));
        Assert.Equal((3, false, 1), await Found(new SearchRequest(null, EntityKey: "aleppo", Page: 3, PageSize: 2)));
        Assert.Equal((3, false, 5), await Found(new SearchRequest("\"هدنة في\"")));

        // Three is counted exactly.
        Assert.Equal((3, true, 3), await Found(new SearchRequest("قافلة")));
    }

    [Fact]
    public async Task A_form_new_to_the_corpus_is_found_at_once_while_the_words_counts_are_remembered()
    {
        await using var db = await TestDatabase.CreateAsync(services => services.Configure<SearchOptions>(o => o.RememberCountsFrom = 1));
        await db.Initializer.InitializeAsync(RepositoryFiles.SeedsFolder);
        await db.Importer.ImportAsync(Draft("sugar", "ارتفع سعر السكر في الأسواق."));
        Assert.Single((await SearchAsync(db, "سكر")).Items);

        // سكر's count is remembered now; بسكر, held by no article a moment ago, is counted again and found.
        await db.Importer.ImportAsync(Draft("with-sugar", "شاي بسكر قليل."));

        Assert.Equal(["عنوان sugar", "عنوان with-sugar"], (await SearchAsync(db, "سكر")).Items.Select(i => i.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Entity_and_words_combine()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("truce-elsewhere", "أعلنت هدنة في دمشق."));
        await db.Importer.ImportAsync(Draft("aleppo-no-truce", "قصف عنيف على حلب."));

        var both = await SearchAsync(db, "هدنة", entity: "aleppo");
        var aleppo = await SearchAsync(db, null, entity: "aleppo");
        var truce = await SearchAsync(db, "هدنة");

        Assert.Equal(["ايرولت"], both.Items.Select(i => i.Title[..6]));
        Assert.Equal(2, aleppo.Total);
        Assert.Equal("ايرولت", aleppo.Items[0].Title[..6]);
        Assert.Equal(8, aleppo.Items[0].MentionCount);
        Assert.Equal(2, truce.Total);
    }

    [Fact]
    public async Task Words_that_name_an_entity_find_its_mentions_and_the_words_each_article_once()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("mention", "قصف عنيف على حلب."));
        await db.Importer.ImportAsync(new ArticleDraft(
            "english", "Aleppo today", "The siege of Aleppo goes on.", "en", "Wires", null, new DateTimeOffset(2016, 12, 3, 0, 0, 0, TimeSpan.Zero)));

        var result = await SearchAsync(db, "Aleppo");

        Assert.Equal(3, result.Total);
        // The words rank first; then the articles that only mention the entity, most mentions first.
        Assert.Equal(["Aleppo today", "ايرولت", "عنوان mention"], result.Items.Select(i => i.Title.StartsWith("ايرولت", StringComparison.Ordinal) ? "ايرولت" : i.Title));
    }

    [Fact]
    public async Task Quoted_words_are_a_phrase()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("apart", "في شرق البلاد قصف. وفي حلب هدوء."));

        Assert.Equal(1, (await SearchAsync(db, "\"شرق حلب\"")).Total);
        Assert.Equal(2, (await SearchAsync(db, "شرق حلب")).Total);
    }

    [Fact]
    public async Task A_type_keeps_only_entities_of_that_type()
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        Assert.Equal(1, (await SearchAsync(db, "Aleppo", EntityType.Place)).Total);
        Assert.Equal(0, (await SearchAsync(db, "Aleppo", EntityType.Person)).Total);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("حلب*")]
    [InlineData("(حلب OR")]
    [InlineData("NEAR(حلب انقرة)")]
    [InlineData("حلب AND NOT")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("^حلب:")]
    public async Task Query_syntax_typed_by_a_reader_is_only_text(string query)
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var result = await SearchAsync(db, query);

        Assert.True(result.Total is 0 or 1);
        await using var context = await db.OpenAsync();
        Assert.Equal(1, await context.Articles.CountAsync());
    }

    [Fact]
    public async Task Nothing_found_offers_nearby_entity_names()
    {
        await using var db = await TestDatabase.CreateSeededAsync();

        var result = await SearchAsync(db, "حلبستان");

        Assert.Equal(0, result.Total);
        Assert.Contains("aleppo", result.Suggestions.Select(s => s.Key));
    }

    [Fact]
    public async Task The_index_follows_an_article_that_changes()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("changing", "خبر عن طرطوس."));
        Assert.Equal(1, (await SearchAsync(db, "طرطوس")).Total);

        await db.Importer.ImportAsync(Draft("changing", "خبر عن اللاذقية."));

        var gone = await SearchAsync(db, "طرطوس");
        var found = await SearchAsync(db, "اللاذقيه");
        Assert.Equal(0, gone.Total);
        Assert.Empty(gone.Items);
        Assert.Equal(1, found.Total);
        Assert.Equal(["عنوان changing"], found.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_deleted_article_leaves_both_indexes()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("leaving", "خبر عن طرطوس وحدها."));
        var id = (await SearchAsync(db, "طرطوس")).Items.Single().ArticleId;

        await db.Service<Articles.ArticleStore>().DeleteAsync(id);

        Assert.Empty((await SearchAsync(db, "طرطوس")).Items);
        Assert.Empty((await SearchAsync(db, "\"طرطوس وحدها\"")).Items);
        await using var context = await db.OpenAsync();
        var word = Core.Search.IndexTerms.Word("طرطوس");
        Assert.Equal(0, await context.Provider.Search.CountAsync(context, Core.Search.TermQuery.Term(word), int.MaxValue, CancellationToken.None));
        Assert.Empty(await context.Provider.Search.ArticleCountsAsync(context, [word], CancellationToken.None));
        Assert.Empty(await context.Provider.Search.UnindexedAsync(context, 0, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("ArticleSearch")]
    [InlineData("ArticleTerms")]
    public async Task An_article_missing_from_an_index_is_indexed_at_start_up(string index)
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using (var context = await db.OpenAsync())
        {
            var emptyIndex = $"DELETE FROM \"{index}\"";
            await context.Database.ExecuteSqlRawAsync(emptyIndex);
        }

        await db.Initializer.InitializeAsync(RepositoryFiles.SeedsFolder);

        var truce = await SearchAsync(db, "هدنه");
        Assert.Equal(1, truce.Total);
        Assert.Single(truce.Items);
        Assert.Single((await SearchAsync(db, "هدنه حلب")).Items);
    }

    [Fact]
    public async Task One_word_finds_first_the_articles_where_it_weighs_most()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var filler = string.Join(" ", Enumerable.Repeat("وقال المتحدث إن الوضع ما زال صعبا في المدينة.", 40));
        await db.Importer.ImportAsync(Draft("thrice", "الزيتون ثم الزيتون ثم زيتون."));
        await db.Importer.ImportAsync(Draft("once in a long one", "خبر عن الزيتون. " + filler));
        await db.Importer.ImportAsync(Draft("once", "خبر قصير عن الزيتون."));

        // A word that names no entity: its results are the text's alone.
        var result = await SearchAsync(db, "زيتون");

        Assert.Equal(["عنوان thrice", "عنوان once", "عنوان once in a long one"], result.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_two_word_phrase_finds_first_the_articles_where_it_weighs_most()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var filler = string.Join(" ", Enumerable.Repeat("وقال المتحدث إن الوضع ما زال صعبا في المدينة.", 40));
        await db.Importer.ImportAsync(Draft("twice", "نقص حليب الأطفال ثم نقص حليب الاطفال والحليب."));
        await db.Importer.ImportAsync(Draft("once in a long one", "نقص حليب الأطفال. " + filler));
        await db.Importer.ImportAsync(Draft("apart", "حليب كثير والأطفال جياع وحليب قليل."));
        await db.Importer.ImportAsync(Draft("once", "نقص حليب الأطفال."));

        var result = await SearchAsync(db, "\"حليب الاطفال\"");

        Assert.Equal(3, result.Total);
        Assert.Equal(["عنوان twice", "عنوان once", "عنوان once in a long one"], result.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_word_within_an_entity_follows_the_articles_mentions()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("truce in aleppo", "أعلنت هدنة في حلب."));
        var found = await SearchAsync(db, "هدنة", entity: "aleppo");
        Assert.Contains("عنوان truce in aleppo", found.Items.Select(i => i.Title));
        var id = found.Items.Single(i => i.Title == "عنوان truce in aleppo").ArticleId;
        int start;
        await using (var context = await db.OpenAsync())
        {
            start = await context.Mentions.Where(m => m.ArticleId == id).Select(m => m.Start).SingleAsync();
        }

        await db.Service<Entities.EntityStore>().DismissAsync(id, start);

        var after = await SearchAsync(db, "هدنة", entity: "aleppo");
        Assert.DoesNotContain("عنوان truce in aleppo", after.Items.Select(i => i.Title));
        Assert.Equal(found.Total - 1, after.Total);
    }

    [Fact]
    public async Task A_deleted_entity_leaves_the_terms_index()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var (key, _) = await db.Service<Entities.ReaderTagging>().CreateEntityAsync("Testville", EntityType.Place, "تستفيل");
        await db.Importer.ImportAsync(Draft("testville", "خبر عن تستفيل وهدنة فيها."));
        Assert.Single((await SearchAsync(db, "هدنة", entity: key)).Items);
        await using var context = await db.OpenAsync();
        var entityId = await context.Entities.Where(e => e.Key == key).Select(e => e.Id).SingleAsync();
        var mentioning = Core.Search.TermQuery.Term(Core.Search.IndexTerms.Entity(entityId));
        Assert.Equal(1, await context.Provider.Search.CountAsync(context, mentioning, int.MaxValue, CancellationToken.None));

        await db.Service<Entities.GazetteerEditor>().DeleteAsync(key!);
        await db.RunJobsAsync();

        // A later entity may be given the same id: no article may still seem to mention it.
        Assert.Equal(0, await context.Provider.Search.CountAsync(context, mentioning, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Results_are_paged_newest_first_among_equals()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        for (var day = 1; day <= 12; day++)
        {
            await db.Importer.ImportAsync(Draft($"d{day}", $"خبر {day} عن طرطوس.", day));
        }

        var first = await db.Service<SearchService>().SearchAsync(new SearchRequest("طرطوس", PageSize: 5));
        var third = await db.Service<SearchService>().SearchAsync(new SearchRequest("طرطوس", Page: 3, PageSize: 5));
        var pastTheEnd = await db.Service<SearchService>().SearchAsync(new SearchRequest("طرطوس", Page: 4, PageSize: 5));

        Assert.Equal(12, first.Total);
        Assert.Equal(["عنوان d12", "عنوان d11", "عنوان d10", "عنوان d9", "عنوان d8"], first.Items.Select(i => i.Title));
        Assert.Equal(["عنوان d2", "عنوان d1"], third.Items.Select(i => i.Title));
        Assert.Equal(12, third.Total);
        Assert.Empty(pastTheEnd.Items);
        Assert.Equal(12, pastTheEnd.Total);
    }

    [Theory]
    [InlineData(null, "aleppo")]
    [InlineData("حلب", null)]
    [InlineData("هدنة", null)]
    [InlineData("هدنة", "aleppo")]
    [InlineData("Aleppo", null)]
    [InlineData("\"على حلب\"", null)]
    [InlineData("\"قصف على\"", "aleppo")]
    public async Task Pages_read_in_turn_give_the_order_of_one_long_page(string? query, string? entity)
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        for (var i = 1; i <= 17; i++)
        {
            // One to three mentions, a truce in every other, and dates out of the import order; each body its own.
            var body = $"الخبر {i}: " + string.Join(" ", Enumerable.Repeat("قصف على حلب.", 1 + (i % 3))) + (i % 2 == 0 ? " وأعلنت هدنة." : "");
            await db.Importer.ImportAsync(Draft($"p{i}", body, 1 + (i * 7 % 17)));
        }

        // The English name is a word of these alone: its results run from them into the articles that only mention Aleppo.
        for (var i = 1; i <= 5; i++)
        {
            var body = $"Report {i}: " + string.Join(" ", Enumerable.Repeat("Shelling in Aleppo.", i % 3 + 1));
            await db.Importer.ImportAsync(new ArticleDraft($"e{i}", $"Report {i}", body, "en", "Wires", null, new DateTimeOffset(2016, 12, i, 0, 0, 0, TimeSpan.Zero)));
        }

        var search = db.Service<SearchService>();
        var whole = await search.SearchAsync(new SearchRequest(query, EntityKey: entity, PageSize: 50));
        var pages = new List<SearchHit>();
        for (var page = 1; (page - 1) * 4 < whole.Total; page++)
        {
            var result = await search.SearchAsync(new SearchRequest(query, EntityKey: entity, Page: page, PageSize: 4));
            Assert.Equal(whole.Total, result.Total);
            pages.AddRange(result.Items);
        }

        Assert.True(whole.Total > 8, $"only {whole.Total} found");
        Assert.Equal(whole.Items.Select(i => i.ArticleId), pages.Select(i => i.ArticleId));
    }

    [Theory]
    [InlineData(null, null, 1, 10, "Type a word, a name or a place to search for.")]
    [InlineData("  ", null, 1, 10, "Type a word, a name or a place to search for.")]
    [InlineData("حلب", null, 0, 10, "The page number starts at 1.")]
    [InlineData("حلب", null, 1, 51, "A page holds from 1 to 50 results.")]
    public void Bad_requests_say_what_is_wrong(string? query, string? entity, int page, int size, string problem) =>
        Assert.Equal([problem], new SearchRequest(query, null, entity, page, size).Validate());

    [Fact]
    public void An_over_long_query_is_refused() =>
        Assert.Equal(["The query is longer than 500 characters."], new SearchRequest(new string('ح', 501)).Validate());
}
