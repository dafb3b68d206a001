namespace NewsReader.Core.Places;

/// <summary>A point of a map in the SVG's own units: x grows eastward, y southward.</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>Web Mercator in degrees: x is the longitude and y the Mercator latitude (negated, for SVG), so a map is 360
/// units wide and shapes near a place look as readers know them. The poles are cut at ±85°.</summary>
public static class MapProjection
{
    public const double MaxLatitude = 85;

    /// <summary>The top and bottom of the world map (80° N to 60° S: Antarctica and the far north are left out).</summary>
    public static (double Top, double Bottom) WorldRows { get; } = (Project(80, 0).Y, Project(-60, 0).Y);

    public static MapPoint Project(double latitude, double longitude)
    {
        var phi = Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        return new MapPoint(longitude, -Math.Log(Math.Tan((Math.PI / 4) + (phi / 2))) * 180 / Math.PI);
    }
}
