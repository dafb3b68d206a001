using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Annotations;
using NewsReader.Web.Components.Map;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Components.Reader;

/// <summary>The article being read and what the reader is doing with it: its annotations, the passage selected, the
/// comment being written, the entity card shown. One per circuit (as eShop's <c>BasketState</c>); the reader page and
/// its panels read it and subscribe to <see cref="Changed"/>, and the page's script reports into it.</summary>
public sealed class ReaderState(AnnotationStore annotationStore, EntityStore entities, CircuitWrites writes)
{
    private readonly Dictionary<string, EntityDetails> details = new(StringComparer.Ordinal);

    /// <summary>For each entity stepped through, the index of the mention last gone to.</summary>
    private readonly Dictionary<string, int> steps = new(StringComparer.Ordinal);

    /// <summary>Something shown changed.</summary>
    public event Action? Changed;

    /// <summary>A write was refused: the reader's allowance of writes a minute (the argument) is used up.</summary>
    public event Action<int>? TooManyWrites;

    /// <summary>The page's script should bring this annotation's passage into view.</summary>
    public event Func<Annotation, Task>? PassageWanted;

    /// <summary>A selection was taken (highlighted, commented, tagged): the browser's selection should go too, so the next
    /// drag starts a new one.</summary>
    public event Func<Task>? SelectionTaken;

    public Article? Article { get; private set; }

    public IReadOnlyList<ArticleMention> Mentions { get; private set; } = [];

    /// <summary>The article's places that have coordinates, weighed by how often the article names each.</summary>
    public IReadOnlyList<MapMarker> Places { get; private set; } = [];

    public IReadOnlyList<VisibleAnnotation> Annotations { get; private set; } = [];

    /// <summary>The names of the entities the annotations are about, of those that still exist.</summary>
    public IReadOnlyDictionary<string, string> EntityNames { get; private set; } = new Dictionary<string, string>();

    public string? ReaderId { get; private set; }

    public bool IsEditor { get; private set; }

    public PassageSelection? Selection { get; private set; }

    /// <summary>The annotation last opened from the text or saved.</summary>
    public Guid? Current { get; private set; }

    /// <summary>Set when <see cref="Current"/> should be scrolled into view in the panel once rendered.</summary>
    public bool RevealCurrent { get; set; }

    public CommentEditing? Editor { get; private set; }

    public MentionCardState? Card { get; private set; }

    public bool Tagging { get; private set; }

    public IReadOnlyList<CommentDraft> Drafts { get; private set; } = [];

    public IReadOnlySet<EntityType> HiddenTypes { get; private set; } = new HashSet<EntityType>();

    public ArticleScript? Script => Article is { } article ? new(article.Language, article.Direction.ToHtml()) : null;

    public Dictionary<EntityType, int> CountsByType => Mentions.GroupBy(m => m.Entity.Type).ToDictionary(g => g.Key, g => g.Count());

    public int MentionsOfCard => Card is { } card ? Mentions.Count(m => m.Entity.Key == card.Entity.Key) : 0;

    /// <summary>Starts on an article, with what the prerender already read (or reads it).</summary>
    public async Task OpenAsync(Article article, IReadOnlyList<ArticleMention>? mentions, IReadOnlyList<VisibleAnnotation>? annotations,
        IReadOnlyDictionary<string, string>? entityNames)
    {
        ArgumentNullException.ThrowIfNull(article);
        (Article, Selection, Current, Editor, Card, Tagging, Drafts) = (article, null, null, null, null, false, []);
        details.Clear();
        steps.Clear();
        Mentions = mentions ?? await entities.MentionsOfArticleAsync(article.Id);
        await LocatePlacesAsync();
        if (annotations is null || entityNames is null)
        {
            await LoadAnnotationsAsync();
        }
        else
        {
            (Annotations, EntityNames) = (annotations, entityNames);
        }
    }

    /// <summary>The start of the entity's next mention, round to the first again: each choice of an entity in the panel
    /// or on the map steps through its mentions.</summary>
    public int? NextMention(string key)
    {
        var starts = Mentions.Where(m => m.Entity.Key == key).Select(m => m.Start).ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        steps[key] = (steps.GetValueOrDefault(key, -1) + 1) % starts.Count;
        return starts[steps[key]];
    }

    /// <summary>Who reads, as the circuit now knows it (it is checked again while the tab is open).</summary>
    public void SignedInAs(string? readerId, bool isEditor)
    {
        if ((ReaderId, IsEditor) != (readerId, isEditor))
        {
            (ReaderId, IsEditor) = (readerId, isEditor);
            Changed?.Invoke();
        }
    }

