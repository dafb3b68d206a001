using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NewsReader.Core.Subscriptions;
using NewsReader.Data.Subscriptions;
using NewsReader.Web.Accounts;
using NewsReader.Web.Localization;

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

        Snackbar.Add(L["Subscribed to {0}. Its first check is under way.", feed.Url], Severity.Success);
        (draft.Url, draft.Title) = (null, null);
        await ReloadAsync();
    }

    private async Task RefreshAsync(Feed feed)
    {
        await Store.RefreshAsync(feed.Id);
        Snackbar.Add(L["Checking {0} now.", feed.Title], Severity.Info);
    }

    private async Task DeleteAsync(Feed feed)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Unsubscribe?"], L["Stop following {0}? Its articles ({1}) stay.", feed.Title, F.Number(feed.ArticleCount)], yesText: L["Unsubscribe"], cancelText: L["Keep"]);
        if (confirmed == true && await Store.DeleteAsync(feed.Id))
        {
            Snackbar.Add(L["Unsubscribed from {0}.", feed.Title], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs change)
    {
        try
        {
            using var reader = new StreamReader(change.File.OpenReadStream(Opml.MaxBytes));
            var (added, existing, problems) = await Store.ImportAsync(Opml.Read(await reader.ReadToEndAsync()));
            Snackbar.Add(problems.Count > 0
                    ? L["{0} feeds added, {1} already followed, {2} refused: {3}", F.Number(added), F.Number(existing), F.Number(problems.Count), L.Translate(problems[0])]
                    : L["{0} feeds added, {1} already followed.", F.Number(added), F.Number(existing)],
                problems.Count > 0 ? Severity.Warning : Severity.Success);
            await ReloadAsync();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Snackbar.Add($"{change.File.Name}: {L.Translate(e.Message)}", Severity.Error);
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
