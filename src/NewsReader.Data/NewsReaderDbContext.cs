using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;

namespace NewsReader.Data;

public sealed class NewsReaderDbContext(DbContextOptions<NewsReaderDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsReaderDbContext).Assembly);
}
