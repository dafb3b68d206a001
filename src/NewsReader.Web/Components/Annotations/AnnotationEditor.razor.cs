using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Reader;

namespace NewsReader.Web.Components.Annotations;

/// <summary>Writes a comment, tags and colour for a new passage or an existing annotation, and saves them.
/// What the reader types is also kept in the browser until it is saved, so a dropped connection or a reload
/// loses nothing; a save based on an outdated version shows both versions instead of overwriting.</summary>
public sealed partial class AnnotationEditor : IAsyncDisposable
{
    private static int editors;
    private readonly string id = $"annotation-editor-{Interlocked.Increment(ref editors)}";
    private readonly HashSet<string> entityKeys = new(StringComparer.Ordinal);
    private List<string> tags = [];
    private HighlightColor color;
    private string? comment;
    private string? newTag;
    /// <summary>Write (0) or Preview (1).</summary>
    private int tab;
    private int baseVersion;
    private MudTextField<string?>? commentField;
    private ElementReference tagsBox;
    private IJSObjectReference? module;
    private bool disposed;

    [Inject]
    private AnnotationStore Store { get; set; } = null!;

    [Inject]
    private CircuitWrites Writes { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired]
    public required int ArticleId { get; set; }

    /// <summary>The signed-in reader, who owns what is saved.</summary>
    [Parameter, EditorRequired]
    public required string ReaderId { get; set; }

    /// <summary>The passage as stored in the body.</summary>
    [Parameter, EditorRequired]
    public required string Quote { get; set; }

    /// <summary>The passage of a new annotation; ignored when <see cref="Editing"/> is set.</summary>
    [CascadingParameter]
    public ArticleScript? Script { get; set; }

    [Parameter]
    public TextPositionSelector Passage { get; set; }

    /// <summary>The annotation being edited, or null for a new one.</summary>
    [Parameter]
    public Annotation? Editing { get; set; }

    /// <summary>A comment the browser kept from an earlier, unsaved edit.</summary>
    [Parameter]
    public string? RecoveredComment { get; set; }

    /// <summary>Entities the reader may say the passage is about: those mentioned in it.</summary>
    [Parameter]
    public IReadOnlyList<EntitySummary> Candidates { get; set; } = [];

    [Parameter]
    public EventCallback<Annotation> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private string? Problem { get; set; }

    private Annotation? Conflict { get; set; }

    private string Key => CommentDraft.KeyFor(ReaderId, ArticleId, Editing, Passage);

    private string CounterClass => (comment ?? "").Length > AnnotationDraft.MaxCommentLength ? "counter over mud-error-text" : "counter mud-text-secondary";

    protected override void OnInitialized()
    {
        color = Editing?.Color ?? HighlightColor.Yellow;
        comment = RecoveredComment ?? Editing?.Comment;
        tags = [.. Editing?.Tags ?? []];
        entityKeys.UnionWith(Editing?.EntityKeys ?? []);
        baseVersion = Editing?.Version ?? 0;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            var loaded = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Annotations/AnnotationEditor.razor.js");
            if (disposed)
            {
                // Closed while its script loaded: the tag box is gone, and a failed call would fail the reader page.
                await loaded.DisposeAsync();
                return;
            }

            module = loaded;
            await module.InvokeVoidAsync("chipOnEnter", tagsBox);
            await (commentField?.FocusAsync() ?? ValueTask.CompletedTask);
        }
    }

    /// <summary>Enter or a comma turns the typed text into a chip (the script keeps them from submitting or
    /// being typed); Backspace in an empty box removes the last chip.</summary>
    private void TagKey(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or ",")
        {
            AddTag();
        }
        else if (e.Key == "Backspace" && string.IsNullOrEmpty(newTag) && tags.Count > 0)
        {
            tags.RemoveAt(tags.Count - 1);
        }
    }

    private void AddTag()
    {
        var tag = newTag?.Trim().TrimEnd(',');
        if (string.IsNullOrEmpty(tag))
        {
            return;
        }

        if (!tags.Contains(tag, StringComparer.Ordinal))
        {
            tags.Add(tag);
        }

        newTag = null;
    }

    private void ChooseEntities(IReadOnlyCollection<string?>? keys)
    {
        entityKeys.Clear();
        entityKeys.UnionWith(keys?.OfType<string>() ?? []);
    }

    private async Task SaveAsync()
    {
        if (!Writes.TryWrite(ReaderId))
        {
            // Kept in the editor (and in the browser's draft), so nothing typed is lost.
            Problem = L[CircuitWrites.Refusal, F.Number(Writes.PerMinute)];
            return;
        }

        AddTag();
        var draft = new AnnotationDraft(Editing?.Position ?? Passage, color, comment, tags, [.. entityKeys]);
        try
        {
            var saved = Editing is null
                ? await Store.CreateAsync(ArticleId, ReaderId, draft)
                : await Store.UpdateAsync(Editing.Id, ReaderId, baseVersion, draft);
            Problem = null;
            Conflict = null;
            await ForgetDraftAsync();
            await OnSaved.InvokeAsync(saved);
        }
        catch (InvalidAnnotationException e)
        {
            Problem = string.Join(" ", e.Problems);
        }
        catch (AnnotationConflictException e)
        {
            Problem = null;
            Conflict = e.Stored;
        }
        catch (AnnotationNotFoundException)
        {
            Problem = "This annotation was deleted elsewhere. Your comment is kept in this browser; copy it before you cancel.";
        }
    }

    private async Task KeepMineAsync()
    {
        baseVersion = Conflict!.Version;
        await SaveAsync();
    }

    /// <summary>Takes the saved version into the editor, where the reader may still change it.</summary>
    private void UseTheirs()
    {
        var stored = Conflict!;
        (color, comment, tags, baseVersion) = (stored.Color, stored.Comment, [.. stored.Tags], stored.Version);
        entityKeys.Clear();
        entityKeys.UnionWith(stored.EntityKeys);
        Conflict = null;
    }

    /// <summary>Escape closes the editor only while nothing has been typed, so a stray key never costs words.</summary>
    private async Task EscapeAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape" && comment == (RecoveredComment ?? Editing?.Comment) && Conflict is null)
        {
            await CancelAsync();
        }
    }

    private async Task CancelAsync()
    {
        await ForgetDraftAsync();
        await OnCancel.InvokeAsync();
    }

    private async Task ForgetDraftAsync()
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync("forget", Key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the draft stays in the browser's storage.
            }
        }
    }
}
