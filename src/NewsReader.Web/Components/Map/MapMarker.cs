namespace NewsReader.Web.Components.Map;

/// <summary>A place drawn on a <see cref="WorldMap"/>: its circle grows with <see cref="Weight"/>; with
/// <see cref="Href"/> it is a link, otherwise choosing it tells the map's owner.</summary>
public sealed record MapMarker(string Key, string Name, double Latitude, double Longitude, int Weight, string Title, string? Href = null);
