using NewsReader.Data.Providers;

namespace NewsReader.Web.Commands;

/// <summary><c>-- backup &lt;file&gt;</c>: a consistent copy of the SQLite store, made while the app runs (docs/deployment.md
/// says how to restore it, and how to back up PostgreSQL). Exit code 0 when copied, 1 when it could not be, 2 when the
/// command is used wrongly.</summary>
public sealed class BackupCommand(DatabaseConnection database, TextWriter output)
{
    public const string Name = "backup";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments is not [var file])
        {
            await output.WriteLineAsync("Usage: dotnet run --project src/NewsReader.Web -- backup <file>");
            return 2;
        }

        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists already; a backup never overwrites a file.");
            return 1;
        }

        try
        {
            await database.Provider.BackupAsync(database.ConnectionString, target, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }

        await output.WriteLineAsync($"Backed up to {target} ({new FileInfo(target).Length / 1024.0 / 1024.0:N1} MiB).");
        return 0;
    }
}
