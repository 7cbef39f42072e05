using HemelMassage.Web.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class ClientSearchWordConfiguration : IEntityTypeConfiguration<ClientSearchWord>
{
    public void Configure(EntityTypeBuilder<ClientSearchWord> builder)
    {
        // The key answers "does this client have a word starting so?"; the index "who has a word starting so?",
        // holding the client's id too so the search never reads the table itself.
        builder.HasKey(w => new { w.ClientId, w.Word });
        builder.Property(w => w.Word).HasMaxLength(ClientSearchWord.MaxLength);
        builder.HasIndex(w => new { w.Word, w.ClientId });
        builder.HasOne(w => w.Client).WithMany().HasForeignKey(w => w.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
