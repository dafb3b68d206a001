using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Core.Jobs;
using NewsReader.Core.Reading;
using NewsReader.Core.Subscriptions;
using NewsReader.Data.Accounts;
using NewsReader.Data.Providers;
using NewsReader.Data.Search;
using NewsReader.Data.Seeding;

namespace NewsReader.Data;

/// <summary>Articles, entities, mentions and annotations, the readers' accounts (Identity's tables) and the keys that
/// protect their cookies (shared by every app instance on the database), in one database.</summary>
public sealed class NewsReaderDbContext(DbContextOptions<NewsReaderDbContext> options)
    : IdentityDbContext<ReaderAccount>(options), IDataProtectionKeyContext
{
    private DatabaseProvider? provider;

    /// <summary>What differs on the database this context runs on.</summary>
    internal DatabaseProvider Provider => provider ??= DatabaseProvider.Of(Database);

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Entity> Entities => Set<Entity>();

    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();

    public DbSet<Mention> Mentions => Set<Mention>();

    public DbSet<MentionDismissal> MentionDismissals => Set<MentionDismissal>();

    public DbSet<GazetteerRemoval> GazetteerRemovals => Set<GazetteerRemoval>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<EntityArticle> EntityArticles => Set<EntityArticle>();

    public DbSet<EntityDay> EntityDays => Set<EntityDay>();

    public DbSet<ArticleRead> ArticleReads => Set<ArticleRead>();

    public DbSet<SavedArticle> SavedArticles => Set<SavedArticle>();

    public DbSet<SeedImport> SeedImports => Set<SeedImport>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<Feed> Feeds => Set<Feed>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Saves, and re-indexes for search what the save changes (<see cref="IndexChanges"/>), in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = IndexChanges.Gather(this);
        if (changes.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await changes.SettleAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await changes.ApplyAsync(this, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>For saves that touch nothing searchable (Data Protection stores its keys synchronously); re-indexing is
    /// I/O, and every save of the app's own is asynchronous.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => IndexChanges.Gather(this).IsEmpty
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new NotSupportedException("Save with SaveChangesAsync, which keeps the search indexes in step.");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        Provider.ConfigureConventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsReaderDbContext).Assembly);
    }
}
