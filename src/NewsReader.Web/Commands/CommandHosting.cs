using NewsReader.Data.Importing;
using NewsReader.Data.Maintenance;
using NewsReader.Data.Providers;

namespace NewsReader.Web.Commands;

/// <summary>The commands the app's executable runs instead of serving (<see cref="CommandLine"/>), each against the
/// configured database, printing to the console, ending with an exit code.</summary>
internal static class CommandHosting
{
    public static void AddNewsReaderCommands(this IServiceCollection services) =>
        services.AddHttpClient(ImportCommand.Name, client => client.Timeout = TimeSpan.FromSeconds(30));

    public static Task<int> RunCommandAsync(this WebApplication app, CommandLine command)
    {
        var services = app.Services;
        var stopping = app.Lifetime.ApplicationStopping;
        return command.Name switch
        {
            ImportCommand.Name => new ImportCommand(services.GetRequiredService<ArticleBatchImporter>(), services.GetRequiredService<IHttpClientFactory>(), Console.Out)
                .RunAsync(command.Arguments, stopping),
            BackupCommand.Name => new BackupCommand(services.GetRequiredService<DatabaseConnection>(), Console.Out).RunAsync(command.Arguments, stopping),
            _ => new VerifyCommand(services.GetRequiredService<StoreVerifier>(), Console.Out).RunAsync(command.Arguments, stopping),
        };
    }
}
