using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;

namespace NewsReader.Data;

public sealed class NewsReaderDbContext(DbContextOptions<NewsReaderDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Entity> Entities => Set<Entity>();

    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();

    public DbSet<Mention> Mentions => Set<Mention>();

    public DbSet<MentionDismissal> MentionDismissals => Set<MentionDismissal>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsReaderDbContext).Assembly);
}
