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

/// <summary>Writes a comment, tags and colour for a new passage or an existing annotation (an <see cref="AnnotationForm"/>),
/// and saves them. What the reader types is also kept in the browser until it is saved, so a dropped connection or a
/// reload loses nothing; a save based on an outdated version shows both versions instead of overwriting.</summary>
public sealed partial class AnnotationEditor : IAsyncDisposable
{
    private static int editors;
    private readonly string id = $"annotation-editor-{Interlocked.Increment(ref editors)}";
    private AnnotationForm form = null!;
    /// <summary>Write (0) or Preview (1).</summary>
    private int tab;
    private MudTextField<string?>? commentField;
    private ComponentModule module = null!;

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

    private string CounterClass => form.CommentTooLong ? "counter over mud-error-text" : "counter mud-text-secondary";

    protected override void OnInitialized()
    {
        form = new AnnotationForm(Editing, RecoveredComment);
        module = new ComponentModule(JS, "./Components/Annotations/AnnotationEditor.razor.js");
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && await module.LoadAsync())
        {
            await (commentField?.FocusAsync() ?? ValueTask.CompletedTask);
        }
    }

    private async Task SaveAsync()
    {
        if (!Writes.TryWrite(ReaderId))
        {
            // Kept in the editor (and in the browser's draft), so nothing typed is lost.
            Problem = L[CircuitWrites.Refusal, F.Number(Writes.PerMinute)];
            return;
        }

        var draft = form.ToDraft(Editing?.Position ?? Passage);
        try
        {
            var saved = Editing is null
                ? await Store.CreateAsync(ArticleId, ReaderId, draft)
                : await Store.UpdateAsync(Editing.Id, ReaderId, form.BaseVersion, draft);
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
        form.BaseVersion = Conflict!.Version;
        await SaveAsync();
    }

    private void UseTheirs()
    {
        form.Take(Conflict!);
        Conflict = null;
    }

    /// <summary>Escape closes the editor only while nothing has been typed, so a stray key never costs words.</summary>
    private async Task EscapeAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape" && form.CommentUnchanged && Conflict is null)
        {
            await CancelAsync();
        }
    }

    private async Task CancelAsync()
    {
        await ForgetDraftAsync();
        await OnCancel.InvokeAsync();
    }

    private ValueTask ForgetDraftAsync() => module.InvokeVoidAsync("forget", Key);

    public ValueTask DisposeAsync() => module.DisposeAsync();
}
