using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;

namespace NewsReader.Data.Configurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    private static readonly ValueConverter<List<string>, string> StringListConverter = new(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>());

    private static readonly ValueComparer<List<string>> StringListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());

    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ArticleId, a.OwnerId, a.Start });
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.HasIndex(a => new { a.ArticleId, a.Shared });
        builder.Property(a => a.Exact).HasMaxLength(ArticleDraft.MaxBodyBytes);
        builder.Property(a => a.Prefix).HasMaxLength(Selectors.ContextLength);
        builder.Property(a => a.Suffix).HasMaxLength(Selectors.ContextLength);
        builder.Property(a => a.Anchor).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Color).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Comment).HasMaxLength(AnnotationDraft.MaxCommentLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Canonical).HasMaxLength(AnnotationDraft.MaxCanonicalLength);
        builder.Ignore(a => a.Position);
        builder.Ignore(a => a.Quote);

        // Tags and entity keys are small lists read and written with their annotation: one JSON column each.
        builder.Property(a => a.Tags).HasConversion(StringListConverter, StringListComparer);
        builder.Property(a => a.EntityKeys).HasConversion(StringListConverter, StringListComparer);
    }
}
