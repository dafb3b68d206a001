using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NewsReader.Core.Subscriptions;
using NewsReader.Data.Subscriptions;
using NewsReader.Web.Accounts;

namespace NewsReader.Web.Components.Subscriptions;

/// <summary>The subscriptions with their state, read again every few seconds while the page is open (a poll may be under
/// way); Editors subscribe, check a feed now, unsubscribe, and trade the list as OPML.</summary>
public sealed partial class FeedsPage : IDisposable
{
    private readonly Draft draft = new();
    private Timer? timer;
    private string? problem;
    private bool busy;

    [Inject]
    private FeedStore Store { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [PersistentState]
    public IReadOnlyList<FeedView>? Feeds { get; set; }

    private string? ReaderId { get; set; }

    private bool IsEditor { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = Authentication is null ? null : (await Authentication).User;
        (ReaderId, IsEditor) = (user?.ReaderId(), user?.IsEditor() ?? false);
        Feeds ??= await Store.ListAsync(ReaderId);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            timer = new Timer(_ => InvokeAsync(ReloadAsync), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        }
    }

    private async Task ReloadAsync()
    {
        Feeds = await Store.ListAsync(ReaderId);
        StateHasChanged();
    }

    private async Task SubscribeAsync()
    {
        (busy, problem) = (true, null);
        var (feed, refused) = await Store.AddAsync(new FeedRequest(draft.Url, draft.Title, draft.Interval, draft.FullText));
        busy = false;
        if (feed is null)
        {
            problem = refused;
            return;
        }

        Snackbar.Add($"Subscribed to {feed.Url}. Its first check is under way.", Severity.Success);
        (draft.Url, draft.Title) = (null, null);
        await ReloadAsync();
    }

    private async Task RefreshAsync(Feed feed)
    {
        await Store.RefreshAsync(feed.Id);
        Snackbar.Add($"Checking {feed.Title} now.", Severity.Info);
    }

    private async Task DeleteAsync(Feed feed)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Unsubscribe?", $"Stop following {feed.Title}? Its {feed.ArticleCount:N0} articles stay.", yesText: "Unsubscribe", cancelText: "Keep");
        if (confirmed == true && await Store.DeleteAsync(feed.Id))
        {
            Snackbar.Add($"Unsubscribed from {feed.Title}.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs change)
    {
        try
        {
            using var reader = new StreamReader(change.File.OpenReadStream(Opml.MaxBytes));
            var (added, existing, problems) = await Store.ImportAsync(Opml.Read(await reader.ReadToEndAsync()));
            Snackbar.Add($"{added} feeds added, {existing} already followed{(problems.Count > 0 ? $", {problems.Count} refused: {problems[0]}" : "")}.",
                problems.Count > 0 ? Severity.Warning : Severity.Success);
            await ReloadAsync();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Snackbar.Add($"{change.File.Name}: {e.Message}", Severity.Error);
        }
    }

    public void Dispose() => timer?.Dispose();

    private sealed class Draft
    {
        public string? Url { get; set; }

        public string? Title { get; set; }

        public int Interval { get; set; } = 15;

        public bool FullText { get; set; }
    }
}
