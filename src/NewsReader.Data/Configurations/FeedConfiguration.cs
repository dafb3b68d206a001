using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Core.Subscriptions;

namespace NewsReader.Data.Configurations;

internal sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> builder)
    {
        builder.Property(f => f.Url).HasMaxLength(Feed.MaxUrlLength);
        builder.HasIndex(f => f.Url).IsUnique();
        builder.Property(f => f.SiteUrl).HasMaxLength(Feed.MaxUrlLength);
        builder.Property(f => f.Title).HasMaxLength(Feed.MaxTitleLength);
        builder.Property(f => f.ETag).HasMaxLength(500);
        builder.Property(f => f.LastModified).HasMaxLength(100);
        builder.Property(f => f.LastError).HasMaxLength(500);
        builder.Property(f => f.LeaseOwner).HasMaxLength(100);

        // The poller asks for the feeds that are due.
        builder.HasIndex(f => f.NextCheckAt);
    }
}
