namespace Qingfeng.Features.QuarterlyReviews;

internal sealed class QuarterlyReviewConfiguration : IEntityTypeConfiguration<QuarterlyReview>
{
    public void Configure(EntityTypeBuilder<QuarterlyReview> b)
    {
        b.ToTable("QuarterlyReviews");
        b.Ignore(r => r.From);
        b.Ignore(r => r.To);
        b.Property(r => r.Conclusion).HasMaxLength(QuarterlyReview.ConclusionMaxLength);
        b.Property(r => r.FinalisedBy).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.OrganId, r.Year, r.Quarter }).IsUnique();
        b.HasChildren(r => r.Notes, n => n.ReviewId);
    }
}

internal sealed class QuarterlyReviewNoteConfiguration : IEntityTypeConfiguration<QuarterlyReviewNote>
{
    public void Configure(EntityTypeBuilder<QuarterlyReviewNote> b)
    {
        b.ToChildTable("QuarterlyReviewNotes");
        b.Property(n => n.OfficialName).HasMaxLength(64);
        b.Property(n => n.UnitName).HasMaxLength(128);
        b.Property(n => n.Text).HasMaxLength(QuarterlyReview.NoteMaxLength);
        b.HasIndex(n => new { n.ReviewId, n.OfficialId }).IsUnique();
    }
}
