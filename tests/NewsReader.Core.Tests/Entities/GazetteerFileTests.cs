using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Entities;

/// <summary>The gazetteer that ships with the app describes every entity in both interface languages.</summary>
public class GazetteerFileTests
{
    [Fact]
    public void Every_entity_is_described_in_English_and_in_Arabic()
    {
        var undescribed = GoldenMentions.Entries
            .Where(e => string.IsNullOrWhiteSpace(e.Description)
                || e.Descriptions?.GetValueOrDefault("ar") is not { Length: > 0 } arabic
                || Languages.Guess(arabic) != "ar"
                || Languages.Guess(e.Description) == "ar")
            .Select(e => e.Id)
            .ToList();

        Assert.Empty(undescribed);
    }
}
