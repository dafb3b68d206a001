using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NewsReader.Data.Search;
using NewsReader.Web.Accounts;
using NewsReader.Web.Api;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Components.Search;

public sealed partial class SearchPage
{
    private const int PageSize = 10;
    private const string AnnotationsScope = "annotations";
    private string? problem;

    [SupplyParameterFromQuery]
    public string? Q { get; set; }

    [SupplyParameterFromQuery]
    public string? Type { get; set; }

    [SupplyParameterFromQuery]
    public string? Entity { get; set; }

    /// <summary>A second entity the articles must mention too (from an entity's "named with" list or the map).</summary>
    [SupplyParameterFromQuery(Name = "with")]
    public string? With { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Which results to show: articles, or (<c>annotations</c>) the reader's own annotations.</summary>
    [SupplyParameterFromQuery(Name = "in")]
    public string? Scope { get; set; }

    /// <summary>Carried from the prerender into the circuit with the URL it answers, so it is not run twice.</summary>
    [PersistentState]
    public SearchResult? Result { get; set; }

    /// <summary>The reader's annotations that match: a page of them on the annotations tab, else just their count.</summary>
    [PersistentState]
    public AnnotationSearchResult? Found { get; set; }

    [PersistentState]
    public string? ResultFor { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private int PageNumber => Page is > 0 ? Page.Value : 1;

    private bool InAnnotations => Scope == AnnotationsScope;

    protected override async Task OnParametersSetAsync()
    {
        problem = null;
        var key = $"{Q}\u0001{Type}\u0001{Entity}\u0001{With}\u0001{PageNumber}\u0001{Scope}";
        if (string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Entity))
        {
            Result = null;
            return;
        }

        if (ResultFor == key && Result is not null)
        {
            return;
        }

        if (!EntityTypeParameter.TryParse(Type, out var type))
        {
            problem = L["There is no entity type '{0}'. Choose people, places or organizations.", Type ?? ""];
            Result = null;
            return;
        }

        var request = new SearchRequest(
            Q, type, string.IsNullOrWhiteSpace(Entity) ? null : Entity, PageNumber, PageSize, string.IsNullOrWhiteSpace(With) ? null : With);
        if (request.Validate() is [var first, ..])
        {
            problem = L.Translate(first);
            Result = null;
            return;
        }

        // Each tab shows the other's count, so both run; the tab not shown asks for its first page only.
        var firstPage = request with { Page = 1 };
        Result = await Search.SearchAsync(InAnnotations ? firstPage : request);
        var readerId = Authentication is null ? null : (await Authentication).User.ReaderId();
        Found = readerId is null ? null : await Annotations.SearchAsync(InAnnotations ? request : firstPage, readerId);
        ResultFor = key;
    }

    /// <summary>The count on the articles' tab: a total past <see cref="SearchOptions.ExactTotalUpTo"/> is not counted.</summary>
    private string TotalText(SearchResult result) => result.TotalIsExact ? F.Number(result.Total) : L["more than {0}", F.Number(result.Total)];

    private string Summary(SearchResult result)
    {
        var count = result.TotalIsExact ? F.Count(result.Total, "{0} article", "{0} articles") : L["More than {0} articles", F.Number(result.Total)];
        var names = string.Join(string.IsNullOrWhiteSpace(With) ? L[" or "] : L[" and "], result.Entities.Select(e => e.Display()));
        var words = Q?.Trim() ?? "";
        return (string.IsNullOrWhiteSpace(Entity), string.IsNullOrWhiteSpace(Q), result.Entities.Count > 0) switch
        {
            (false, true, _) => L["{0} mentioning {1}", count, names],
            (false, false, _) => L["{0} mentioning {1} and containing “{2}”", count, names, words],
            (true, _, true) => L["{0} containing “{1}” or mentioning {2}", count, words, names],
            _ => L["{0} containing “{1}”", count, words],
        };
    }

    private string AnnotationSummary(AnnotationSearchResult found)
    {
        var count = F.Count(found.Total, "{0} of your annotations", "{0} of your annotations");
        return found.Total == 0 ? L["None of your highlights or comments match."]
            : string.IsNullOrWhiteSpace(Q) ? L["{0} are about {1}", count, string.Join(L[" or "], Result?.Entities.Select(e => e.Display()) ?? [])]
            : L["{0} match “{1}”", count, Q.Trim()];
    }

    private string Link(string? type = null, int? page = null, string? scope = null)
    {
        var parameters = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parameters.Add($"q={Uri.EscapeDataString(Q)}");
        }

        if (!string.IsNullOrWhiteSpace(Entity))
        {
            parameters.Add($"entity={Uri.EscapeDataString(Entity)}");
        }

        if (!string.IsNullOrWhiteSpace(With))
        {
            parameters.Add($"with={Uri.EscapeDataString(With)}");
        }

        var chosenType = type ?? Type;
        if (!string.IsNullOrWhiteSpace(chosenType))
        {
            parameters.Add($"type={Uri.EscapeDataString(chosenType)}");
        }

        var chosenScope = scope ?? Scope;
        if (!string.IsNullOrWhiteSpace(chosenScope))
        {
            parameters.Add($"in={Uri.EscapeDataString(chosenScope)}");
        }

        if (page is > 1)
        {
            parameters.Add($"page={page}");
        }

        return "search?" + string.Join('&', parameters);
    }
}
