using NewsReader.Core.Search;

namespace NewsReader.Core.Tests.Search;

public class WordWeightsTests
{
    [Fact]
    public void A_word_weighs_more_the_more_often_it_stands_but_each_time_counts_for_less()
    {
        var levels = Enumerable.Range(1, 8).Select(count => WordWeights.Level(count, 250)).ToList();

        Assert.Equal(levels.Order(), levels);
        Assert.True(levels[1] - levels[0] > levels[7] - levels[6], string.Join(", ", levels));
    }

    [Fact]
    public void The_same_count_weighs_more_in_a_short_article_than_in_a_long_one()
    {
        Assert.True(WordWeights.Level(2, 60) > WordWeights.Level(2, 250));
        Assert.True(WordWeights.Level(2, 250) > WordWeights.Level(2, 1500));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100_000)]
    [InlineData(5_000, 5_000)]
    public void Every_level_is_within_the_levels(int count, int length) =>
        Assert.InRange(WordWeights.Level(count, length), 0, WordWeights.Levels - 1);
}
