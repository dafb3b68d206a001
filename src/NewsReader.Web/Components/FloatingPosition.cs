using System.Globalization;

namespace NewsReader.Web.Components;

/// <summary>Where a floating card or toolbar goes: just below a point of the viewport, kept on screen.</summary>
internal static class FloatingPosition
{
    public static string Below(double left, double top) =>
        string.Create(CultureInfo.InvariantCulture, $"left:{Math.Max(8, left):0}px;top:{top + 6:0}px");
}
