using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>How long each point of a timeline stands for.</summary>
public enum TimelineBucket
{
    Day,
    Week,
    Month,
}

/// <summary>One point of an entity's timeline: the articles (and mentions) from <see cref="Start"/> to the next point.</summary>
public sealed record TimelinePoint(DateOnly Start, int Articles, int Mentions);

/// <summary>An entity named in the same articles as another, and in how many of them.</summary>
public sealed record RelatedEntity(EntitySummary Entity, int Articles);

/// <summary>A place with coordinates, and how many articles mention it.</summary>
public sealed record PlaceCount(EntitySummary Place, double Latitude, double Longitude, int Articles);

/// <summary>The places of a map; <see cref="Window"/> is how many of the newest articles were read when the counts are
/// of an entity's articles (null when they cover every article of the range).</summary>
public sealed record PlaceMap(IReadOnlyList<PlaceCount> Places, int? Window);

/// <summary>An entity's coverage over time, the entities named with it, and the places of the corpus: read from the
/// rollups kept with the mentions (<c>EntityDays</c>, the entities' counts) or, for what only the articles can tell,
/// from a bounded window of the newest ones, so that no answer reads every article of a million.</summary>
public sealed class EntityCoverage(IDbContextFactory<NewsReaderDbContext> contexts)
{
    /// <summary>The most points a timeline answers (over five years by day).</summary>
    public const int MaxPoints = 2000;

    /// <summary>How many of an entity's newest articles tell which entities (and places) go with it.</summary>
    public const int Window = 2000;

    public const int MaxRelated = 50;

    /// <summary>An entity's articles and mentions per day, week (from Monday) or month, with empty points as zeros, from
    /// <paramref name="from"/> (default: its first day) to <paramref name="to"/> (default: its last); null when there is
    /// no such entity.</summary>
    public async Task<IReadOnlyList<TimelinePoint>?> TimelineAsync(
        string key, DateOnly? from, DateOnly? to, TimelineBucket bucket, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.EntityIdAsync(key, cancellationToken) is not { } id)
        {
            return null;
        }

        // The entity's days in the range (a default end is the entity's own first or last point), summed per point by
        // the database from the covering index: a few hundred rows for decades by month.
        var (first, last) = (from is { } f ? EntityDay.Of(f) : int.MinValue, to is { } t ? EntityDay.Of(t) : int.MaxValue);
        var rows = (await TimelineBuckets.Sum(db.EntityDays.Where(d => d.EntityId == id && d.Day >= first && d.Day <= last), bucket)
            .ToListAsync(cancellationToken))
            .ToDictionary(row => TimelineBuckets.StartOf(row.Key, bucket));
        if (rows.Count == 0 && (from is null || to is null))
        {
            return [];
        }

        var (start, end) = (from ?? rows.Keys.Min(), to ?? rows.Keys.Max());
        if (start > end)
        {
            return [];
        }

