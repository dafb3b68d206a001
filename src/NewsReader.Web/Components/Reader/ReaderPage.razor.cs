using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Annotations;
using NewsReader.Web.Components.Entities;
using NewsReader.Web.Components.Preferences;

namespace NewsReader.Web.Components.Reader;

/// <summary>The reader: the article with its marks and highlights, the entity and annotation panels. What the reader is
/// doing lives in <see cref="ReaderState"/>; this page reads the article, keeps the script attached and re-renders on
/// every change of the state.</summary>
public sealed partial class ReaderPage : IAsyncDisposable
{
    private ElementReference bodyContainer;
    private ReaderScript? script;
    private string? chosenPlace;

    [Inject]
    private ArticleStore Articles { get; set; } = null!;

    [Inject]
    private ReaderState State { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ReadingPreferencesState Preferences { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private const int MaxCarriedAnnotations = 100;

    [Parameter]
    public int Id { get; set; }

    /// <summary>Carried from the prerender into the circuit, so the text is read once and never flickers.</summary>
    [PersistentState]
    public Article? Article { get; set; }

    [PersistentState]
    public IReadOnlyList<ArticleMention>? Mentions { get; set; }

    [PersistentState]
    public IReadOnlyList<VisibleAnnotation>? Annotations { get; set; }

    [PersistentState]
    public IReadOnlyDictionary<string, string>? EntityNames { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override void OnInitialized()
    {
        State.Changed += OnChanged;
        State.TooManyWrites += OnTooManyWrites;
        Preferences.Changed += OnChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        var user = Authentication is null ? null : (await Authentication).User;
        State.SignedInAs(user?.ReaderId(), user?.IsEditor() ?? false);
        if (State.Article?.Id == Id)
        {
            return; // parameters set again (the sign-in state arrived): the article is open
        }

        // Carried from the prerender; else (another article in the same page, or one too large to carry) read here.
        var carried = Article?.Id == Id;
        var article = carried ? Article : await Articles.FindAsync(Id);
        if (article is null)
        {
            Navigation.NotFound();
            return;
        }

        await State.OpenAsync(article, carried ? Mentions : null, carried ? Annotations : null, carried ? EntityNames : null);
        if (!RendererInfo.IsInteractive)
        {
            // What rides along to the circuit, within its budget: the text with its mentions, then the annotations.
            var textSize = CarriedState.SizeOf(article, State.Mentions);
            var text = textSize <= CarriedState.MaxBytes;
            var all = text && State.Annotations.Count <= MaxCarriedAnnotations
                && textSize + CarriedState.SizeOf(State.Annotations, State.EntityNames) <= CarriedState.MaxBytes;
            (Article, Mentions) = text ? (article, State.Mentions) : (null, null);
            (Annotations, EntityNames) = all ? (State.Annotations, State.EntityNames) : (null, null);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (script is null && State.Article is { } article && RendererInfo.IsInteractive)
        {
            script = new ReaderScript(JS, State);
            await script.AttachAsync(bodyContainer, State.ReaderId is { } reader ? CommentDraft.Prefix(reader, article.Id) : null);
            await GoToLinkedAnnotationAsync();
        }

        if (script is not null)
        {
            await script.AfterRenderAsync();
        }
    }

    /// <summary>A link such as /articles/1#annotation-{id} (from search) opens that annotation and shows its passage.</summary>
    private async Task GoToLinkedAnnotationAsync()
    {
        const string prefix = "#annotation-";
        var fragment = new Uri(Navigation.Uri).Fragment;
        if (fragment.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(fragment[prefix.Length..], out var id)
            && State.Annotations.FirstOrDefault(a => a.Annotation.Id == id)?.Annotation is { } linked)
        {
            State.RevealCurrent = true;
            await State.GoToAsync(linked);
        }
    }

    /// <summary>An Editor tags the selected passage: as a spelling of an entity, or as a new one.</summary>
    private async Task TagAsync()
    {
        if (State.BeginTagging() is not { } text)
        {
            return;
        }

        var dialog = await Dialogs.ShowAsync<TagEntityForm>(L["Tag as entity"], new DialogParameters<TagEntityForm>
        {
            { f => f.Text, text },
            { f => f.ArticleId, State.Article!.Id },
        });
        await dialog.Result;
        await State.EndTaggingAsync();
    }

    /// <summary>The panel's entity or the map's place: its next mention comes into view, with its card.</summary>
    private Task StepAsync(string key) =>
        State.NextMention(key) is { } start && script is not null ? script.GoToMentionAsync(start) : Task.CompletedTask;

    private Task ChoosePlaceAsync(string key)
    {
        chosenPlace = key;
        return StepAsync(key);
    }

    private void OnChanged() => InvokeAsync(StateHasChanged);

    private void OnTooManyWrites(int perMinute) => InvokeAsync(() => Snackbar.Add(L[CircuitWrites.Refusal, F.Number(perMinute)], Severity.Warning));

    public async ValueTask DisposeAsync()
    {
        State.Changed -= OnChanged;
        State.TooManyWrites -= OnTooManyWrites;
        Preferences.Changed -= OnChanged;
        if (script is not null)
        {
            await script.DisposeAsync();
        }
    }
}
