using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Data.Accounts;

namespace NewsReader.Data.Configurations;

internal sealed class ReaderAccountConfiguration : IEntityTypeConfiguration<ReaderAccount>
{
    public void Configure(EntityTypeBuilder<ReaderAccount> builder) =>
        builder.Property(a => a.DisplayName).HasMaxLength(ReaderAccount.MaxDisplayNameLength);
}
