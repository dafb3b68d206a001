using System.Net;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>What a load balancer sees of an instance whose database goes away: still live (no restart would help), no
/// longer ready (send its readers elsewhere).</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task An_instance_that_loses_its_database_stays_live_and_stops_being_ready()
    {
        var database = TestServer.NewPostgreSqlDatabase("newsreader_health");
        await using var instance = AppProcess.StartWeb([
            "--NewsReader:Database=PostgreSQL", $"--ConnectionStrings:NewsReader={database}", $"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}"]);
        await instance.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = instance.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);

        await TestServer.DropPostgreSqlDatabaseAsync(database);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
        using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }
}
