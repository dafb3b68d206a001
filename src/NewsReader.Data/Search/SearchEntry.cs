using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>What the search indexes hold for one article: its title and body as stems (for <c>ArticleSearch</c>), and
/// its terms (<see cref="IndexTerms"/>, for <c>ArticleTerms</c>). Computed from the text and the mentioned entities
/// alone, so that a bulk import can compute many in parallel before it writes them.</summary>
public sealed record SearchEntry(string Title, string Body, string Terms)
{
    public static SearchEntry Of(string title, string body, IEnumerable<int> entityIds)
    {
        var titleStems = ArabicStemmer.Stems(title);
        var bodyStems = ArabicStemmer.Stems(body);
        return new SearchEntry(string.Join(' ', titleStems), string.Join(' ', bodyStems), IndexTerms.Of(titleStems, bodyStems, entityIds));
    }
}
