using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Data.Entities;
using NewsReader.Web.Components.Entities;
using NewsReader.Web.Places;

namespace NewsReader.Web.Api;

/// <summary>Where and when the corpus names its entities: the places as GeoJSON, an entity's timeline, the entities named
/// with it.</summary>
internal static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/places", PlacesAsync).WithTags("Entities")
            .WithName("ListPlaces").WithSummary("The places articles mention, as a GeoJSON FeatureCollection of points with their article counts");
        var entities = app.MapGroup("/api/entities").WithTags("Entities");
        entities.MapGet("/{key}/timeline", TimelineAsync)
            .WithName("GetEntityTimeline").WithSummary("An entity's articles and mentions per day, week or month");
        entities.MapGet("/{key}/related", RelatedAsync)
            .WithName("ListRelatedEntities").WithSummary("The entities most often named in the same articles as an entity");
        return app;
    }

    private static async Task<Results<JsonHttpResult<PlaceFeatures>, ProblemHttpResult>> PlacesAsync(
        [AsParameters] PlaceParameters parameters, EntityCoverage coverage, CancellationToken cancellationToken)
    {
        var (from, to, entity, problem) = parameters.Read();
        if (problem is not null)
        {
            return Problems.BadRequest("Invalid place filter", problem);
        }

        return await coverage.PlacesAsync(from, to, entity, cancellationToken) is { } map
            ? TypedResults.Json(PlaceFeatures.From(map), contentType: "application/geo+json")
            : Problems.EntityNotFound(entity!);
    }

    private static async Task<Results<Ok<IEnumerable<TimelinePointResponse>>, ProblemHttpResult>> TimelineAsync(
        string key, string? from, string? to, string? bucket, EntityCoverage coverage, CancellationToken cancellationToken)
    {
        var (first, last, problem) = Days.ReadRange(from, to);
        if (problem is not null)
        {
            return Problems.BadRequest("Invalid timeline", problem);
        }

        if (!Enum.TryParse<TimelineBucket>(bucket ?? "day", ignoreCase: true, out var step) || !Enum.IsDefined(step) || int.TryParse(bucket, out _))
        {
            return Problems.BadRequest("Invalid timeline", $"bucket is day, week or month, not '{bucket}'.");
        }

        if (first is { } f && last is { } l && EntityCoverage.CountPoints(f, l, step) > EntityCoverage.MaxPoints)
        {
            return Problems.BadRequest("Invalid timeline", $"A timeline has at most {EntityCoverage.MaxPoints} points: choose a shorter range or longer steps.");
        }

        return await coverage.TimelineAsync(key, first, last, step, cancellationToken) is { } points
            ? TypedResults.Ok(points.Select(TimelinePointResponse.From))
            : Problems.EntityNotFound(key);
    }

    private static async Task<Results<Ok<IEnumerable<RelatedEntityResponse>>, ProblemHttpResult>> RelatedAsync(
        string key, string? limit, EntityCoverage coverage, CancellationToken cancellationToken)
    {
        var count = 10;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > EntityCoverage.MaxRelated))
        {
            return Problems.BadRequest("Invalid limit", $"limit is a number from 1 to {EntityCoverage.MaxRelated}, not '{limit}'.");
        }

        return await coverage.RelatedAsync(key, count, cancellationToken) is { } related
            ? TypedResults.Ok(related.Select(RelatedEntityResponse.From))
            : Problems.EntityNotFound(key);
    }
}

public sealed record TimelinePointResponse(string Start, int Articles, int Mentions)
{
    public static TimelinePointResponse From(TimelinePoint p) => new(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Articles, p.Mentions);
}

public sealed record RelatedEntityResponse(EntityReference Entity, int Articles)
{
    public static RelatedEntityResponse From(RelatedEntity r) => new(new EntityReference(r.Entity.Key, r.Entity.Name, r.Entity.Type.Id()), r.Articles);
}

/// <summary>A GeoJSON FeatureCollection (RFC 7946) of the places; <c>window</c>, a foreign member, says how many of an
/// entity's newest articles the counts come from (null: every article of the range).</summary>
public sealed record PlaceFeatures(string Type, IReadOnlyList<PlaceFeature> Features, int? Window)
{
    public static PlaceFeatures From(PlaceMap map) => new("FeatureCollection", map.Places.Select(PlaceFeature.From).ToList(), map.Window);
}

public sealed record PlaceFeature(string Type, string Id, PointGeometry Geometry, PlaceProperties Properties)
{
    public static PlaceFeature From(PlaceCount p) => new(
        "Feature", p.Place.Key, new PointGeometry("Point", [p.Longitude, p.Latitude]), new PlaceProperties(p.Place.Key, p.Place.Name, p.Place.Names, p.Articles));
}

/// <summary>GeoJSON writes longitude first.</summary>
public sealed record PointGeometry(string Type, IReadOnlyList<double> Coordinates);

public sealed record PlaceProperties(string Id, string Name, IReadOnlyDictionary<string, string> Names, int Articles);
