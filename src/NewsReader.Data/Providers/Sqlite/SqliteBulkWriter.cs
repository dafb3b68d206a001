using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Entities;
using NewsReader.Data.Importing;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>Writes a batch of new articles through commands prepared once for the batch. Values go through the model's
/// own converters, so the file gets what EF would give it. The batch's mentions go in one statement (a JSON array read
/// by <c>json_each</c>) and its entity-article rows in another, summed from the mentions: a statement a row cost
/// 7–11 µs each, for some twenty of each an article.</summary>
internal sealed class SqliteBulkWriter : IArticleBulkWriter
{
    public IBulkIndexWriter? Index => null;

    /// <summary>A bulk import touches more of the indexes than the default 2 MiB page cache holds, and checkpoints the
    /// write-ahead log every 64 MiB rather than every 4 MiB: a checkpoint copies every page it holds back into the file,
    /// and the search indexes' pages change in every batch (docs/performance.md).</summary>
    public Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;", cancellationToken);

    public async Task<List<int>> WriteAsync(
        NewsReaderDbContext db, IReadOnlyList<PreparedArticle> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write needs a transaction.");
        await using var batch = new Batch(db, db.Database.GetDbConnection(), transaction);
        return await batch.WriteAsync(articles, now, cancellationToken);
    }

    private sealed class Batch : IAsyncDisposable
    {
        private readonly NewsReaderDbContext db;
        private readonly DbCommand article;
        private readonly DbCommand mentions;
        private readonly DbCommand entityArticle;
        private readonly DbCommand counts;
        private readonly DbCommand days;
        private readonly DbCommand search;
        private readonly DbCommand terms;
        private readonly DbCommand lastId;

        public Batch(NewsReaderDbContext db, DbConnection connection, DbTransaction transaction)
        {
            this.db = db;
            article = Command(connection, transaction,
                """
                INSERT INTO "Articles" ("SourceKey", "Title", "Body", "Language", "Direction", "Source", "Dateline", "PublishedAt",
                    "DateKnown", "ContentHash", "NormalizedHash", "ImportedAt", "UpdatedAt")
                VALUES (@key, @title, @body, @language, @direction, @source, @dateline, @published, @known, @content, @normalized, @now, @now)
                """,
                "key", "title", "body", "language", "direction", "source", "dateline", "published", "known", "content", "normalized", "now");
            mentions = Command(connection, transaction,
                """
                INSERT INTO "Mentions" ("ArticleId", "EntityId", "Start", "Length", "Text", "Source")
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, @source FROM json_each(@mentions)
                """,
                "mentions", "source");
            entityArticle = Command(connection, transaction,
                """
                INSERT INTO "EntityArticles" ("ArticleId", "EntityId", "PublishedAt", "Mentions")
                SELECT m."ArticleId", m."EntityId", a."PublishedAt", COUNT(*)
                FROM "Mentions" AS m JOIN "Articles" AS a ON a."Id" = m."ArticleId"
                WHERE m."ArticleId" BETWEEN @first AND @last
                GROUP BY m."ArticleId", m."EntityId"
                """,
                "first", "last");
            counts = Command(connection, transaction,
                """UPDATE "Entities" SET "ArticleCount" = "ArticleCount" + @articles, "MentionCount" = "MentionCount" + @mentions WHERE "Id" = @entity""",
                "articles", "mentions", "entity");
            days = Command(connection, transaction,
                """
                INSERT INTO "EntityDays" ("EntityId", "Day", "Articles", "Mentions") VALUES (@entity, @day, @articles, @mentions)
                ON CONFLICT ("EntityId", "Day") DO UPDATE
                SET "Articles" = "EntityDays"."Articles" + excluded."Articles", "Mentions" = "EntityDays"."Mentions" + excluded."Mentions"
                """,
                "entity", "day", "articles", "mentions");
            search = Command(connection, transaction, SqliteSearchIndex.InsertTextSql, "id", "title", "body");
            terms = Command(connection, transaction, SqliteSearchIndex.InsertTermsSql, "id", "terms");
            lastId = Command(connection, transaction, "SELECT last_insert_rowid()");
        }

