using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>Keeps one <see cref="EntityRecognizer"/> for the gazetteer as stored, and builds a new one
/// when the aliases change (any insert or delete changes the count or the highest id). Two callers that
/// see a change at once may both build; the recognizers are equal and the last one stays.</summary>
public sealed class RecognizerCache
{
    private volatile Snapshot? current;

    public async Task<EntityRecognizer> GetAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = await db.EntityAliases.CountAsync(cancellationToken);
        var maxId = await db.EntityAliases.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0;
        if (current is { } cached && cached.Count == count && cached.MaxId == maxId)
        {
            return cached.Recognizer;
        }

        var aliases = await db.EntityAliases
            .AsNoTracking()
            .Select(a => new GazetteerAlias(a.EntityId, a.Text, a.IsShort))
            .ToListAsync(cancellationToken);
        var snapshot = new Snapshot(count, maxId, new EntityRecognizer(aliases));
        current = snapshot;
        return snapshot.Recognizer;
    }

    private sealed record Snapshot(int Count, int MaxId, EntityRecognizer Recognizer);
}
