using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>Keeps <c>EntityArticles</c> (which articles mention each entity, with the article's date and the count), its
/// rollup by day (<c>EntityDays</c>) and each entity's counts of articles and mentions in step with the mentions: a save
/// that changes an article's mentions or date rebuilds that article's rows, in its transaction
/// (<see cref="Search.IndexChanges"/>), and a deletion takes them away.</summary>
internal static class EntityArticleIndex
{
    /// <summary>Rebuilds the rows of these articles from their mentions.</summary>
    public static async Task RebuildAsync(NewsReaderDbContext db, IEnumerable<int> articleIds, CancellationToken cancellationToken)
    {
        foreach (var id in articleIds.Distinct())
        {
            await RemoveAsync(db, id, cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "EntityArticles" ("ArticleId", "EntityId", "PublishedAt", "Mentions")
                SELECT m."ArticleId", m."EntityId", a."PublishedAt", COUNT(*)
                FROM "Mentions" m JOIN "Articles" a ON a."Id" = m."ArticleId"
                WHERE m."ArticleId" = {id}
                GROUP BY m."ArticleId", m."EntityId", a."PublishedAt"
                """,
                cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE "Entities" SET "ArticleCount" = "ArticleCount" + 1, "MentionCount" = "MentionCount" + ea."Mentions"
                FROM "EntityArticles" ea WHERE ea."ArticleId" = {id} AND ea."EntityId" = "Entities"."Id"
                """,
                cancellationToken);
            if (await DayOfAsync(db, id, cancellationToken) is { } day)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "EntityDays" ("EntityId", "Day", "Articles", "Mentions")
                    SELECT "EntityId", {day}, 1, "Mentions" FROM "EntityArticles" WHERE "ArticleId" = {id}
                    ON CONFLICT ("EntityId", "Day") DO UPDATE
                    SET "Articles" = "EntityDays"."Articles" + 1, "Mentions" = "EntityDays"."Mentions" + excluded."Mentions"
                    """,
                    cancellationToken);
            }
        }
    }

    /// <summary>Takes an article's rows away, and its share of its entities' counts.</summary>
    public static async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        if (await DayOfAsync(db, articleId, cancellationToken) is { } day)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE "EntityDays" SET "Articles" = "EntityDays"."Articles" - 1, "Mentions" = "EntityDays"."Mentions" - ea."Mentions"
                FROM "EntityArticles" ea WHERE ea."ArticleId" = {articleId} AND ea."EntityId" = "EntityDays"."EntityId" AND "EntityDays"."Day" = {day}
                """,
                cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"EntityDays\" WHERE \"Day\" = {day} AND \"Articles\" <= 0", cancellationToken);
        }

        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Entities" SET "ArticleCount" = "ArticleCount" - 1, "MentionCount" = "MentionCount" - ea."Mentions"
            FROM "EntityArticles" ea WHERE ea."ArticleId" = {articleId} AND ea."EntityId" = "Entities"."Id"
            """,
            cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"EntityArticles\" WHERE \"ArticleId\" = {articleId}", cancellationToken);
    }

    /// <summary>The day an article's rows are counted on (the date they carry), or null when it has none.</summary>
    private static async Task<int?> DayOfAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        var published = await db.EntityArticles.Where(e => e.ArticleId == articleId)
            .Select(e => (DateTimeOffset?)e.PublishedAt).FirstOrDefaultAsync(cancellationToken);
        return published is { } at ? EntityDay.Of(at) : null;
    }
}
