using NewsReader.Web.Api;
using NewsReader.Web.Components;
using NewsReader.Web.Health;
using NewsReader.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsReaderLogging();
builder.AddNewsReaderDatabase();
builder.Services.AddNewsReaderUi();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.InitializeDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseNewsReaderRequestLogging();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapArticleEndpoints();
app.MapEntityEndpoints();
app.MapSearchEndpoints();
app.MapAnnotationEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
