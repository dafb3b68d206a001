using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Data.Search;

namespace NewsReader.Data.Maintenance;

/// <summary>What <see cref="StoreVerifier"/> found: counts, and each problem in words.</summary>
public sealed record VerifyReport(int Articles, int Mentions, int Annotations, int Orphans, int Unindexed, IReadOnlyList<string> Problems)
{
    public bool IsSound => Problems.Count == 0;
}

/// <summary>Checks the store as a whole: the database's own integrity check; every article in the search index; every
/// mention inside its article's text and reading what the text says there; every annotation anchored at its quote or
/// listed as an orphan. Articles are read a batch at a time in id order, so a million never sit in memory. A repair
/// re-indexes what the index lacks and re-scans or re-anchors the articles with a problem.</summary>
public sealed class StoreVerifier(IDbContextFactory<NewsReaderDbContext> contexts, MentionScanner scanner)
{
    private const int Batch = 500;

    /// <summary>At most this many problems are described; the rest are counted.</summary>
    private const int MaxDescribed = 100;

    public async Task<VerifyReport> VerifyAsync(bool repair, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var problems = new List<string>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        problems.AddRange(await db.Provider.CheckIntegrityAsync(db, cancellationToken));
        var unindexed = await CountUnindexedAsync(db, cancellationToken);
        if (unindexed > 0)
        {
            problems.Add($"{unindexed:N0} article(s) are missing from the search index.");
            if (repair)
            {
                progress($"Indexed {await SearchIndex.IndexMissingAsync(db, cancellationToken):N0} article(s).");
            }
        }

        var (articles, mentions, annotations, orphans) = (0, 0, 0, 0);
        var damaged = new List<int>();
        for (var after = 0; ;)
        {
            var batch = await db.Articles.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch)
                .Select(a => new { a.Id, a.Body }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(a => a.Id).ToList();
            var marks = (await db.Mentions.AsNoTracking().Where(m => ids.Contains(m.ArticleId)).Select(m => new { m.ArticleId, m.Start, m.Length, m.Text })
                .ToListAsync(cancellationToken)).ToLookup(m => m.ArticleId);
            var notes = (await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.ArticleId)).Select(a => new { a.Id, a.ArticleId, a.Start, a.End, a.Exact, a.Anchor })
                .ToListAsync(cancellationToken)).ToLookup(a => a.ArticleId);
            foreach (var article in batch)
            {
                var found = problems.Count;
                foreach (var mention in marks[article.Id])
                {
                    mentions++;
                    if (!Reads(article.Body, mention.Start, mention.Start + mention.Length, mention.Text))
                    {
                        problems.Add($"Article {article.Id}: the mention “{mention.Text}” at {mention.Start} is not what its text says there.");
                    }
                }

                foreach (var note in notes[article.Id])
                {
                    annotations++;
                    if (note.Anchor == AnchorKind.Orphan)
                    {
                        orphans++;
                    }
                    else if (!Reads(article.Body, note.Start, note.End, note.Exact))
                    {
                        problems.Add($"Article {article.Id}: annotation {note.Id} is neither at its quote nor listed as an orphan.");
                    }
                }

                if (problems.Count > found)
                {
                    damaged.Add(article.Id);
                }
            }

            articles += batch.Count;
            after = batch[^1].Id;
            progress($"Checked {articles:N0} articles.");
        }

        if (repair)
        {
            foreach (var id in damaged)
            {
                await RepairAsync(id, cancellationToken);
            }

            progress($"Re-scanned and re-anchored {damaged.Count:N0} article(s).");
        }

        var described = problems.Count > MaxDescribed
            ? [.. problems.Take(MaxDescribed), $"…and {problems.Count - MaxDescribed:N0} more."]
            : problems;
        return new VerifyReport(articles, mentions, annotations, orphans, unindexed, described);
    }

    /// <summary>True when <paramref name="body"/> holds <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static bool Reads(string body, int start, int end, string text) =>
        start >= 0 && end >= start && end <= body.Length && body.AsSpan(start, end - start).SequenceEqual(text);

    private static async Task<int> CountUnindexedAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var after = 0; ;)
        {
            var ids = await db.Provider.Search.UnindexedAsync(db, after, 10_000, cancellationToken);
            if (ids.Count == 0)
            {
                return count;
            }

            count += ids.Count;
            after = ids[^1];
        }
    }

    private async Task RepairAsync(int articleId, CancellationToken cancellationToken)
    {
        await scanner.RescanAsync(articleId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Articles.FindAsync([articleId], cancellationToken) is { } article)
        {
            await AnnotationStore.StageReanchoringAsync(db, article, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
