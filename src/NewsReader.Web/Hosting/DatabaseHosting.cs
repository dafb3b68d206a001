using Microsoft.Data.Sqlite;
using NewsReader.Data;

namespace NewsReader.Web.Hosting;

internal static class DatabaseHosting
{
    public const string ConnectionName = "NewsReader";

    /// <summary>Uses <c>ConnectionStrings:NewsReader</c> when set, else a file under <c>data/</c> beside the app.</summary>
    public static void AddNewsReaderDatabase(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        var connection = new SqliteConnectionStringBuilder(configured ?? "")
        {
            DataSource = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(builder.Environment.ContentRootPath, "data", "newsreader.db")
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

        builder.Services.AddNewsReaderData(connection.ConnectionString);
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

    private static bool IsFile(SqliteConnectionStringBuilder connection) =>
        connection.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(connection.DataSource)
        && connection.DataSource != ":memory:";
}
