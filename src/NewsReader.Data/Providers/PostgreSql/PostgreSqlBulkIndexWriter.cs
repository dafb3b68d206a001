using Microsoft.EntityFrameworkCore;
using NewsReader.Data.Importing;
using Npgsql;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>Writes a committed batch's search entries with <c>COPY</c>, both as <c>tsvector</c> text, and adds the
/// batch's terms to their counts in one statement, in a transaction of its own. An instance starting meanwhile may
/// have indexed some of the batch's articles (finding them without entries); those are left as they are.</summary>
internal sealed class PostgreSqlBulkIndexWriter : IBulkIndexWriter
{
    public async Task WriteAsync(NewsReaderDbContext db, IReadOnlyList<PreparedArticle> articles, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var indexed = await IndexedAsync(connection, ids, cancellationToken);
        var batch = articles.Zip(ids).Where(a => !indexed.Contains(a.Second)).ToList();
        var counts = await CopyIndexEntriesAsync(connection, batch, cancellationToken);
        await AddCountsAsync(connection, counts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Which of the articles have entries already, once no repair is writing any (the shared side of
    /// <see cref="PostgreSqlSearchIndex.EntriesLock"/>, held until the transaction ends).</summary>
    private static async Task<HashSet<int>> IndexedAsync(NpgsqlConnection connection, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        // A statement of its own: the next one's snapshot must be taken once the lock is held, to see a repair's commit.
        await using (var lockEntries = new NpgsqlCommand($"SELECT pg_advisory_xact_lock_shared({PostgreSqlSearchIndex.EntriesLock})", connection))
        {
            await lockEntries.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("""SELECT "ArticleId" FROM "ArticleSearch" WHERE "ArticleId" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var indexed = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexed.Add(reader.GetInt32(0));
        }

        return indexed;
    }

    /// <summary>Both index entries, as <c>tsvector</c> text (which the server reads as a cast would); returns how many
    /// of the batch's articles hold each term.</summary>
    private static async Task<Dictionary<string, int>> CopyIndexEntriesAsync(
        NpgsqlConnection connection, IReadOnlyList<(PreparedArticle, int)> batch, CancellationToken cancellationToken)
    {
        await using (var search = await connection.BeginTextImportAsync("""COPY "ArticleSearch" ("ArticleId", "Document") FROM STDIN""", cancellationToken))
        {
            foreach (var (prepared, id) in batch)
            {
                await search.WriteAsync($"{id}\t{CopyText(TsText.Document(prepared.Search!.Title, prepared.Search.Body))}\n");
            }
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var terms = await connection.BeginTextImportAsync("""COPY "ArticleTerms" ("ArticleId", "Terms") FROM STDIN""", cancellationToken);
        foreach (var (prepared, id) in batch)
        {
            var held = TsText.Split(prepared.Search!.Terms);
            foreach (var term in held)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _)++;
            }

            await terms.WriteAsync($"{id}\t{CopyText(TsText.Terms(held))}\n");
        }

        return counts;
    }

    /// <summary>The batch's counts added to the terms' counts in one statement.</summary>
    private static async Task AddCountsAsync(NpgsqlConnection connection, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgreSqlSearchIndex.AddCountsSql, connection);
        command.Parameters.AddWithValue("terms", counts.Keys.ToArray());
        command.Parameters.AddWithValue("counts", counts.Values.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A value in <c>COPY</c>'s text format, where a backslash starts an escape and tabs and line ends separate.</summary>
    private static string CopyText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
