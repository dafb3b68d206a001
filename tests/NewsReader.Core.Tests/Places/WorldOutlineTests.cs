using System.Globalization;
using System.Text.RegularExpressions;
using NewsReader.Core.Places;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Places;

public partial class WorldOutlineTests
{
    private static readonly string Source = Path.Combine(RepositoryFiles.Root, "src", "NewsReader.Web", "Map", "world-atlas", "countries-110m.json");
    private static readonly string Served = Path.Combine(RepositoryFiles.Root, "src", "NewsReader.Web", "wwwroot", "map", "world.svg");
    private static readonly string Svg = WorldOutline.ToSvg(File.ReadAllText(Source));

    [Fact]
    public void The_served_outline_is_the_one_made_from_the_vendored_topology()
    {
        // After a deliberate change, NEWSREADER_UPDATE_GOLDEN=1 rewrites the served file.
        if (Environment.GetEnvironmentVariable("NEWSREADER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Served, Svg);
        }

        Assert.Equal(File.ReadAllText(Served), Svg);
    }

    [Fact]
    public void Every_country_but_Antarctica_is_drawn_within_the_world_map()
    {
        var points = Coordinates().Matches(Svg).Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        var (top, bottom) = MapProjection.WorldRows;

        Assert.True(Svg.Split('Z').Length > 250, "rings");
        Assert.All(points, p => Assert.InRange(p.X, -540, 540));
        Assert.DoesNotContain(Rings().Matches(Svg), ring => Spans(ring.Value) > 180);
        Assert.All(points, p => Assert.InRange(p.Y, top - 40, bottom));
        Assert.Contains("<path id=\"countries\"", Svg, StringComparison.Ordinal);
        Assert.True(new FileInfo(Served).Length < 200_000, "the outline stays small enough for every first visit");
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(36.2021, 37.1343, 37.1343, -38.8)]
    [InlineData(-33.87, 151.21, 151.21, 36.0)]
    [InlineData(90, 0, 0, -179.4)]
    public void Places_project_with_Mercator_in_degrees(double latitude, double longitude, double x, double y)
    {
        var point = MapProjection.Project(latitude, longitude);
        Assert.Equal(x, point.X, 4);
        Assert.Equal(y, point.Y, 0);
    }

    /// <summary>How far a ring reaches east to west: one that crosses the antimeridian must not span the whole map.</summary>
    private static double Spans(string ring)
    {
        var xs = Coordinates().Matches(ring).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return xs.Max() - xs.Min();
    }

    [GeneratedRegex(@"[ML](-?[\d.]+) (-?[\d.]+)")]
    private static partial Regex Coordinates();

    [GeneratedRegex(@"M[^Z]*Z")]
    private static partial Regex Rings();
}
