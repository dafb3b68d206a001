using NewsReader.Web.Accounts;
using NewsReader.Web.Api;
using NewsReader.Web.Components;
using NewsReader.Web.Hosting;
using NewsReader.Web.Importing;

// `import <file|folder|feed-url>...` imports articles and exits; anything else runs the web app.
var importTargets = ImportCommand.Targets(args, out var hostArgs);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddNewsReaderLogging(quiet: importTargets is not null);
builder.AddNewsReaderDatabase();
builder.AddNewsReaderInstances(run: importTargets is null);
builder.AddNewsReaderSecurity();
builder.AddNewsReaderRequestLimits();
builder.AddNewsReaderAccounts();
builder.Services.AddNewsReaderUi();
builder.Services.AddNewsReaderImports();
builder.AddNewsReaderJobs(run: importTargets is null);
builder.AddNewsReaderFeeds(run: importTargets is null);
builder.Services.AddProblemDetails();
builder.Services.AddNewsReaderOpenApi();
builder.Services.AddNewsReaderHealth();

var app = builder.Build();

await app.InitializeDatabaseAsync();
if (importTargets is not null)
{
    return await app.RunImportAsync(importTargets);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseNewsReaderForwardedHeaders();
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
app.MapArticleEndpoints();
app.MapEntityEndpoints();
app.MapSearchEndpoints();
app.MapAnnotationEndpoints();
app.MapFeedEndpoints();
app.MapNewsReaderAccounts();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
