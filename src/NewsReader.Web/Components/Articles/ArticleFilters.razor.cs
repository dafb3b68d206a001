using Microsoft.AspNetCore.Components;
using NewsReader.Data.Articles;
using NewsReader.Data.Subscriptions;
using NewsReader.Web.Articles;

namespace NewsReader.Web.Components.Articles;

/// <summary>The front page's filters. Each change goes to the address (the first page of the new filter), so the
/// filters are in the address bar and the browser's history.</summary>
public sealed partial class ArticleFilters
{
    private IReadOnlyList<string> sources = [];
    private IReadOnlyList<FeedView> feeds = [];

    [Inject]
    private ArticleStore Articles { get; set; } = null!;

    [Inject]
    private FeedStore Feeds { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired]
    public required ArticleListParameters Parameters { get; set; }

    [Parameter]
    public bool IsSignedIn { get; set; }

    private IReadOnlyCollection<string> Flags =>
        [.. Parameters.Unread == "true" ? ["unread"] : Array.Empty<string>(), .. Parameters.Saved == "true" ? ["saved"] : Array.Empty<string>()];

    protected override async Task OnInitializedAsync()
    {
        sources = await Articles.SourcesAsync();
        feeds = await Feeds.ListAsync(null);
    }

    private void ChooseFlags(IReadOnlyCollection<string>? flags) => Go(Parameters with
    {
        Unread = flags?.Contains("unread") == true ? "true" : null,
        Saved = flags?.Contains("saved") == true ? "true" : null,
    });

    /// <summary>A changed filter starts again from the newest articles.</summary>
    private void Go(ArticleListParameters parameters) => Navigation.NavigateTo((parameters with { Before = null }).ToAddress());
}
