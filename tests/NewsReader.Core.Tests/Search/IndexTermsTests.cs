using NewsReader.Core.Search;

namespace NewsReader.Core.Tests.Search;

public class IndexTermsTests
{
    [Fact]
    public void An_article_has_each_distinct_stem_once_as_it_is_and_once_at_its_level_and_each_entity_once()
    {
        string[] title = ["هدنه"];
        string[] body = ["في", "حلب", "هدنه", "2016"];

        var terms = IndexTerms.Of(title, body, [79, 4, 79]).Split(' ');

        Assert.Equal(["sهدنه", "sفي", "sحلب", "s2016"], terms.Where(t => t.StartsWith('s')));
        Assert.Equal(
            [
                IndexTerms.Weighed(WordWeights.Level(2, 5), "هدنه"), IndexTerms.Weighed(WordWeights.Level(1, 5), "في"),
                IndexTerms.Weighed(WordWeights.Level(1, 5), "حلب"), IndexTerms.Weighed(WordWeights.Level(1, 5), "2016"),
            ],
            terms.Where(t => t.StartsWith('w')));
        Assert.Equal(["e79", "e4"], terms.Where(t => t.StartsWith('e')));
    }

    [Fact]
    public void Each_pair_of_stems_side_by_side_is_weighed_like_a_word_but_never_across_the_title_and_the_body()
    {
        string[] title = ["هدنه", "حلب"];
        string[] body = ["حليب", "اطفال", "في", "حليب", "اطفال"];

        var pairs = IndexTerms.Of(title, body, []).Split(' ').Where(t => t.StartsWith('p'));

        Assert.Equal(
            [
                IndexTerms.Paired(WordWeights.Level(1, 7), "هدنه", "حلب"),
                IndexTerms.Paired(WordWeights.Level(2, 7), "حليب", "اطفال"),
                IndexTerms.Paired(WordWeights.Level(1, 7), "اطفال", "في"),
                IndexTerms.Paired(WordWeights.Level(1, 7), "في", "حليب"),
            ],
            pairs);
    }

    [Fact]
    public void A_pair_says_where_its_second_stem_begins()
    {
        Assert.Equal("p054xحليباطفال", IndexTerms.Paired(5, "حليب", "اطفال"));
        Assert.NotEqual(IndexTerms.Paired(5, "ab", "c"), IndexTerms.Paired(5, "a", "bc"));
    }

    [Fact]
    public void A_level_has_a_fixed_width_so_a_stem_that_starts_with_a_digit_is_never_read_as_part_of_it()
    {
        Assert.Equal("w03حلب", IndexTerms.Weighed(3, "حلب"));
        Assert.NotEqual(IndexTerms.Weighed(2, "6ab"), IndexTerms.Weighed(26, "ab"));
    }

    [Fact]
    public void No_term_of_one_kind_is_spelled_like_a_term_of_another()
    {
        // A stem may be any word, even one that looks like another kind's term.
        Assert.NotEqual(IndexTerms.Entity(79), IndexTerms.Word("e79"));
        Assert.NotEqual(IndexTerms.Weighed(3, "حلب"), IndexTerms.Word("w03حلب"));
        Assert.NotEqual(IndexTerms.Entity(3), IndexTerms.Weighed(0, "3"));
        Assert.NotEqual(IndexTerms.Paired(3, "حل", "ب"), IndexTerms.Word("p032xحلب"));
    }
}
