using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Configurations;

internal sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> builder)
    {
        builder.HasIndex(e => e.Key).IsUnique();
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Names).HasConversion(EntityNamesConversion.Converter, EntityNamesConversion.Comparer).HasMaxLength(2000);
        builder.Property(e => e.Descriptions).HasConversion(EntityNamesConversion.Converter, EntityNamesConversion.Comparer).HasMaxLength(4000);
        builder.Property(e => e.NormalizedName).HasMaxLength(200);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.WikidataId).HasMaxLength(20);
        builder.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(200);
        builder.Property(a => a.NormalizedText).HasMaxLength(200);
        builder.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => a.NormalizedText);
        builder.HasIndex(a => new { a.EntityId, a.Text }).IsUnique();
    }
}

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(200);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.Article).WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Entity).WithMany().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ArticleId, m.Start });
        // Covers "the articles that mention this entity, with counts" without reading the mention rows.
        builder.HasIndex(m => new { m.EntityId, m.ArticleId });
    }
}

internal sealed class EntityArticleConfiguration : IEntityTypeConfiguration<EntityArticle>
{
    public void Configure(EntityTypeBuilder<EntityArticle> builder)
    {
        builder.HasKey(e => new { e.ArticleId, e.EntityId });
        builder.HasOne<Core.Articles.Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entity>().WithMany().HasForeignKey(e => e.EntityId).OnDelete(DeleteBehavior.Cascade);

        // An entity's articles, newest first, a page at a time (the front page's entity filter, the entity's page).
        builder.HasIndex(e => new { e.EntityId, e.PublishedAt, e.ArticleId });

        // An entity's articles as search ranks them: most mentions first, then newest (and it holds every column a
        // search for several entities sums).
        builder.HasIndex(e => new { e.EntityId, e.Mentions, e.PublishedAt, e.ArticleId }).IsDescending(false, true, true, false);
    }
}

internal sealed class EntityDayConfiguration : IEntityTypeConfiguration<EntityDay>
{
    public void Configure(EntityTypeBuilder<EntityDay> builder)
    {
        builder.HasKey(d => new { d.EntityId, d.Day });
        builder.HasOne<Entity>().WithMany().HasForeignKey(d => d.EntityId).OnDelete(DeleteBehavior.Cascade);

        // An entity's days in order with their counts, read from the index alone: its timeline (the key's own index
        // leads to the rows, one page read each; 11,700 days took 40 ms).
        builder.HasIndex(d => new { d.EntityId, d.Day, d.Articles, d.Mentions });

        // Every entity's articles within a range of days, read from the index alone: the places of a date range.
        builder.HasIndex(d => new { d.Day, d.EntityId, d.Articles });
    }
}

internal sealed class MentionDismissalConfiguration : IEntityTypeConfiguration<MentionDismissal>
{
    public void Configure(EntityTypeBuilder<MentionDismissal> builder)
    {
        builder.HasOne<Core.Articles.Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entity>().WithMany().HasForeignKey(d => d.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ArticleId, d.EntityId, d.Start, d.Length }).IsUnique();
    }
}

internal sealed class GazetteerRemovalConfiguration : IEntityTypeConfiguration<GazetteerRemoval>
{
    public void Configure(EntityTypeBuilder<GazetteerRemoval> builder)
    {
        builder.Property(r => r.EntityKey).HasMaxLength(100);
        builder.Property(r => r.Spelling).HasMaxLength(200);
        builder.HasIndex(r => new { r.EntityKey, r.Spelling }).IsUnique();
    }
}