    public void SetHiddenTypes(IReadOnlySet<EntityType> hidden)
    {
        HiddenTypes = hidden;
        Changed?.Invoke();
    }

    public List<Annotation> Own => Annotations.Where(a => a.IsOwn).Select(a => a.Annotation).ToList();

    /// <summary>The entities mentioned in a passage: what the reader may say it is about.</summary>
    public List<EntitySummary> EntitiesIn(TextPositionSelector passage) =>
        Mentions.Where(m => m.Start < passage.End && m.Start + m.Length > passage.Start).Select(m => m.Entity).DistinctBy(e => e.Key).ToList();

    public void Select(int start, int end, double left, double top)
    {
        if (Article is null || start < 0 || end > Article.Body.Length || end <= start)
        {
            return;
        }

        var passage = Graphemes.Widen(Article.Body, start, end);
        (Selection, Tagging) = (new PassageSelection(passage.Start, passage.End, left, top), false);
        Changed?.Invoke();
    }

    public void SelectionCleared()
    {
        if (Selection is not null && !Tagging)
        {
            Selection = null;
            Changed?.Invoke();
        }
    }

    public async Task HighlightAsync(HighlightColor color)
    {
        if (Selection is not { } passage || Article is null || !MayWrite())
        {
            return;
        }

        await annotationStore.CreateAsync(Article.Id, ReaderId!, new AnnotationDraft(new(passage.Start, passage.End), color));
        await LoadAnnotationsAsync();
        await LetGoOfSelectionAsync();
    }

    /// <summary>Whether the signed-in reader may write now; when not, says so to whoever listens.</summary>
    private bool MayWrite()
    {
        if (ReaderId is null)
        {
            return false;
        }

        if (writes.TryWrite(ReaderId))
        {
            return true;
        }

        TooManyWrites?.Invoke(writes.PerMinute);
        return false;
    }

    public async Task CommentAsync()
    {
        if (Selection is { } passage && ReaderId is not null)
        {
            Editor = new CommentEditing(new(passage.Start, passage.End), null, null);
            await LetGoOfSelectionAsync();
        }
    }

    public void Edit(Annotation annotation)
    {
        Editor = new CommentEditing(annotation.Position, annotation, null);
        Changed?.Invoke();
    }

    public void CloseEditor()
    {
        Editor = null;
        Changed?.Invoke();
    }

    public async Task SavedAsync(Annotation saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        (Editor, Current, RevealCurrent) = (null, saved.Id, true);
        await LoadAnnotationsAsync();
    }

    /// <summary>Deletes one of the reader's annotations; the deleted one is returned, for an undo.</summary>
    public async Task<Annotation?> DeleteAsync(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (!MayWrite())
        {
            return null;
        }

        var deleted = await annotationStore.DeleteAsync(annotation.Id, ReaderId!);
        await LoadAnnotationsAsync();
        return deleted;
    }

    public async Task UndoDeleteAsync(Annotation deleted)
    {
        if (!MayWrite())
        {
            return;
        }

        await annotationStore.RestoreAsync(deleted);
        await LoadAnnotationsAsync();
    }

    public async Task ToggleSharedAsync(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (MayWrite())
        {
            await annotationStore.SetSharedAsync(annotation.Id, ReaderId!, !annotation.Shared);
            await LoadAnnotationsAsync();
        }
    }

    public async Task GoToAsync(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        Current = annotation.Id;
        Changed?.Invoke();
        if (PassageWanted is { } wanted)
        {
            await wanted(annotation);
        }
    }

    /// <summary>A click in the text: the smallest highlight there opens in the panel.</summary>
    public void OpenAt(int offset)
    {
        var hit = Annotations.Select(a => a.Annotation).Where(a => a.Anchor != AnchorKind.Orphan && a.Start <= offset && offset < a.End)
            .MinBy(a => a.End - a.Start);
        if (hit is not null)
        {
            (Current, RevealCurrent) = (hit.Id, true);
            Changed?.Invoke();
        }
    }

    /// <summary>Keyboard shortcuts on the current selection: h highlights, c comments, Escape lets go.</summary>
    public async Task ShortcutAsync(string key)
    {
        var free = Editor is null && !Tagging && ReaderId is not null;
        switch (key)
        {
            case "h" when Selection is not null && free:
                await HighlightAsync(HighlightColor.Yellow);
                break;
            case "c" when Selection is not null && free:
                await CommentAsync();
                break;
            case "Escape":
                (Selection, Tagging) = (null, false);
                Changed?.Invoke();
                break;
        }
    }

