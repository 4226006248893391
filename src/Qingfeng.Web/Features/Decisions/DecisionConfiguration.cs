using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Decisions;

internal sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> b)
    {
        SubjectMapping.MapRecord(b, "DecisionRecords", SubjectColumns.UnitAndPrincipal);
        b.Property(r => r.Title).HasMaxLength(DecisionRecord.TitleMaxLength);
        b.Property(r => r.MeetingKind).HasMaxLength(DecisionRecord.MeetingKindMaxLength);
        b.Property(r => r.Dissent).HasMaxLength(DecisionRecord.DissentMaxLength);
        b.Ignore(r => r.Facts);
        b.ComplexProperty(r => r.Outcome, o => OutcomeColumns.Map(o));
        SubjectMapping.IndexForLists(b, thenBy: nameof(DecisionRecord.MeetingOn), byOfficial: false);
        b.HasChildren(r => r.Findings, f => f.RecordId);
    }
}

internal sealed class DecisionFindingConfiguration : IEntityTypeConfiguration<DecisionFinding>
{
    public void Configure(EntityTypeBuilder<DecisionFinding> b)
    {
        b.ToChildTable("DecisionFindings");
        b.Property(f => f.CheckCode).HasMaxLength(64);
        b.Property(f => f.Text).HasMaxLength(1000);
        b.HasIndex(f => new { f.RecordId, f.CheckCode }).IsUnique();
    }
}
