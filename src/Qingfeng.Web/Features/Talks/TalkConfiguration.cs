using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> b)
    {
        SubjectMapping.MapRecord(b, "Talks", SubjectColumns.AboutOfficial);
        b.Property(t => t.TalkerTitle).HasMaxLength(Talk.ShortMaxLength);
        b.Property(t => t.Place).HasMaxLength(Talk.ShortMaxLength);
        b.Property(t => t.Talkers).HasMaxLength(Talk.ShortMaxLength);
        b.Property(t => t.Participants).HasMaxLength(Talk.ShortMaxLength);
        b.Property(t => t.Recorder).HasMaxLength(Talk.RecorderMaxLength);
        b.Property(t => t.Outline).HasMaxLength(Talk.TextMaxLength);
        b.Property(t => t.Record).HasMaxLength(Talk.TextMaxLength);
        b.Property(t => t.Commitments).HasMaxLength(Talk.TextMaxLength);
        b.Property(t => t.ClosingNote).HasMaxLength(Talk.NoteMaxLength);
        b.Property(t => t.CancelReason).HasMaxLength(Talk.NoteMaxLength);
        b.Ignore(t => t.TalkDate);
        b.Ignore(t => t.IsHeld);
        b.ComplexProperty(t => t.Outcome, o => OutcomeColumns.Map(o));
        SubjectMapping.IndexForLists(b, thenBy: nameof(Talk.HeldOn), byOfficial: false);
        b.HasIndex(SubjectMapping.OfficialId, nameof(Talk.State));
        b.HasIndex(t => new { t.OrganId, t.Type, t.HeldOn });
        b.HasIndex(t => t.ClueId);
    }
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> b)
    {
        SubjectMapping.MapRecord(b, "Inquiries", SubjectColumns.AboutOfficial);
        b.Property(i => i.DocumentNumber).HasMaxLength(Inquiry.DocumentNumberMaxLength);
        b.Property(i => i.Matters).HasMaxLength(Inquiry.TextMaxLength);
        b.Property(i => i.ReplyText).HasMaxLength(Inquiry.TextMaxLength);
        b.Property(i => i.CountersignedBy).HasMaxLength(Inquiry.SignatoryMaxLength);
        b.Property(i => i.CountersignNote).HasMaxLength(Inquiry.CountersignNoteMaxLength);
        b.Property(i => i.AssessmentNote).HasMaxLength(Inquiry.AssessmentNoteMaxLength);
        b.Ignore(i => i.RepliedLate);
        b.ComplexProperty(i => i.Outcome, o => OutcomeColumns.Map(o));
        SubjectMapping.IndexForLists(b, thenBy: nameof(Inquiry.State));
        b.HasIndex(i => new { i.State, i.ReplyDueOn });
        b.HasIndex(i => i.ClueId);
    }
}
