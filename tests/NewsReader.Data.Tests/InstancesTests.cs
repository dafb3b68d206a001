using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Jobs;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Jobs;
using NewsReader.Data.Providers;
using NewsReader.Data.Subscriptions;
using NewsReader.Testing;
using Npgsql;

namespace NewsReader.Data.Tests;

/// <summary>Several app instances on one PostgreSQL database: start-up work done once, messages between instances,
/// and background work taken by one of them.</summary>
public sealed class InstancesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [PostgreSqlFact]
    public async Task Two_instances_started_at_once_on_an_empty_database_come_up_with_one_set_of_migrations_gazetteer_and_seeds()
    {
        await using var first = TestDatabase.CreateEmpty();
        await using var second = first.AnotherInstance();

        await Task.WhenAll(
            Task.Run(() => first.Initializer.InitializeAsync(RepositoryFiles.SeedsFolder)),
            Task.Run(() => second.Initializer.InitializeAsync(RepositoryFiles.SeedsFolder)));

        await using var alone = await TestDatabase.CreateSeededAsync();
        await using var context = await first.OpenAsync();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await CountsAsync(alone), await CountsAsync(first));
    }

    private static async Task<(int Entities, int Articles, int Mentions)> CountsAsync(TestDatabase db)
    {
        await using var context = await db.OpenAsync();
        return (await context.Entities.CountAsync(), await context.Articles.CountAsync(), await context.Mentions.CountAsync());
    }

    [PostgreSqlFact]
    public async Task Articles_that_arrive_on_one_instance_are_announced_on_the_others_and_not_twice_on_its_own()
    {
        await using var a = await TestDatabase.CreateAsync();
        await using var b = a.AnotherInstance();
        using var listening = new CancellationTokenSource();
        var listeners = new[] { a, b }.Select(instance => instance.Service<DatabaseNotifications>().ListenAsync(listening.Token)).ToList();
        await ListeningAsync(a, count: 2);
        var onA = new List<int>();
        var onB = new TaskCompletionSource<int>();
        a.Service<ArticleArrivals>().Arrived += onA.Add;
        b.Service<ArticleArrivals>().Arrived += count => onB.TrySetResult(count);

        a.Service<ArticleArrivals>().Publish(3);

        Assert.Equal(3, await onB.Task.WaitAsync(Patience));
        await Task.Delay(300);
        Assert.Equal([3], onA);
        await listening.CancelAsync();
        await Task.WhenAll(listeners);
    }

    [PostgreSqlFact]
    public async Task A_job_queued_on_one_instance_wakes_the_worker_of_another_at_once()
    {
        await using var a = await TestDatabase.CreateSeededAsync();
        await using var b = a.AnotherInstance();
        using var listening = new CancellationTokenSource();
        var listener = b.Service<DatabaseNotifications>().ListenAsync(listening.Token);
        await ListeningAsync(a, count: 1);
        var wakeUp = b.Service<JobSignal>();

        Assert.Null(await a.Service<ReaderTagging>().AddSpellingAsync("aleppo", "الشهباء"));

        Assert.True(await wakeUp.WaitAsync(Patience, CancellationToken.None));
        Assert.True(await b.Service<JobRunner>().RunNextAsync());
        Assert.Equal(JobState.Done, Assert.Single(await a.Service<JobStore>().RecentAsync()).State);
        Assert.False(await a.Service<JobRunner>().RunNextAsync());
        await listening.CancelAsync();
        await listener;
    }

    [PostgreSqlFact]
    public async Task A_job_whose_instance_died_is_taken_over_by_another_when_its_lease_runs_out()
    {
        await using var a = await TestDatabase.CreateSeededAsync();
        await using var b = a.AnotherInstance();
        a.Service<IOptions<JobOptions>>().Value.Lease = TimeSpan.FromSeconds(3);
        Assert.Null(await a.Service<ReaderTagging>().AddSpellingAsync("aleppo", "الشهباء"));

        // Instance A claims the job and dies before it reports anything.
        Assert.NotNull(await a.Service<JobStore>().ClaimAsync(a.Service<JobRunner>().Owner));
        Assert.False(await b.Service<JobRunner>().RunNextAsync());
        await Task.Delay(TimeSpan.FromSeconds(3.2));

        Assert.True(await b.Service<JobRunner>().RunNextAsync());
        Assert.Equal(JobState.Done, Assert.Single(await b.Service<JobStore>().RecentAsync()).State);
    }

    [PostgreSqlFact]
    public async Task A_due_feed_polled_by_two_instances_at_once_is_fetched_by_one()
    {
        await using var server = await FeedServer.StartAsync();
        await using var a = await TestDatabase.CreateSeededAsync();
        await using var b = a.AnotherInstance();
        server.ServeFeed("/wire.rss", FeedServer.Rss("Wire", ("هدنة في حلب", "https://wire.example/1", "أعلنت هدنة جديدة في حلب.")));
        var (feed, problem) = await a.Service<FeedStore>().AddAsync(new FeedRequest(server.Url("/wire.rss").ToString()));
        Assert.Null(problem);

        var polled = await Task.WhenAll(
            Task.Run(() => a.Service<FeedPoller>().PollDueAsync()),
            Task.Run(() => b.Service<FeedPoller>().PollDueAsync()));

        Assert.Equal(1, polled.Sum());
        Assert.Equal((1, 0), server.Count("/wire.rss"));
        Assert.Equal(1, (await b.Service<FeedStore>().FindAsync(feed!.Id))!.ArticleCount);
    }

    /// <summary>Waits until this many connections on the database listen for the other instances' messages.</summary>
    private static async Task ListeningAsync(TestDatabase db, int count)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", connection);
        using var timeout = new CancellationTokenSource(Patience);
        while ((int)(await query.ExecuteScalarAsync(timeout.Token))! < count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
