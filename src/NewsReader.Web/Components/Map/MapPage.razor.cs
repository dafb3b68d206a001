using Microsoft.AspNetCore.Components;
using NewsReader.Data.Entities;
using NewsReader.Web.Localization;
using NewsReader.Web.Places;

namespace NewsReader.Web.Components.Map;

/// <summary>The places of the corpus on a world map, for a range of days and an entity if given; the filters are in the
/// address, so a map can be shared and the back button undoes a filter.</summary>
public sealed partial class MapPage
{
    private string? problem;

    [Inject]
    private EntityCoverage Coverage { get; set; } = null!;

    [Inject]
    private EntityStore Entities { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "entity")]
    public string? EntityKey { get; set; }

    [PersistentState]
    public PlaceMap? Places { get; set; }

    [PersistentState]
    public EntityDetails? Entity { get; set; }

    /// <summary>The address <see cref="Places"/> answers, carried from the prerender so the circuit does not ask again.</summary>
    [PersistentState]
    public string? PlacesFor { get; set; }

    private PlaceParameters Parameters { get; set; } = new();

    private IReadOnlyList<MapMarker> Markers { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        Parameters = new PlaceParameters(From, To, EntityKey);
        var (from, to, key, invalid) = Parameters.Read();
        problem = invalid is null ? null : L.Translate(invalid);
        if (problem is null && PlacesFor != Parameters.ToAddress())
        {
            Entity = key is null ? null : await Entities.FindAsync(key);
            Places = key is not null && Entity is null ? null : await Coverage.PlacesAsync(from, to, key);
            PlacesFor = Parameters.ToAddress();
        }

        if (problem is null && Places is null)
        {
            problem = L["There is no entity '{0}'.", key ?? ""].Value;
        }

        Markers = Places?.Places.Select(p => new MapMarker(
            p.Place.Key, p.Place.Display(), p.Latitude, p.Longitude, p.Articles,
            $"{p.Place.Display()}: {F.Count(p.Articles, "{0} article", "{0} articles")}",
            SearchFor(p.Place.Key))).ToList() ?? [];
    }

    /// <summary>A place's search: its articles, or those that also mention the entity of the filter.</summary>
    private string SearchFor(string place) => Entity is { } entity && entity.Key != place
        ? $"search?entity={Uri.EscapeDataString(entity.Key)}&with={Uri.EscapeDataString(place)}"
        : $"search?entity={Uri.EscapeDataString(place)}";

    private void Go(PlaceParameters parameters) => Navigation.NavigateTo(parameters.ToAddress());
}
