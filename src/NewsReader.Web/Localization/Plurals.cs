namespace NewsReader.Web.Localization;

/// <summary>Which plural form a count takes, after the Unicode CLDR rules: Arabic has six (zero, one, two, few, many,
/// other), English two; a language without rules here uses one and other.</summary>
internal static class Plurals
{
    public static string Category(string language, long count)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "ar" => n switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when n % 100 is >= 3 and <= 10 => "few",
                _ when n % 100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            _ => n == 1 ? "one" : "other",
        };
    }
}
