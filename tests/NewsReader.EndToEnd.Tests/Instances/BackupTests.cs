using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>A backup made while the app runs, verified, and restored as docs/deployment.md says: an instance started
/// on the copy has what the reader wrote, and the reader is still signed in.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("newsreader-backup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[] Store(string file) =>
        [$"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, file)}", $"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}"];

    [Fact]
    public async Task A_backup_of_a_running_store_verifies_and_restores_with_the_readers_annotations_and_sign_in()
    {
        var cookies = new CookieContainer();
        int seed;
        await using (var live = AppProcess.StartWeb(Store("live.db")))
        {
            await live.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = live.BaseAddress };
            var account = new { email = "backup@newsreader.test", password = NewsReaderApp.Password };
            (await http.PostAsJsonAsync(new Uri("/api/account/register", UriKind.Relative), account)).EnsureSuccessStatusCode();
            await http.SignInByCookieAsync(account);
            using (var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/articles", UriKind.Relative))))
            {
                seed = list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
            }

            using var created = await http.PostAnnotationAsync(seed, W3CAnnotations.Of("نزوحا كثيفا تحت وطأة هجوم عنيف", "قبل النسخ").ToJsonString());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var backup = await AppProcess.RunCommandAsync(["backup", Path.Combine(folder, "copy.db"), .. Store("live.db")]);
            Assert.Equal(0, backup.ExitCode);
            Assert.Contains("Backed up to ", backup.Output, StringComparison.Ordinal);
            var again = await AppProcess.RunCommandAsync(["backup", Path.Combine(folder, "copy.db"), .. Store("live.db")]);
            Assert.Equal((1, true), (again.ExitCode, again.Output.Contains("a backup never overwrites a file", StringComparison.Ordinal)));
        }

        var verify = await AppProcess.RunCommandAsync(["verify", .. Store("copy.db")]);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("Verified 1 articles", verify.Output, StringComparison.Ordinal);
        Assert.Contains("sound", verify.Output, StringComparison.Ordinal);

        await using var restored = AppProcess.StartWeb(Store("copy.db"));
        await restored.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        using var reader = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = restored.BaseAddress };
        using var annotations = JsonDocument.Parse(await reader.GetStringAsync(new Uri($"/api/articles/{seed}/annotations", UriKind.Relative)));
        var annotation = Assert.Single(annotations.RootElement.GetProperty("first").GetProperty("items").EnumerateArray());
        Assert.Equal("قبل النسخ", annotation.GetProperty("body")[0].GetProperty("value").GetString());
    }
}
