using NewsReader.Data.Importing;

namespace NewsReader.Web.Importing;

internal static class ImportHosting
{
    public static void AddNewsReaderImports(this IServiceCollection services) =>
        services.AddHttpClient(ImportCommand.Name, client => client.Timeout = TimeSpan.FromSeconds(30));

    /// <summary>Runs the import command against the app's database, printing to the console.</summary>
    public static async Task<int> RunImportAsync(this WebApplication app, IReadOnlyList<string> targets)
    {
        var command = new ImportCommand(
            app.Services.GetRequiredService<ArticleBatchImporter>(), app.Services.GetRequiredService<IHttpClientFactory>(), Console.Out);
        return await command.RunAsync(targets, app.Lifetime.ApplicationStopping);
    }
}
