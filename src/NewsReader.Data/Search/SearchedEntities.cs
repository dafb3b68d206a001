using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;
using NewsReader.Data.Entities;

namespace NewsReader.Data.Search;

/// <summary>An entity a search looks for: its id, for the indexes, and what a reader sees of it.</summary>
internal sealed record SearchedEntity(int Id, EntitySummary Summary);

/// <summary>The entities a search is about (the one given by key, or those the words name), and names to offer when
/// nothing was found.</summary>
public sealed class SearchedEntities(EntityStore entities)
{
    // Compiled once: every search asks it, and looking a LINQ query up in EF's cache costs more than running it.
    private static readonly Func<NewsReaderDbContext, string, string, EntityType?, IAsyncEnumerable<SearchedEntity>> EntitiesNamed =
        EF.CompileAsyncQuery((NewsReaderDbContext db, string folded, string namePrefix, EntityType? type) => db.Entities
            .Where(e => type == null || e.Type == type)
            .Where(e => e.NormalizedName == folded
                || EF.Functions.Like(e.NormalizedName, namePrefix, "\\")
                || e.Aliases.Any(a => a.NormalizedText == folded))
            .Select(e => new SearchedEntity(e.Id, new EntitySummary(e.Key, e.Name, e.Type, e.Names))));

    /// <summary>The entity given by key, or else the entities one of whose spellings is exactly the query, or whose
    /// English name is the query or starts with its words ("Syrian Observatory"), after normalization.</summary>
    internal static async Task<List<SearchedEntity>> FindAsync(NewsReaderDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.EntityKey is { } key)
        {
            return await KeyedAsync(db, key, cancellationToken);
        }

        var folded = ArabicNormalizer.Fold((request.Query ?? "").Replace("\"", "", StringComparison.Ordinal).Trim());
        if (folded.Length == 0)
        {
            return [];
        }

        var named = new List<SearchedEntity>();
        var namePrefix = EntityStore.EscapeLike(folded) + " %";
        await foreach (var entity in EntitiesNamed(db, folded, namePrefix, request.Type).WithCancellation(cancellationToken))
        {
            named.Add(entity);
        }

        return named;
    }

    /// <summary>The entity with this key, alone in the list; an empty list when there is none.</summary>
    internal static Task<List<SearchedEntity>> KeyedAsync(NewsReaderDbContext db, string key, CancellationToken cancellationToken) =>
        db.Entities.Where(e => e.Key == key)
            .Select(e => new SearchedEntity(e.Id, new EntitySummary(e.Key, e.Name, e.Type, e.Names)))
            .ToListAsync(cancellationToken);

    /// <summary>Entity names close to what was typed: its words read as the start of a name.</summary>
    public async Task<IReadOnlyList<EntityDetails>> SuggestAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = (request.Query ?? "").Split([' ', '"'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.OrderByDescending(w => w.Length).Take(2))
        {
            // Shorter and shorter beginnings of the longest words, down to two letters.
            for (var length = Math.Min(word.Length, 5); length >= 2; length--)
            {
                var found = await entities.SearchAsync(word[..length], request.Type, limit: 5, cancellationToken);
                if (found.Count > 0)
                {
                    return found;
                }
            }
        }

        return [];
    }
}
