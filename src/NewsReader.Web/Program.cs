using NewsReader.Web.Accounts;
using NewsReader.Web.Api;
using NewsReader.Web.Commands;
using NewsReader.Web.Components;
using NewsReader.Web.Hosting;
using NewsReader.Web.Localization;

// `import <file|folder|feed-url>...`, `backup <file>` and `verify [--repair]` run and exit; anything else runs the web app.
var command = CommandLine.Parse(args, out var hostArgs);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddNewsReaderLogging(quiet: command is not null);
builder.AddNewsReaderDatabase();
builder.AddNewsReaderInstances(run: command is null);
builder.AddNewsReaderSecurity();
builder.AddNewsReaderRequestLimits();
builder.AddNewsReaderAccounts();
builder.Services.AddNewsReaderUi();
builder.Services.AddNewsReaderLocalization();
builder.Services.AddNewsReaderCommands();
builder.AddNewsReaderJobs(run: command is null);
builder.AddNewsReaderFeeds(run: command is null);
builder.Services.AddProblemDetails();
builder.Services.AddNewsReaderOpenApi();
builder.Services.AddNewsReaderHealth();
builder.AddNewsReaderMetrics();

var app = builder.Build();

await app.InitializeDatabaseAsync();
if (command is not null)
{
    return await app.RunCommandAsync(command);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseNewsReaderForwardedHeaders();
app.UseNewsReaderLocalization();
app.UseNewsReaderSecurityHeaders();
app.UseNewsReaderRequestLimits();
app.UseNewsReaderRequestLogging();
app.UseNewsReaderStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapNewsReaderHealth();
app.MapNewsReaderOpenApi();
app.MapNewsReaderMetrics();
app.MapArticleEndpoints();
app.MapEntityEndpoints();
app.MapCoverageEndpoints();
app.MapSearchEndpoints();
app.MapAnnotationEndpoints();
app.MapFeedEndpoints();
app.MapAntiforgeryToken();
app.MapNewsReaderAccounts();
app.MapNewsReaderLanguage();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
