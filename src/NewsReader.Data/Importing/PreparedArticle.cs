using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;
using NewsReader.Data.Search;

namespace NewsReader.Data.Importing;

/// <summary>One item of a bulk import once its CPU work is done (in parallel, before anything is written): the draft
/// or the reason it is refused, its hashes, its recognized mentions and its search entry.</summary>
internal sealed record PreparedArticle(
    string Name,
    ArticleDraft? Draft,
    string? Problem,
    string NormalizedHash = "",
    string ContentHash = "",
    TextDirection Direction = TextDirection.Rtl,
    IReadOnlyList<RecognizedMention>? Mentions = null,
    SearchEntry? Search = null)
{
    public static PreparedArticle Of(string name, ArticleDraft? draft, string? problem, EntityRecognizer recognizer)
    {
        if (draft is null)
        {
            return new PreparedArticle(name, null, problem ?? $"{name}: nothing to import.");
        }

        if (draft.Validate() is { Count: > 0 } problems)
        {
            return new PreparedArticle(name, draft, $"{name}: {string.Join(" ", problems)}");
        }

        var mentions = recognizer.Recognize(draft.Body);
        return new PreparedArticle(
            name, draft, null, draft.NormalizedHash, draft.ContentHash, draft.ResolvedDirection, mentions,
            SearchEntry.Of(draft.Title, draft.Body, mentions.Select(m => m.EntityId).Distinct()));
    }
}
