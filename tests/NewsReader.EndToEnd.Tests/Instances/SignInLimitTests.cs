using System.Net;
using System.Text.RegularExpressions;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>Guessing passwords through the sign-in page is limited per address as through the API
/// (<c>NewsReader:SignInsPerMinute</c>), on an instance of its own so that the limit is low.</summary>
public sealed partial class SignInLimitTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("newsreader-signin-").FullName;
    private AppProcess instance = null!;

    public async Task InitializeAsync()
    {
        instance = AppProcess.StartWeb([
            $"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "signin.db")}", $"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}",
            "--NewsReader:SignInsPerMinute=3"]);
        await instance.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        await instance.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_fourth_password_in_a_minute_from_one_address_gets_429_and_the_page_still_opens()
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = instance.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var page = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
                ["Input.Email"] = "someone@newsreader.test",
                ["Input.Password"] = $"Guess-{attempt}",
            });
            using var response = await http.PostAsync(new Uri("/account/login", UriKind.Relative), form);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var again = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
