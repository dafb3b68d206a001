using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Data.Seeding;

namespace NewsReader.Data.Configurations;

internal sealed class SeedImportConfiguration : IEntityTypeConfiguration<SeedImport>
{
    public void Configure(EntityTypeBuilder<SeedImport> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.FileHash).HasMaxLength(64);
    }
}
