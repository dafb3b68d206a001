using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Web.Components.Annotations;

namespace NewsReader.Web.Components.Reader;

/// <summary>The reader page's script (<c>ReaderPage.razor.js</c> and its modules) seen from .NET: what the page asks of
/// it, and what it reports (hover, selection, clicks, shortcuts), passed on to the <see cref="ReaderState"/>.</summary>
public sealed class ReaderScript(IJSRuntime js, ReaderState state) : IAsyncDisposable
{
    private IJSObjectReference? module;
    private DotNetObjectReference<ReaderScript>? self;
    private ElementReference body;
    private bool disposed;
    private (IReadOnlyList<VisibleAnnotation>? Annotations, IReadOnlyList<ArticleMention>? Mentions) painted;

    public bool IsAttached => module is not null;

    /// <summary>Starts listening on the article's body, and offers the reader's unsaved comments on it.</summary>
    public async Task AttachAsync(ElementReference articleBody, string? draftPrefix)
    {
        body = articleBody;
        self = DotNetObjectReference.Create(this);
        var loaded = await js.InvokeAsync<IJSObjectReference>("import", "./Components/Reader/ReaderPage.razor.js");
        if (disposed)
        {
            // The reader left the page while its script loaded. A late call would throw, and the layout's error
            // boundary, which outlives the page, would show the failure on the next one.
            await loaded.DisposeAsync();
            return;
        }

        module = loaded;
        state.PassageWanted += GoToPassageAsync;
        state.SelectionTaken += ClearSelectionAsync;
        await module.InvokeVoidAsync("attach", body, self);
        if (disposed)
        {
            return;
        }

        await module.InvokeVoidAsync("goToLinkedMention");
        if (draftPrefix is null || disposed)
        {
            return;
        }

        var drafts = await module.InvokeAsync<CommentDraft[]?>("savedDrafts", draftPrefix);
        if (!disposed)
        {
            state.OfferDrafts(drafts ?? []);
        }
    }

    /// <summary>After a render: the current annotation brought into view, and the highlights painted again when the
    /// annotations or the marks changed (the marks replace the text nodes the highlights' ranges are over).</summary>
    public async Task AfterRenderAsync()
    {
        if (module is null)
        {
            return;
        }

        if (state.RevealCurrent && state.Current is { } id)
        {
            state.RevealCurrent = false;
            await module.InvokeVoidAsync("reveal", $"annotation-{id}");
        }

        if (!ReferenceEquals(painted.Annotations, state.Annotations) || !ReferenceEquals(painted.Mentions, state.Mentions))
        {
            painted = (state.Annotations, state.Mentions);
            var highlights = state.Annotations.Select(a => a.Annotation).Where(a => a.Anchor != AnchorKind.Orphan)
                .Select(a => new { a.Start, a.End, Color = a.Color.ToString().ToLowerInvariant() });
            await module.InvokeVoidAsync("paintHighlights", body, highlights);
        }
    }

    public async Task GoToMentionAsync(int start)
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync("goTo", start);
        }
    }

    public async Task ForgetDraftAsync(CommentDraft draft)
    {
        state.ForgetDraft(draft);
        if (module is not null)
        {
            await module.InvokeVoidAsync("forgetDraft", draft.Key);
        }
    }

    [JSInvokable]
    public Task ShowCard(int start, double left, double top) => state.ShowCardAsync(start, left, top);

    [JSInvokable]
    public void HideCard(bool force) => state.HideCard(force);

    /// <summary>The selection's offsets in the stored body, and where it is on screen.</summary>
    [JSInvokable]
    public void SelectionChanged(int start, int end, double left, double top) => state.Select(start, end, left, top);

    [JSInvokable]
    public void SelectionCleared() => state.SelectionCleared();

    [JSInvokable]
    public void OpenAnnotationAt(int offset) => state.OpenAt(offset);

    [JSInvokable]
    public Task Shortcut(string key) => state.ShortcutAsync(key);

    private async Task GoToPassageAsync(Annotation annotation)
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync("goToPassage", body, annotation.Start, annotation.End);
        }
    }

    private async Task ClearSelectionAsync()
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync("clearSelection");
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        state.PassageWanted -= GoToPassageAsync;
        state.SelectionTaken -= ClearSelectionAsync;
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("detach", body);
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page's script with it.
            }

            module = null;
        }

        self?.Dispose();
    }
}
