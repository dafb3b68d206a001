using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;
using NewsReader.Data.Annotations;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Annotations;
using NewsReader.Web.Components.Entities;
using NewsReader.Web.Components.Preferences;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Components.Reader;

public sealed partial class ReaderPage : IAsyncDisposable
{
    private readonly Dictionary<string, EntityDetails> details = new(StringComparer.Ordinal);
    private IReadOnlySet<EntityType> hiddenTypes = new HashSet<EntityType>();
    private ElementReference bodyContainer;
    private IJSObjectReference? module;
    private DotNetObjectReference<ReaderPage>? self;
    private Card? card;
    private Selection? selection;
    private Guid? current;
    private Editor? editor;
    private IReadOnlyList<CommentDraft> drafts = [];
    private (IReadOnlyList<VisibleAnnotation>? Annotations, IReadOnlyList<ArticleMention>? Mentions) painted;
    private string? readerId;
    private bool isEditor;
    private bool tagging;
    private bool cardHovered;
    private bool revealCurrent;

    [Inject]
    private ArticleStore Articles { get; set; } = null!;

    [Inject]
    private EntityStore Entities { get; set; } = null!;

    [Inject]
    private AnnotationStore AnnotationStore { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ReadingPreferencesState Preferences { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Parameter]
    public int Id { get; set; }

    /// <summary>Carried from the prerender into the circuit, so the text is read once and never flickers.</summary>
    [PersistentState]
    public Article? Article { get; set; }

    private ArticleScript? Script => Article is { } article ? new(article.Language, article.Direction.ToHtml()) : null;

    [PersistentState]
    public IReadOnlyList<ArticleMention>? Mentions { get; set; }

    [PersistentState]
    public IReadOnlyList<VisibleAnnotation>? Annotations { get; set; }

    /// <summary>The names of the entities the annotations are about, of those that still exist.</summary>
    [PersistentState]
    public IReadOnlyDictionary<string, string>? EntityNames { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The reader's own annotations, for drafts and editing.</summary>
    private List<Annotation> Own => (Annotations ?? []).Where(a => a.IsOwn).Select(a => a.Annotation).ToList();


    private Dictionary<EntityType, int> CountsByType =>
        (Mentions ?? []).GroupBy(m => m.Entity.Type).ToDictionary(g => g.Key, g => g.Count());

    protected override void OnInitialized() => Preferences.Changed += OnPreferencesChanged;

    protected override async Task OnParametersSetAsync()
    {
        var user = Authentication is null ? null : (await Authentication).User;
        (readerId, isEditor) = (user?.ReaderId(), user?.IsEditor() ?? false);
        if (Article?.Id != Id)
        {
            Article = await Articles.FindAsync(Id);
            Mentions = Article is null ? [] : await Entities.MentionsOfArticleAsync(Id);
            await LoadAnnotationsAsync(Id);
        }

        if (Article is null)
        {
            Navigation.NotFound();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (module is null && Article is not null && RendererInfo.IsInteractive)
        {
            self = DotNetObjectReference.Create(this);
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Reader/ReaderPage.razor.js");
            await module.InvokeVoidAsync("attach", bodyContainer, self);
            await module.InvokeVoidAsync("goToLinkedMention");
            await GoToLinkedAnnotationAsync();
            drafts = readerId is null ? [] : await module.InvokeAsync<CommentDraft[]>("savedDrafts", CommentDraft.Prefix(readerId, Article.Id));
            if (drafts.Count > 0)
            {
                StateHasChanged();
            }
        }

        if (module is not null && revealCurrent && current is { } id)
        {
            revealCurrent = false;
            await module.InvokeVoidAsync("reveal", $"annotation-{id}");
        }

        // Highlights live outside the DOM (CSS Custom Highlight API) as ranges over the body's text nodes:
        // they are repainted when the annotations change, or the marks do (which replaces the text nodes).
        if (module is not null && (!ReferenceEquals(painted.Annotations, Annotations) || !ReferenceEquals(painted.Mentions, Mentions)))
        {
            painted = (Annotations, Mentions);
            var highlights = (Annotations ?? []).Select(a => a.Annotation).Where(a => a.Anchor != AnchorKind.Orphan)
                .Select(a => new { a.Start, a.End, Color = a.Color.ToString().ToLowerInvariant() });
            await module.InvokeVoidAsync("paintHighlights", bodyContainer, highlights);
        }
    }

    private async Task HighlightAsync(HighlightColor color)
    {
        if (selection is not { } passage || Article is null || readerId is null)
        {
            return;
        }

        await AnnotationStore.CreateAsync(Article.Id, readerId, new AnnotationDraft(new(passage.Start, passage.End), color));
        await LoadAnnotationsAsync(Article.Id);
        await LetGoOfSelectionAsync();
    }

    /// <summary>The passage is taken: the browser's selection goes too, so the next drag starts a new one
    /// (a drag that starts inside a selection would move its text instead).</summary>
    private async Task LetGoOfSelectionAsync()
    {
        selection = null;
        if (module is not null)
        {
            await module.InvokeVoidAsync("clearSelection");
        }
    }

    private async Task CommentAsync(Selection passage)
    {
        editor = new Editor(new(passage.Start, passage.End), null, null);
        await LetGoOfSelectionAsync();
    }

    private void Edit(Annotation annotation) => editor = new Editor(annotation.Position, annotation, null);

    private async Task SavedAsync(Annotation saved)
    {
        editor = null;
        current = saved.Id;
        revealCurrent = true;
        await LoadAnnotationsAsync(saved.ArticleId);
    }

    private async Task ReloadAnnotationsAsync()
    {
        if (Article is not null)
        {
            await LoadAnnotationsAsync(Article.Id);
        }
    }

    private async Task LoadAnnotationsAsync(int articleId)
    {
        Annotations = await AnnotationStore.ListVisibleAsync(articleId, readerId);
        EntityNames = await Entities.NamesAsync(Annotations.SelectMany(a => a.Annotation.EntityKeys).Distinct().ToList(), UiFormats.Language);
    }

    /// <summary>The entities mentioned in a passage: what the reader may say it is about.</summary>
    private List<EntitySummary> EntitiesIn(TextPositionSelector passage) =>
        (Mentions ?? []).Where(m => m.Start < passage.End && m.Start + m.Length > passage.Start)
            .Select(m => m.Entity).DistinctBy(e => e.Key).ToList();

    private void RestoreDraft(CommentDraft draft)
    {
        var target = draft.Target(Own, Article?.Body.Length ?? 0);
        if (target is null || Article is null)
        {
            return;
        }

        editor = target.Value.Editing is { } annotation
            ? new Editor(annotation.Position, annotation, draft.Comment)
            : new Editor(target.Value.Passage, null, draft.Comment);
        drafts = drafts.Where(d => d != draft).ToList();
    }

    private async Task DiscardDraftAsync(CommentDraft draft)
    {
        drafts = drafts.Where(d => d != draft).ToList();
        if (module is not null)
        {
            await module.InvokeVoidAsync("forgetDraft", draft.Key);
        }
    }

    /// <summary>A link such as /articles/1#annotation-{id} (from search) opens that annotation and shows its passage.</summary>
    private async Task GoToLinkedAnnotationAsync()
    {
        const string prefix = "#annotation-";
        var fragment = new Uri(Navigation.Uri).Fragment;
        if (fragment.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(fragment[prefix.Length..], out var id)
            && Annotations?.FirstOrDefault(a => a.Annotation.Id == id)?.Annotation is { } linked)
        {
            revealCurrent = true;
            await GoToAnnotationAsync(linked);
            StateHasChanged();
        }
    }

    private async Task GoToAnnotationAsync(Annotation annotation)
    {
        current = annotation.Id;
        if (module is not null)
        {
            await module.InvokeVoidAsync("goToPassage", bodyContainer, annotation.Start, annotation.End);
        }
    }

    private async Task DeleteAnnotationAsync(Annotation annotation)
    {
        if (readerId is null)
        {
            return;
        }

        var deleted = await AnnotationStore.DeleteAsync(annotation.Id, readerId);
        await LoadAnnotationsAsync(annotation.ArticleId);
        if (deleted is not null)
        {
            Snackbar.Add(L["Highlight deleted."], Severity.Normal, options =>
            {
                options.Action = L["Undo"];
                options.ActionColor = Color.Primary;
                options.OnClick = _ => UndoDeleteAsync(deleted);
            });
        }
    }

    private async Task ShareAsync(Annotation annotation)
    {
        if (readerId is not null)
        {
            await AnnotationStore.SetSharedAsync(annotation.Id, readerId, !annotation.Shared);
            await LoadAnnotationsAsync(annotation.ArticleId);
        }
    }

    private async Task UndoDeleteAsync(Annotation deleted)
    {
        await AnnotationStore.RestoreAsync(deleted);
        await LoadAnnotationsAsync(deleted.ArticleId);
        StateHasChanged();
    }

    /// <summary>Called from the page's script when a mark is hovered or focused.</summary>
    [JSInvokable]
    public async Task ShowCard(int start, double left, double top)
    {
        var mention = Mentions?.FirstOrDefault(m => m.Start == start);
        if (mention is null)
        {
            return;
        }

        if (!details.TryGetValue(mention.Entity.Key, out var entity))
        {
            entity = await Entities.FindAsync(mention.Entity.Key);
            if (entity is null)
            {
                return;
            }

            details[entity.Key] = entity;
        }

        card = new Card(start, entity, left, top);
        StateHasChanged();
    }

    [JSInvokable]
    public void HideCard(bool force)
    {
        if (card is null || (cardHovered && !force))
        {
            return;
        }

        card = null;
        cardHovered = false;
        StateHasChanged();
    }

    /// <summary>Called from the page's script with the selection's offsets in the stored body.</summary>
    [JSInvokable]
    public void SelectionChanged(int start, int end, double left, double top)
    {
        if (Article is null || start < 0 || end > Article.Body.Length || end <= start)
        {
            return;
        }

        var passage = Graphemes.Widen(Article.Body, start, end);
        selection = new Selection(passage.Start, passage.End, left, top);
        tagging = false;
        StateHasChanged();
    }

    /// <summary>Called from the page's script when the reader clicks in the text: a highlight there opens in the panel.</summary>
    [JSInvokable]
    public void OpenAnnotationAt(int offset)
    {
        var hit = (Annotations ?? []).Select(a => a.Annotation).Where(a => a.Anchor != AnchorKind.Orphan && a.Start <= offset && offset < a.End)
            .MinBy(a => a.End - a.Start);
        if (hit is not null)
        {
            current = hit.Id;
            revealCurrent = true;
            StateHasChanged();
        }
    }

    /// <summary>Keyboard shortcuts on the current selection: h highlights, c comments, Escape lets go.</summary>
    [JSInvokable]
    public async Task Shortcut(string key)
    {
        switch (key)
        {
            case "h" when selection is not null && editor is null && !tagging && readerId is not null:
                await HighlightAsync(HighlightColor.Yellow);
                break;
            case "c" when selection is { } passage && editor is null && !tagging && readerId is not null:
                await CommentAsync(passage);
                break;
            case "Escape":
                selection = null;
                tagging = false;
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    [JSInvokable]
    public void SelectionCleared()
    {
        if (selection is not null && !tagging)
        {
            selection = null;
            StateHasChanged();
        }
    }

    /// <summary>An Editor tags the selected passage: as a spelling of an entity, or as a new one.</summary>
    private async Task TagAsync()
    {
        if (selection is not { } passage || Article is null || !isEditor)
        {
            return;
        }

        tagging = true;
        var dialog = await Dialogs.ShowAsync<TagEntityForm>(L["Tag as entity"], new DialogParameters<TagEntityForm>
        {
            { f => f.Text, Article.Body[passage.Start..passage.End] },
            { f => f.ArticleId, Article.Id },
        });
        await dialog.Result;
        await TaggingDoneAsync();
    }

    private async Task TaggingDoneAsync()
    {
        tagging = false;
        selection = null;
        details.Clear();
        if (Article is not null)
        {
            Mentions = await Entities.MentionsOfArticleAsync(Article.Id);
        }
    }

    private async Task GoToMentionAsync(int start)
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync("goTo", start);
        }
    }

    private async Task DismissAsync()
    {
        if (card is null || Article is null || !isEditor)
        {
            return;
        }

        await Entities.DismissAsync(Article.Id, card.Start);
        Mentions = await Entities.MentionsOfArticleAsync(Article.Id);
        details.Remove(card.Entity.Key);
        card = null;
    }

    private void OnPreferencesChanged() => InvokeAsync(StateHasChanged);

    public async ValueTask DisposeAsync()
    {
        Preferences.Changed -= OnPreferencesChanged;
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("detach", bodyContainer);
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page's script with it.
            }
        }

        self?.Dispose();
    }

    private sealed record Editor(TextPositionSelector Passage, Annotation? Editing, string? RecoveredComment);

    private sealed record Card(int Start, EntityDetails Entity, double Left, double Top);

    private sealed record Selection(int Start, int End, double Left, double Top)
    {
        public string Position => FloatingPosition.Below(Left, Top);
    }
}
