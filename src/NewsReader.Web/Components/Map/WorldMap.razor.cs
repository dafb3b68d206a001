using System.Globalization;
using Microsoft.AspNetCore.Components;
using NewsReader.Core.Places;

namespace NewsReader.Web.Components.Map;

/// <summary>An SVG map of places, in the projection of the world outline (<see cref="MapProjection"/>): the whole world,
/// or (<see cref="Fit"/>) framed around its places.</summary>
public sealed partial class WorldMap
{
    /// <summary>The smallest frame around places, in map units (about 14° of longitude): a lone city still shows its
    /// country and neighbours.</summary>
    private const double MinimumSpan = 14;

    /// <summary>The frame's width over its height.</summary>
    private const double Aspect = 4.0 / 3;

    [Parameter, EditorRequired]
    public required IReadOnlyList<MapMarker> Markers { get; set; }

    /// <summary>Frame the places instead of the world.</summary>
    [Parameter]
    public bool Fit { get; set; }

    /// <summary>A small map beside a text.</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>The key of the place to mark as chosen.</summary>
    [Parameter]
    public string? Chosen { get; set; }

    [Parameter]
    public EventCallback<string> OnChoose { get; set; }

    private (double Left, double Top, double Width, double Height) Frame { get; set; }

    private IReadOnlyList<(MapMarker Marker, MapPoint Point, double Radius)> Placed { get; set; } = [];

    private string ViewBox => string.Join(' ', Number(Frame.Left), Number(Frame.Top), Number(Frame.Width), Number(Frame.Height));

    protected override void OnParametersSet()
    {
        var points = Markers.Select(m => (Marker: m, Point: MapProjection.Project(m.Latitude, m.Longitude))).ToList();
        Frame = Fit && points.Count > 0 ? Around(points.Select(p => p.Point).ToList()) : World();
        var heaviest = Math.Max(1, Markers.Count == 0 ? 1 : Markers.Max(m => m.Weight));

        // Circles are sized by area, on the frame's scale so they look the same on every map (a small map's, larger so a
        // finger can take them); the heaviest drawn first, so the lighter ones stay on top and can be chosen.
        var (least, most) = Compact ? (0.012, 0.03) : (0.004, 0.012);
        Placed = points
            .Select(p => (p.Marker, p.Point, Radius: Frame.Width * (least + (most * Math.Sqrt((double)p.Marker.Weight / heaviest)))))
            .OrderByDescending(p => p.Radius).ToList();
    }

    private static (double, double, double, double) World()
    {
        var (top, bottom) = MapProjection.WorldRows;
        return (-180, top, 360, bottom - top);
    }

    private static (double, double, double, double) Around(List<MapPoint> points)
    {
        var (left, right) = (points.Min(p => p.X), points.Max(p => p.X));
        var (top, bottom) = (points.Min(p => p.Y), points.Max(p => p.Y));
        var width = Math.Max(MinimumSpan, (right - left) * 1.25);
        var height = Math.Max(width / Aspect, (bottom - top) * 1.25);
        width = Math.Max(width, height * Aspect);
        return ((left + right - width) / 2, (top + bottom - height) / 2, width, height);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
