using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsReader.Data;
using NewsReader.Data.Providers;

namespace NewsReader.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NewsReaderDbContext>
{
    public NewsReaderDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsReaderDbContext>();
        DatabaseProvider.PostgreSql.Configure(options, "Host=localhost;Database=newsreader_design");
        return new NewsReaderDbContext(options.Options);
    }
}
