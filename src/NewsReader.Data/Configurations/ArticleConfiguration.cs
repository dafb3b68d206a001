using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsReader.Core.Articles;

namespace NewsReader.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.SourceKey).IsUnique();
        builder.Property(a => a.SourceKey).HasMaxLength(200);
        builder.Property(a => a.Title).HasMaxLength(ArticleDraft.MaxTitleLength);
        builder.Property(a => a.Source).HasMaxLength(ArticleDraft.MaxSourceLength);
        builder.Property(a => a.Language).HasMaxLength(35);
        builder.Property(a => a.Dateline).HasMaxLength(200);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.Direction).HasConversion<string>().HasMaxLength(3);

        // SQLite has no date type: store instants as UTC ticks so that ordering happens in SQL.
        var asTicks = new DateTimeOffsetToBinaryConverter();
        builder.Property(a => a.PublishedAt).HasConversion(asTicks);
        builder.Property(a => a.ImportedAt).HasConversion(asTicks);
        builder.Property(a => a.UpdatedAt).HasConversion(asTicks);
        builder.HasIndex(a => a.PublishedAt);
    }
}
