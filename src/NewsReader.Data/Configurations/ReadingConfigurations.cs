using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Core.Articles;
using NewsReader.Core.Reading;
using NewsReader.Data.Accounts;

namespace NewsReader.Data.Configurations;

internal sealed class ArticleReadConfiguration : IEntityTypeConfiguration<ArticleRead>
{
    public void Configure(EntityTypeBuilder<ArticleRead> builder)
    {
        builder.HasKey(r => new { r.ReaderId, r.ArticleId });
        builder.Property(r => r.ReaderId).HasMaxLength(450);
        builder.HasOne<ReaderAccount>().WithMany().HasForeignKey(r => r.ReaderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ArticleId);
    }
}

internal sealed class SavedArticleConfiguration : IEntityTypeConfiguration<SavedArticle>
{
    public void Configure(EntityTypeBuilder<SavedArticle> builder)
    {
        builder.HasKey(s => new { s.ReaderId, s.ArticleId });
        builder.Property(s => s.ReaderId).HasMaxLength(450);
        builder.HasOne<ReaderAccount>().WithMany().HasForeignKey(s => s.ReaderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ArticleId);
    }
}