        public async Task<List<int>> WriteAsync(IReadOnlyList<PreparedArticle> articles, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var ids = new List<int>(articles.Count);
            var tallies = new EntityTallies();
            foreach (var prepared in articles)
            {
                ids.Add(await WriteAsync(prepared, now, tallies, cancellationToken));
            }

            // The batch holds the write lock, so every id from its first to its last is one of its articles.
            if (ids.Count > 0)
            {
                await ExecuteAsync(mentions, cancellationToken, MentionRows(articles, ids), Stored<Mention>(nameof(Mention.Source), MentionSource.Gazetteer));
                await ExecuteAsync(entityArticle, cancellationToken, ids[0], ids[^1]);
            }

            foreach (var (entity, (articleCount, mentionCount)) in tallies.Entities)
            {
                await ExecuteAsync(counts, cancellationToken, articleCount, mentionCount, entity);
            }

            foreach (var ((entity, day), (articleCount, mentionCount)) in tallies.Days)
            {
                await ExecuteAsync(days, cancellationToken, entity, day, articleCount, mentionCount);
            }

            return ids;
        }

        private async Task<int> WriteAsync(
            PreparedArticle prepared, DateTimeOffset now, EntityTallies tallies, CancellationToken cancellationToken)
        {
            var draft = prepared.Draft!;
            var published = Stored<Article>(nameof(Article.PublishedAt), draft.PublishedAt.ToUniversalTime());
            SetAll(article,
                draft.SourceKey, draft.Title, draft.Body, draft.Language, Stored<Article>(nameof(Article.Direction), prepared.Direction),
                draft.Source, draft.Dateline, published, draft.DateKnown, prepared.ContentHash, prepared.NormalizedHash, Stored<Article>(nameof(Article.ImportedAt), now));
            await article.ExecuteNonQueryAsync(cancellationToken);
            var id = Convert.ToInt32(await lastId.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var group in prepared.Mentions!.GroupBy(m => m.EntityId))
            {
                tallies.Add(group.Key, draft.PublishedAt, group.Count());
            }

            var entry = prepared.Search!;
            await ExecuteAsync(search, cancellationToken, id, entry.Title, entry.Body);
            await ExecuteAsync(terms, cancellationToken, id, entry.Terms);
            return id;
        }

        /// <summary>Arabic as itself rather than escaped: the array is read by SQLite, not by a browser.</summary>
        private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>Every mention of the batch as <c>[article, entity, start, length, text]</c>.</summary>
        private static string MentionRows(IReadOnlyList<PreparedArticle> articles, List<int> ids)
        {
            var buffer = new ArrayBufferWriter<byte>(articles.Count * 2048);
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                json.WriteStartArray();
                foreach (var (prepared, id) in articles.Zip(ids))
                {
                    var body = prepared.Draft!.Body;
                    foreach (var found in prepared.Mentions!)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(id);
                        json.WriteNumberValue(found.EntityId);
                        json.WriteNumberValue(found.Start);
                        json.WriteNumberValue(found.Length);
                        json.WriteStringValue(body.AsSpan(found.Start, found.Length));
                        json.WriteEndArray();
                    }
                }

                json.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>A value as the store keeps it: through the property's converter, as EF would write it.</summary>
        private object? Stored<TEntity>(string property, object? value)
        {
            var converter = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter;
            return converter is null ? value : converter.ConvertToProvider(value);
        }

        private static async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken, params object?[] values)
        {
            SetAll(command, values);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static void SetAll(DbCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
        }

        private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }

            command.Prepare();
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { article, mentions, entityArticle, days, counts, search, terms, lastId })
            {
                await command.DisposeAsync();
            }
        }
    }
}
