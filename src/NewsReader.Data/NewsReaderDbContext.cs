using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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

    /// <summary>SQLite has no date type: every instant is stored as UTC ticks, so that ordering happens in SQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsReaderDbContext).Assembly);
}
