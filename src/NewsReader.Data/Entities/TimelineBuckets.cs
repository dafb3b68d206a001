using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>An entity's days summed into the points of a timeline by the database, so that decades of daily coverage
/// come back as a few hundred rows. Weeks and months are numbered with integer arithmetic alone, which both providers
/// run the same way (no date functions): a week is counted from a Monday, a month by the civil calendar of Howard
/// Hinnant's <c>days_from_civil</c> inverse, whose years start in March so that February's length never matters.</summary>
internal static class TimelineBuckets
{
    /// <summary>The sums of the days given per point (<see cref="BucketRow.Key"/> as <see cref="StartOf"/> reads it).</summary>
    public static IQueryable<BucketRow> Sum(IQueryable<EntityDay> days, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Week => days.GroupBy(d => (d.Day + WeekShift) / 7)
            .Select(g => new BucketRow(g.Key, g.Sum(d => d.Articles), g.Sum(d => d.Mentions))),
        TimelineBucket.Month => days
            .Select(d => new { Z = d.Day + MarchZeroShift, d.Articles, d.Mentions })
            .Select(d => new { Era = d.Z / 146097, Doe = d.Z % 146097, d.Articles, d.Mentions })
            .Select(d => new
            {
                d.Era,
                d.Doe,
                Yoe = (d.Doe - (d.Doe / 1460) + (d.Doe / 36524) - (d.Doe / 146096)) / 365,
                d.Articles,
                d.Mentions,
            })
            .GroupBy(d => (((d.Era * 400) + d.Yoe) * 12) + (((5 * (d.Doe - ((365 * d.Yoe) + (d.Yoe / 4) - (d.Yoe / 100)))) + 2) / 153))
            .Select(g => new BucketRow(g.Key, g.Sum(d => d.Articles), g.Sum(d => d.Mentions))),
        _ => days.Select(d => new BucketRow(d.Day, d.Articles, d.Mentions)),
    };

    /// <summary>The first day of the point a key names.</summary>
    public static DateOnly StartOf(int key, TimelineBucket bucket)
    {
        switch (bucket)
        {
            case TimelineBucket.Week:
                return EntityDay.DateOf((key * 7) - WeekShift);
            case TimelineBucket.Month:
                var (marchYear, monthFromMarch) = Math.DivRem(key, 12);
                var month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
                return new DateOnly(month <= 2 ? marchYear + 1 : marchYear, month, 1);
            default:
                return EntityDay.DateOf(key);
        }
    }

    /// <summary>Days from 0000-03-01 to 1970-01-01: every stored day of a <see cref="DateOnly"/> is then at least 0, so
    /// integer division rounds down on both providers.</summary>
    private const int MarchZeroShift = 719468;

    /// <summary>Day 0 is a Thursday: shifted by three it starts a week on a Monday, and by 110,000 weeks more it is never
    /// negative for a <see cref="DateOnly"/>.</summary>
    private const int WeekShift = 3 + (7 * 110000);
}

/// <summary>One point's sums; <see cref="Key"/> is the day, week or month number <see cref="TimelineBuckets"/> gives.</summary>
internal sealed record BucketRow(int Key, int Articles, int Mentions);
