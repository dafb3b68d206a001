using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;

namespace NewsReader.Data.Configurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ArticleId, a.OwnerId, a.Start });
        builder.Property(a => a.OwnerId).HasMaxLength(100);
        builder.Property(a => a.Exact).HasMaxLength(ArticleDraft.MaxBodyBytes);
        builder.Property(a => a.Prefix).HasMaxLength(Selectors.ContextLength);
        builder.Property(a => a.Suffix).HasMaxLength(Selectors.ContextLength);
        builder.Property(a => a.Anchor).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Color).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Comment).HasMaxLength(AnnotationDraft.MaxCommentLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Position);
        builder.Ignore(a => a.Quote);

        // Tags are a small list read and written with their annotation: one JSON column.
        builder.Property(a => a.Tags)
            .HasConversion(
                tags => JsonSerializer.Serialize(tags, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    tags => tags.Aggregate(0, (hash, tag) => HashCode.Combine(hash, tag.GetHashCode(StringComparison.Ordinal))),
                    tags => tags.ToList()));
    }
}
