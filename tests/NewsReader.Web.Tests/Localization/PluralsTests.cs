using NewsReader.Web.Localization;

namespace NewsReader.Web.Tests.Localization;

public class PluralsTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(1, "one")]
    [InlineData(2, "two")]
    [InlineData(3, "few")]
    [InlineData(10, "few")]
    [InlineData(11, "many")]
    [InlineData(99, "many")]
    [InlineData(100, "other")]
    [InlineData(102, "other")]
    [InlineData(103, "few")]
    [InlineData(111, "many")]
    public void Arabic_counts_take_the_CLDR_plural_forms(long count, string form) =>
        Assert.Equal(form, Plurals.Category("ar", count));

    [Theory]
    [InlineData(1, "one")]
    [InlineData(0, "other")]
    [InlineData(2, "other")]
    public void English_has_one_and_other(long count, string form) =>
        Assert.Equal(form, Plurals.Category("en", count));
}