    public async Task ShowCardAsync(int start, double left, double top)
    {
        var mention = Mentions.FirstOrDefault(m => m.Start == start);
        if (mention is null)
        {
            return;
        }

        if (!details.TryGetValue(mention.Entity.Key, out var entity))
        {
            entity = await entities.FindAsync(mention.Entity.Key);
            if (entity is null)
            {
                return;
            }

            details[entity.Key] = entity;
        }

        Card = new MentionCardState(start, entity, left, top, Hovered: false);
        Changed?.Invoke();
    }

    public void HoverCard(bool hovered)
    {
        if (Card is { } card)
        {
            Card = card with { Hovered = hovered };
        }
    }

    public void HideCard(bool force)
    {
        if (Card is null || (Card.Hovered && !force))
        {
            return;
        }

        Card = null;
        Changed?.Invoke();
    }

    /// <summary>An Editor says the mention under the card is not that entity.</summary>
    public async Task DismissCardMentionAsync()
    {
        if (Card is not { } card || Article is null || !IsEditor)
        {
            return;
        }

        await entities.DismissAsync(Article.Id, card.Start);
        await RefreshMentionsAsync();
        Card = null;
        Changed?.Invoke();
    }

    /// <summary>The selected passage an Editor is about to tag, or null.</summary>
    public string? BeginTagging()
    {
        if (Selection is not { } passage || Article is null || !IsEditor)
        {
            return null;
        }

        Tagging = true;
        return Article.Body[passage.Start..passage.End];
    }

    public async Task EndTaggingAsync()
    {
        (Tagging, Selection) = (false, null);
        await RefreshMentionsAsync();
        Changed?.Invoke();
    }

    public void OfferDrafts(IReadOnlyList<CommentDraft> drafts)
    {
        Drafts = drafts;
        Changed?.Invoke();
    }

    public void RestoreDraft(CommentDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Article is null || draft.Target(Own, Article.Body.Length) is not { } target)
        {
            return;
        }

        Editor = new CommentEditing(target.Passage, target.Editing, draft.Comment);
        ForgetDraft(draft);
    }

    public void ForgetDraft(CommentDraft draft)
    {
        Drafts = Drafts.Where(d => d != draft).ToList();
        Changed?.Invoke();
    }

    public async Task LoadAnnotationsAsync()
    {
        if (Article is null)
        {
            return;
        }

        Annotations = PanelQuotes.Shortened(await annotationStore.ListVisibleAsync(Article.Id, ReaderId));
        EntityNames = await entities.NamesAsync(Annotations.SelectMany(a => a.Annotation.EntityKeys).Distinct().ToList(), UiFormats.Language);
        Changed?.Invoke();
    }

    private async Task RefreshMentionsAsync()
    {
        details.Clear();
        if (Article is not null)
        {
            Mentions = await entities.MentionsOfArticleAsync(Article.Id);
            await LocatePlacesAsync();
        }
    }

    private async Task LocatePlacesAsync()
    {
        var places = Mentions.Where(m => m.Entity.Type == EntityType.Place).GroupBy(m => m.Entity).ToList();
        var located = await entities.LocationsAsync(places.Select(p => p.Key.Key).ToList());
        Places = places.Where(p => located.ContainsKey(p.Key.Key))
            .Select(p => new MapMarker(p.Key.Key, p.Key.Display(), located[p.Key.Key].Latitude, located[p.Key.Key].Longitude, p.Count(), p.Key.Display()))
            .ToList();
    }

    private async Task LetGoOfSelectionAsync()
    {
        Selection = null;
        Changed?.Invoke();
        if (SelectionTaken is { } taken)
        {
            await taken();
        }
    }
}

/// <summary>The passage selected in the body, and where the selection's toolbar goes (viewport coordinates).</summary>
public sealed record PassageSelection(int Start, int End, double Left, double Top)
{
    public string Position => FloatingPosition.Below(Left, Top);
}

/// <summary>The comment editor's subject: a new passage, or an annotation being edited, with a recovered draft.</summary>
public sealed record CommentEditing(TextPositionSelector Passage, Annotation? Editing, string? RecoveredComment);

/// <summary>The entity card of the mention starting at <see cref="Start"/>.</summary>
public sealed record MentionCardState(int Start, EntityDetails Entity, double Left, double Top, bool Hovered);
