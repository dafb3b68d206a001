using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsReader.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NewsReaderDbContext>
{
    public NewsReaderDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsReaderDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
