using NewsReader.Core.Annotations;
using NewsReader.Core.Entities;
using NewsReader.Core.Search;
using NewsReader.Core.Text;
using NewsReader.Data.Entities;

namespace NewsReader.Data.Search;

/// <summary>What to look for: words of the text (<see cref="Query"/>), an entity by key, or both;
/// <see cref="Type"/> keeps only entities of that type when the words name an entity. <see cref="WithKey"/> is a second
/// entity the articles must mention as well (Aleppo with Syria).</summary>
public sealed record SearchRequest(
    string? Query, EntityType? Type = null, string? EntityKey = null, int Page = 1, int PageSize = 10, string? WithKey = null)
{
    public const int MaxPageSize = 50;

    /// <summary>What is wrong with the request, in words for a reader; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Query is { Length: > SearchQuery.MaxLength })
        {
            problems.Add($"The query is longer than {SearchQuery.MaxLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Query) && string.IsNullOrWhiteSpace(EntityKey))
        {
            problems.Add("Type a word, a name or a place to search for.");
        }

        if (WithKey is not null && EntityKey is null)
        {
            problems.Add("A second entity goes with a first: give entity as well as with.");
        }

        if (Page < 1)
        {
            problems.Add("The page number starts at 1.");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            problems.Add($"A page holds from 1 to {MaxPageSize} results.");
        }

        return problems;
    }

    /// <summary>The request's words, once the request is known to be valid.</summary>
    internal SearchQuery ToQuery() =>
        Validate() is [var problem, ..] ? throw new ArgumentException(problem, nameof(SearchRequest)) : SearchQuery.Parse(Query);
}

public sealed record SearchHit(
    int ArticleId, string Title, string Language, DateTimeOffset PublishedAt, int MentionCount, IReadOnlyList<Snippet> Snippets);

/// <summary>One page of results; <see cref="Entities"/> are the entities searched for, and
/// <see cref="Suggestions"/> entity names close to the query, offered when nothing was found. <see cref="Total"/> is exact
/// up to <see cref="SearchOptions.ExactTotalUpTo"/>; past it, <see cref="TotalIsExact"/> is false and there are more.</summary>
public sealed record SearchResult(
    int Total, IReadOnlyList<SearchHit> Items, IReadOnlyList<EntitySummary> Entities, IReadOnlyList<EntityDetails> Suggestions,
    bool TotalIsExact = true);

/// <summary>One of the reader's annotations found by a search: <see cref="QuoteHighlights"/> are the matched
/// words and mentions within its quote.</summary>
public sealed record AnnotationHit(Annotation Annotation, string ArticleTitle, string Language, IReadOnlyList<TextSpan> QuoteHighlights);

public sealed record AnnotationSearchResult(int Total, IReadOnlyList<AnnotationHit> Items);
