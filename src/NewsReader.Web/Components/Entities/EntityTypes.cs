using MudBlazor;
using NewsReader.Core.Entities;

namespace NewsReader.Web.Components.Entities;

/// <summary>How each entity type is named and drawn across the UI.</summary>
internal static class EntityTypes
{
    public static IReadOnlyList<EntityType> All { get; } = Enum.GetValues<EntityType>();

    /// <summary>The type's id: person, place or organization, as URLs, CSS classes and the API spell it.</summary>
    public static string Id(this EntityType type) => type.ToString().ToLowerInvariant();

    public static string Plural(this EntityType type) => type switch
    {
        EntityType.Person => "People",
        EntityType.Place => "Places",
        _ => "Organizations",
    };

    public static string Icon(this EntityType type) => type switch
    {
        EntityType.Person => Icons.Material.Filled.Person,
        EntityType.Place => Icons.Material.Filled.Place,
        _ => Icons.Material.Filled.CorporateFare,
    };
}
