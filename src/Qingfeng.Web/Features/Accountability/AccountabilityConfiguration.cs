using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Accountability;

internal sealed class AccountabilityDecisionConfiguration : IEntityTypeConfiguration<AccountabilityDecision>
{
    public void Configure(EntityTypeBuilder<AccountabilityDecision> b)
    {
        SubjectMapping.MapRecord(b, "AccountabilityDecisions", new SubjectColumns());
        b.Property(d => d.CauseReference).HasMaxLength(AccountabilityDecision.CauseReferenceMaxLength);
        b.Property(d => d.Failure).HasMaxLength(AccountabilityDecision.FailureMaxLength);
        b.Property(d => d.Facts).HasMaxLength(AccountabilityDecision.FactsMaxLength);
        b.Property(d => d.Basis).HasMaxLength(AccountabilityDecision.BasisMaxLength);
        b.Property(d => d.DecidedBy).HasMaxLength(AccountabilityDecision.DecidedByMaxLength);
        b.Property(d => d.DocumentNumber).HasMaxLength(AccountabilityDecision.DocumentNumberMaxLength);
        b.Property(d => d.ExecutionNote).HasMaxLength(AccountabilityDecision.NoteMaxLength);
        b.Property(d => d.RevocationReason).HasMaxLength(AccountabilityDecision.NoteMaxLength);
        SubjectMapping.IndexForLists(b, thenBy: nameof(AccountabilityDecision.DecidedOn));
    }
}
