using Microsoft.AspNetCore.Components;
using NewsReader.Data.Entities;

namespace NewsReader.Web.Components.Entities;

public sealed partial class EntityCoverageSection
{
    private const int RelatedShown = 10;

    [Inject]
    private EntityCoverage Coverage { get; set; } = null!;

    [Parameter, EditorRequired]
    public required EntityDetails Entity { get; set; }

    [PersistentState]
    public IReadOnlyList<TimelinePoint>? Timeline { get; set; }

    [PersistentState]
    public TimelineBucket Bucket { get; set; }

    [PersistentState]
    public IReadOnlyList<RelatedEntity>? Related { get; set; }

    [PersistentState]
    public string? CoverageOf { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (CoverageOf == Entity.Key)
        {
            return;
        }

        // The longest steps that still show a shape: months, unless the coverage spans only a few of them.
        foreach (var bucket in new[] { TimelineBucket.Month, TimelineBucket.Week, TimelineBucket.Day })
        {
            Bucket = bucket;
            Timeline = await Coverage.TimelineAsync(Entity.Key, null, null, bucket);
            if (Timeline is not { Count: <= 3 })
            {
                break;
            }
        }

        Related = await Coverage.RelatedAsync(Entity.Key, RelatedShown);
        CoverageOf = Entity.Key;
    }

    private async Task ChooseAsync(TimelineBucket bucket)
    {
        Bucket = bucket;
        Timeline = await Coverage.TimelineAsync(Entity.Key, null, null, bucket);
    }
}
