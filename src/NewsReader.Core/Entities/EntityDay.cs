namespace NewsReader.Core.Entities;

/// <summary>How many articles of one day (UTC) mention an entity, and how many times in all: a rollup of
/// <see cref="EntityArticle"/> kept with it, so that an entity's coverage over time and the places of a date range are
/// read from a few rows per day instead of from every article.</summary>
public sealed class EntityDay
{
    public int EntityId { get; set; }

    /// <summary>Days since 1970-01-01, in UTC (<see cref="Of(DateTimeOffset)"/>).</summary>
    public int Day { get; set; }

    public int Articles { get; set; }

    public int Mentions { get; set; }

    /// <summary>The day an instant falls on, in UTC, as stored.</summary>
    public static int Of(DateTimeOffset instant) => (int)Math.Floor((instant - DateTimeOffset.UnixEpoch).TotalDays);

    /// <summary>The date of a stored day.</summary>
    public static DateOnly DateOf(int day) => DateOnly.FromDayNumber(Epoch + day);

    /// <summary>The stored day of a date.</summary>
    public static int Of(DateOnly date) => date.DayNumber - Epoch;

    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;
}
