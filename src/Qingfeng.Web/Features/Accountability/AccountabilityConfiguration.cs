using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qingfeng.Features.Accountability;

internal sealed class AccountabilityDecisionConfiguration : IEntityTypeConfiguration<AccountabilityDecision>
{
    public void Configure(EntityTypeBuilder<AccountabilityDecision> b)
    {
        b.ToTable("AccountabilityDecisions");
        b.Property(d => d.UnitName).HasMaxLength(128);
        b.Property(d => d.RegionKey).HasMaxLength(12);
        b.Property(d => d.OfficialName).HasMaxLength(64);
        b.Property(d => d.OfficialPosition).HasMaxLength(128);
        b.Property(d => d.CauseReference).HasMaxLength(AccountabilityDecision.CauseReferenceMaxLength);
        b.Property(d => d.Failure).HasMaxLength(AccountabilityDecision.FailureMaxLength);
        b.Property(d => d.Facts).HasMaxLength(AccountabilityDecision.FactsMaxLength);
        b.Property(d => d.Basis).HasMaxLength(AccountabilityDecision.BasisMaxLength);
        b.Property(d => d.DecidedBy).HasMaxLength(AccountabilityDecision.DecidedByMaxLength);
        b.Property(d => d.DocumentNumber).HasMaxLength(AccountabilityDecision.DocumentNumberMaxLength);
        b.Property(d => d.ExecutionNote).HasMaxLength(AccountabilityDecision.NoteMaxLength);
        b.Property(d => d.RevocationReason).HasMaxLength(AccountabilityDecision.NoteMaxLength);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.RegionKey, d.DecidedOn });
        b.HasIndex(d => d.UnitId);
        b.HasIndex(d => d.OfficialId);
    }
}
