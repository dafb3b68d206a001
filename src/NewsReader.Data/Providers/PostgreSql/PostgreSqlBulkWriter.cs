using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;
using NewsReader.Data.Entities;
using NewsReader.Data.Importing;
using Npgsql;
using NpgsqlTypes;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>Writes a batch of new articles with <c>COPY</c>, one stream per table: the articles' ids are taken from
/// their sequence first, so that their mentions can be streamed beside them. The entities' counts are added once for
/// the whole batch. The search entries go apart (<see cref="PostgreSqlBulkIndexWriter"/>), on a second connection, so
/// that the server writes them on another core while the next batch goes in (docs/performance.md).</summary>
internal sealed class PostgreSqlBulkWriter : IArticleBulkWriter
{
    public IBulkIndexWriter? Index { get; } = new PostgreSqlBulkIndexWriter();

    public Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<List<int>> WriteAsync(
        NewsReaderDbContext db, IReadOnlyList<PreparedArticle> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk write needs a transaction.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = await db.Database
            .SqlQuery<int>($"""SELECT nextval(pg_get_serial_sequence('"Articles"', 'Id'))::int AS "Value" FROM generate_series(1, {articles.Count})""")
            .ToListAsync(cancellationToken);
        await CopyArticlesAsync(connection, articles, ids, now.ToUniversalTime(), cancellationToken);
        await CopyMentionsAsync(connection, articles, ids, cancellationToken);
        return ids;
    }

    private static async Task CopyArticlesAsync(
        NpgsqlConnection connection, IReadOnlyList<PreparedArticle> articles, List<int> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY "Articles" ("Id", "SourceKey", "Title", "Body", "Language", "Direction", "Source", "Dateline", "PublishedAt",
                "DateKnown", "ContentHash", "NormalizedHash", "ImportedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var (prepared, id) in articles.Zip(ids))
        {
            var draft = prepared.Draft!;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(draft.SourceKey, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(draft.Title, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(draft.Body, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(draft.Language, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(prepared.Direction.ToString(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(draft.Source, NpgsqlDbType.Text, cancellationToken);
            if (draft.Dateline is null)
            {
                await copy.WriteNullAsync(cancellationToken);
            }
            else
            {
                await copy.WriteAsync(draft.Dateline, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.WriteAsync(draft.PublishedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(draft.DateKnown, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(prepared.ContentHash, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(prepared.NormalizedHash, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The mentions, each article's rows of <c>EntityArticles</c>, and each entity's new counts.</summary>
    private static async Task CopyMentionsAsync(
        NpgsqlConnection connection, IReadOnlyList<PreparedArticle> articles, List<int> ids, CancellationToken cancellationToken)
    {
        var gazetteer = MentionSource.Gazetteer.ToString();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "Mentions" ("ArticleId", "EntityId", "Start", "Length", "Text", "Source") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var (prepared, id) in articles.Zip(ids))
            {
                foreach (var found in prepared.Mentions!)
                {
                    await copy.WriteRowAsync(
                        cancellationToken, id, found.EntityId, found.Start, found.Length, prepared.Draft!.Body.Substring(found.Start, found.Length), gazetteer);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var tallies = new EntityTallies();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "EntityArticles" ("ArticleId", "EntityId", "PublishedAt", "Mentions") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var (prepared, id) in articles.Zip(ids))
            {
                foreach (var group in prepared.Mentions!.GroupBy(m => m.EntityId))
                {
                    var count = group.Count();
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(group.Key, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(prepared.Draft!.PublishedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(count, NpgsqlDbType.Integer, cancellationToken);
                    tallies.Add(group.Key, prepared.Draft!.PublishedAt, count);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var counts = new NpgsqlCommand(
            """
            UPDATE "Entities" e SET "ArticleCount" = e."ArticleCount" + u.articles, "MentionCount" = e."MentionCount" + u.mentions
            FROM unnest(@ids::int[], @articles::int[], @mentions::int[]) AS u(id, articles, mentions) WHERE e."Id" = u.id
            """,
            connection);
        counts.Parameters.AddWithValue("ids", tallies.Entities.Keys.ToArray());
        counts.Parameters.AddWithValue("articles", tallies.Entities.Values.Select(v => v.Articles).ToArray());
        counts.Parameters.AddWithValue("mentions", tallies.Entities.Values.Select(v => v.Mentions).ToArray());
        await counts.ExecuteNonQueryAsync(cancellationToken);

        await using var days = new NpgsqlCommand(
            """
            INSERT INTO "EntityDays" ("EntityId", "Day", "Articles", "Mentions")
            SELECT * FROM unnest(@ids::int[], @days::int[], @articles::int[], @mentions::int[])
            ON CONFLICT ("EntityId", "Day") DO UPDATE
            SET "Articles" = "EntityDays"."Articles" + excluded."Articles", "Mentions" = "EntityDays"."Mentions" + excluded."Mentions"
            """,
            connection);
        days.Parameters.AddWithValue("ids", tallies.Days.Keys.Select(k => k.EntityId).ToArray());
        days.Parameters.AddWithValue("days", tallies.Days.Keys.Select(k => k.Day).ToArray());
        days.Parameters.AddWithValue("articles", tallies.Days.Values.Select(v => v.Articles).ToArray());
        days.Parameters.AddWithValue("mentions", tallies.Days.Values.Select(v => v.Mentions).ToArray());
        await days.ExecuteNonQueryAsync(cancellationToken);
    }
}