        // A long default range keeps its newest points; a range asked for is checked beforehand (CountPoints).
        return Starts(start, end, bucket).TakeLast(MaxPoints)
            .Select(point => rows.TryGetValue(point, out var row)
                ? new TimelinePoint(point, row.Articles, row.Mentions)
                : new TimelinePoint(point, 0, 0))
            .ToList();
    }

    /// <summary>How many points a timeline from <paramref name="from"/> to <paramref name="to"/> has.</summary>
    public static int CountPoints(DateOnly from, DateOnly to, TimelineBucket bucket) => Starts(from, to, bucket).Take(MaxPoints + 1).Count();

    /// <summary>The entities most often named in the entity's newest <see cref="Window"/> articles, most articles first;
    /// null when there is no such entity.</summary>
    public async Task<IReadOnlyList<RelatedEntity>?> RelatedAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.EntityIdAsync(key, cancellationToken) is not { } id)
        {
            return null;
        }

        var newest = NewestArticles(db, id, null, null);
        var counts = await db.EntityArticles
            .Where(o => o.EntityId != id && newest.Contains(o.ArticleId))
            .GroupBy(o => o.EntityId)
            .Select(g => new { EntityId = g.Key, Articles = g.Count() })
            .OrderByDescending(g => g.Articles).ThenBy(g => g.EntityId)
            .Take(Math.Clamp(limit, 1, MaxRelated))
            .ToListAsync(cancellationToken);
        var summaries = await SummariesAsync(db, counts.Select(c => c.EntityId).ToList(), cancellationToken);
        return counts.Select(c => new RelatedEntity(summaries[c.EntityId].Summary, c.Articles)).ToList();
    }

    /// <summary>The places articles mention, with how many articles: of the whole corpus (kept counts), of a range of
    /// days (the days' rollups), or among an entity's newest <see cref="Window"/> articles in the range. Null when the
    /// entity given does not exist.</summary>
    public async Task<PlaceMap?> PlacesAsync(DateOnly? from, DateOnly? to, string? entityKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var places = db.Entities.Where(e => e.Type == EntityType.Place && e.Latitude != null && e.Longitude != null);
        List<(int Id, int Articles)> counts;
        int? window = null;
        if (entityKey is not null)
        {
            if (await db.EntityIdAsync(entityKey, cancellationToken) is not { } id)
            {
                return null;
            }

            var newest = NewestArticles(db, id, from, to);
            counts = (await db.EntityArticles
                .Where(o => newest.Contains(o.ArticleId) && places.Any(p => p.Id == o.EntityId))
                .GroupBy(o => o.EntityId)
                .Select(g => new { g.Key, Articles = g.Count() })
                .ToListAsync(cancellationToken)).Select(c => (c.Key, c.Articles)).ToList();
            window = Window;
        }
        else if (from is not null || to is not null)
        {
            var first = from is { } f ? EntityDay.Of(f) : int.MinValue;
            var last = to is { } t ? EntityDay.Of(t) : int.MaxValue;
            counts = (await db.EntityDays
                .Where(d => d.Day >= first && d.Day <= last && places.Any(p => p.Id == d.EntityId))
                .GroupBy(d => d.EntityId)
                .Select(g => new { g.Key, Articles = g.Sum(d => d.Articles) })
                .ToListAsync(cancellationToken)).Select(c => (c.Key, c.Articles)).ToList();
        }
        else
        {
            counts = (await places.Where(p => p.ArticleCount > 0).Select(p => new { p.Id, p.ArticleCount }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.ArticleCount)).ToList();
        }

        var summaries = await SummariesAsync(db, counts.Select(c => c.Id).ToList(), cancellationToken);
        var found = counts.Where(c => c.Articles > 0)
            .Select(c => (Count: c, Entity: summaries[c.Id]))
            .Select(p => new PlaceCount(p.Entity.Summary, p.Entity.Latitude!.Value, p.Entity.Longitude!.Value, p.Count.Articles))
            .OrderByDescending(p => p.Articles).ThenBy(p => p.Place.Key, StringComparer.Ordinal)
            .ToList();
        return new PlaceMap(found, window);
    }

    /// <summary>The ids of an entity's newest <see cref="Window"/> articles within the days given, read newest first
    /// from <c>EntityArticles</c>' index (a query, for use inside another).</summary>
    private static IQueryable<int> NewestArticles(NewsReaderDbContext db, int entityId, DateOnly? from, DateOnly? to)
    {
        var articles = db.EntityArticles.Where(e => e.EntityId == entityId);
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            articles = articles.Where(e => e.PublishedAt >= start);
        }

        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            articles = articles.Where(e => e.PublishedAt < end);
        }

        return articles.OrderByDescending(e => e.PublishedAt).Take(Window).Select(e => e.ArticleId);
    }

    private static async Task<Dictionary<int, (EntitySummary Summary, double? Latitude, double? Longitude)>> SummariesAsync(
        NewsReaderDbContext db, List<int> ids, CancellationToken cancellationToken) =>
        (await db.Entities.Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Key, e.Name, e.Type, e.Names, e.Latitude, e.Longitude })
            .ToListAsync(cancellationToken))
        .ToDictionary(e => e.Id, e => (new EntitySummary(e.Key, e.Name, e.Type, e.Names), e.Latitude, e.Longitude));

    private static IEnumerable<DateOnly> Starts(DateOnly from, DateOnly to, TimelineBucket bucket)
    {
        for (var start = StartOf(from, bucket); start <= to; start = Next(start, bucket))
        {
            yield return start;
        }
    }

    private static DateOnly StartOf(DateOnly date, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        TimelineBucket.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };

    private static DateOnly Next(DateOnly start, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Week => start.AddDays(7),
        TimelineBucket.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}
