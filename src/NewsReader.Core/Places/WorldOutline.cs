using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsReader.Core.Places;

/// <summary>Draws the countries of a TopoJSON topology (world-atlas's <c>countries</c> object) as one SVG path in
/// <see cref="MapProjection"/>'s units, for maps to show with <c>&lt;use href="…#countries"&gt;</c>: the path has no
/// fill of its own, so each map colours it for its theme.</summary>
public static class WorldOutline
{
    /// <summary>ISO 3166 numeric code of Antarctica, which a Mercator map cannot show.</summary>
    private const string Antarctica = "010";

    public static string ToSvg(string topoJson)
    {
        ArgumentNullException.ThrowIfNull(topoJson);
        using var document = JsonDocument.Parse(topoJson);
        var root = document.RootElement;
        var arcs = DecodeArcs(root);
        var path = new StringBuilder();
        foreach (var country in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            if (country.TryGetProperty("id", out var id) && id.GetString() == Antarctica)
            {
                continue;
            }

            var polygons = country.GetProperty("type").GetString() switch
            {
                "Polygon" => [country.GetProperty("arcs")],
                "MultiPolygon" => country.GetProperty("arcs").EnumerateArray().ToList(),
                _ => [],
            };
            foreach (var ring in polygons.SelectMany(polygon => polygon.EnumerateArray()))
            {
                AppendRing(path, ring.EnumerateArray().Select(a => a.GetInt32()), arcs);
            }
        }

        var (top, bottom) = MapProjection.WorldRows;
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 {top:0.##} 360 {bottom - top:0.##}">
            <!-- Natural Earth 1:110m countries (public domain), from world-atlas 2.0.2 (ISC); Mercator. -->
            <path id="countries" vector-effect="non-scaling-stroke" d="{path}"/>
            </svg>

            """);
    }

    /// <summary>Each arc as its points in map units: TopoJSON stores them quantized and delta-encoded.</summary>
    private static List<MapPoint[]> DecodeArcs(JsonElement root)
    {
        var transform = root.GetProperty("transform");
        var (scaleX, scaleY) = (transform.GetProperty("scale")[0].GetDouble(), transform.GetProperty("scale")[1].GetDouble());
        var (translateX, translateY) = (transform.GetProperty("translate")[0].GetDouble(), transform.GetProperty("translate")[1].GetDouble());
        var arcs = new List<MapPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var (x, y) = (0, 0);
            arcs.Add(arc.EnumerateArray().Select(point =>
            {
                x += point[0].GetInt32();
                y += point[1].GetInt32();
                return MapProjection.Project((y * scaleY) + translateY, (x * scaleX) + translateX);
            }).ToArray());
        }

        return arcs;
    }

    /// <summary>A closed ring of arcs; a negative index (~i) is arc i backwards. Each arc after the first starts where the
    /// one before ends, so its first point is left out; points that round to the last one written are too. A ring that
    /// crosses the antimeridian (Russia, Fiji) goes on past the map's edge instead of across the whole map.</summary>
    private static void AppendRing(StringBuilder path, IEnumerable<int> indexes, List<MapPoint[]> arcs)
    {
        var points = new List<MapPoint>();
        foreach (var index in indexes)
        {
            var arc = index >= 0 ? arcs[index] : arcs[~index].Reverse().ToArray();
            points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
        }

        var last = (X: double.NaN, Y: double.NaN);
        var (previous, shift) = (points[0].X, 0.0);
        foreach (var point in points)
        {
            shift += point.X - previous > 180 ? -360 : previous - point.X > 180 ? 360 : 0;
            previous = point.X;
            var rounded = (X: Math.Round(point.X + shift, 2), Y: Math.Round(point.Y, 2));
            if (rounded == last)
            {
                continue;
            }

            path.Append(last.X is double.NaN ? 'M' : 'L').Append(rounded.X.ToString(CultureInfo.InvariantCulture))
                .Append(' ').Append(rounded.Y.ToString(CultureInfo.InvariantCulture));
            last = rounded;
        }

        path.Append('Z');
    }
}
