using Microsoft.EntityFrameworkCore;

namespace NewsReader.Data.Entities;

/// <summary>From an entity's key (the id URLs and the API use) to its row id, which the indexes hold.</summary>
internal static class EntityKeys
{
    /// <summary>The entity's row id, or null when no entity has the key.</summary>
    public static Task<int?> EntityIdAsync(this NewsReaderDbContext db, string key, CancellationToken cancellationToken) =>
        db.Entities.Where(e => e.Key == key).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
}
