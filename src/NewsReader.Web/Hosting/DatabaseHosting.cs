using Microsoft.Data.Sqlite;
using NewsReader.Data;
using NewsReader.Data.Providers;
using NewsReader.Data.Search;

namespace NewsReader.Web.Hosting;

internal static class DatabaseHosting
{
    public const string ConnectionName = "NewsReader";

    /// <summary><c>NewsReader:Database</c> names the provider: <c>Sqlite</c> (the default) uses <c>ConnectionStrings:NewsReader</c>
    /// when set, else a file under <c>data/</c> beside the app; <c>PostgreSQL</c> needs the connection string.</summary>
    public static void AddNewsReaderDatabase(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProvider.Named(builder.Configuration["NewsReader:Database"]);
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        var connectionString = provider == DatabaseProvider.Sqlite
            ? SqliteFile(configured, builder.Environment.ContentRootPath)
            : configured is { Length: > 0 }
                ? configured
                : throw new InvalidOperationException(
                    $"NewsReader:Database is {provider.Name}: set ConnectionStrings:{ConnectionName} to its connection string.");
        builder.Services.AddNewsReaderData(provider, connectionString);
        builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection("NewsReader:Search"));
    }

    /// <summary>Migrates the database and imports the seeds before the app takes requests.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var seeds = app.Configuration["NewsReader:SeedsPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "seeds");
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(seeds, app.Lifetime.ApplicationStopping);
    }

    /// <summary>The SQLite connection string, its file's folder created.</summary>
    private static string SqliteFile(string? configured, string contentRoot)
    {
        var connection = new SqliteConnectionStringBuilder(configured ?? "")
        {
            DataSource = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(contentRoot, "data", "newsreader.db")
                : new SqliteConnectionStringBuilder(configured).DataSource,
        };
        if (IsFile(connection))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return connection.ConnectionString;
    }

    private static bool IsFile(SqliteConnectionStringBuilder connection) =>
        connection.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(connection.DataSource)
        && connection.DataSource != ":memory:";
}
