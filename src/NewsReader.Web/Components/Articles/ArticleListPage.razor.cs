using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NewsReader.Data.Articles;
using NewsReader.Data.Reading;
using NewsReader.Web.Accounts;
using NewsReader.Web.Articles;

namespace NewsReader.Web.Components.Articles;

/// <summary>The front page: one page of articles, newest first, with the filters and the cursor in the address, so
/// that back, forward and a shared link give the same page. Only the page shown is loaded and carried into the circuit.</summary>
public sealed partial class ArticleListPage : IDisposable
{
    private int arrived;

    [Inject]
    private ArticleStore Store { get; set; } = null!;

    [Inject]
    private ReadingStore Reading { get; set; } = null!;

    [Inject]
    private ArticleArrivals Arrivals { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "before")]
    public string? Before { get; set; }

    [SupplyParameterFromQuery(Name = "source")]
    public string? Source { get; set; }

    [SupplyParameterFromQuery(Name = "language")]
    public string? Language { get; set; }

    [SupplyParameterFromQuery(Name = "entity")]
    public string? Entity { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "unread")]
    public string? Unread { get; set; }

    [SupplyParameterFromQuery(Name = "saved")]
    public string? Saved { get; set; }

    [SupplyParameterFromQuery(Name = "feed")]
    public string? Feed { get; set; }

    /// <summary>The page shown, carried from the prerender into the circuit so it is read once.</summary>
    [PersistentState]
    public ArticlePage? Page { get; set; }

    /// <summary>The address <see cref="Page"/> was read for: a navigation to another address reads again.</summary>
    [PersistentState]
    public string? PageAddress { get; set; }

    private ArticleListParameters Parameters { get; set; } = new();

    private string? ReaderId { get; set; }

    private string? Problem { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        ReaderId = Authentication is null ? null : (await Authentication).User.ReaderId();
        Parameters = new ArticleListParameters(null, Before, Source, Language, Entity, From, To, Unread, Saved, Feed);
        var (query, problem) = Parameters.Read(ReaderId);
        Problem = problem;
        var address = Parameters.ToAddress();
        if (query is null || (Page is not null && PageAddress == address))
        {
            return;
        }

        (Page, PageAddress) = (null, address);
        Page = await Store.PageAsync(query);
    }

    /// <summary>Once the page is live, it hears of articles a feed poll adds, and says how many; the list itself stays as
    /// it is until the reader asks to see them, so nothing moves under their eyes.</summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            Arrivals.Arrived += OnArrived;
        }
    }

    private void OnArrived(int count) => InvokeAsync(() =>
    {
        arrived += count;
        StateHasChanged();
    });

    /// <summary>The first page of the same filters, read again.</summary>
    private async Task ShowArrivalsAsync()
    {
        arrived = 0;
        var first = Parameters with { Before = null };
        if (first.Read(ReaderId).Query is { } query)
        {
            (Page, PageAddress) = (await Store.PageAsync(query), first.ToAddress());
        }

        Navigation.NavigateTo(first.ToAddress());
    }

    public void Dispose() => Arrivals.Arrived -= OnArrived;

    private async Task MarkPageReadAsync()
    {
        if (ReaderId is null || Page is null)
        {
            return;
        }

        await Reading.MarkReadAsync(ReaderId, Page.Items.Select(a => a.Id).ToList());
        Page = Page with { Items = Page.Items.Select(a => a with { IsRead = true }).ToList() };
    }

    private async Task SetSavedAsync(ArticleSummary article, bool saved)
    {
        if (ReaderId is null || Page is null || !await Reading.SetSavedAsync(ReaderId, article.Id, saved))
        {
            return;
        }

        Page = Page with { Items = Page.Items.Select(a => a.Id == article.Id ? a with { IsSaved = saved } : a).ToList() };
    }
}
