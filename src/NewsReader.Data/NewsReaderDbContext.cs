using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Accounts;

namespace NewsReader.Data;

/// <summary>Articles, entities, mentions and annotations, and the readers' accounts (Identity's tables) in the same database.</summary>
public sealed class NewsReaderDbContext(DbContextOptions<NewsReaderDbContext> options) : IdentityDbContext<ReaderAccount>(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Entity> Entities => Set<Entity>();

    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();

    public DbSet<Mention> Mentions => Set<Mention>();

    public DbSet<MentionDismissal> MentionDismissals => Set<MentionDismissal>();

    public DbSet<GazetteerRemoval> GazetteerRemovals => Set<GazetteerRemoval>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    /// <summary>SQLite has no date type: every instant is stored as UTC ticks, so that ordering happens in SQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsReaderDbContext).Assembly);
    }
}
