using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Core.Jobs;

namespace NewsReader.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.Description).HasMaxLength(500);
        builder.Property(j => j.EntityKey).HasMaxLength(100);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasIndex(j => new { j.State, j.Id });
        builder.HasIndex(j => new { j.EntityKey, j.Id });
    }
}
