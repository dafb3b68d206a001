using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsReader.Data;
using NewsReader.Data.Providers;

namespace NewsReader.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NewsReaderDbContext>
{
    public NewsReaderDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsReaderDbContext>();
        DatabaseProvider.Sqlite.Configure(options, "Data Source=design-time.db");
        return new NewsReaderDbContext(options.Options);
    }
}
