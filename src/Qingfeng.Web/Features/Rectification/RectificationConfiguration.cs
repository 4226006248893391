using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        SubjectMapping.MapRecord(b, "RectificationItems", new SubjectColumns(PositionColumn: null, LeaderCategory: false));
        b.Property(i => i.SourceReference).HasMaxLength(RectificationItem.SourceReferenceMaxLength);
        b.Property(i => i.Problem).HasMaxLength(RectificationItem.ProblemMaxLength);
        b.Property(i => i.Measures).HasMaxLength(RectificationItem.MeasuresMaxLength);
        b.ComplexProperty(i => i.Outcome, o => OutcomeColumns.Map(o));
        SubjectMapping.IndexForLists(b, thenBy: nameof(RectificationItem.State));
        b.HasIndex(i => new { i.OrganId, i.State, i.DueOn });
        b.HasIndex(i => new { i.Source, i.SourceId });
        b.HasChildren(i => i.Progress, p => p.ItemId);
        b.HasChildren(i => i.Events, p => p.ItemId);
    }
}

internal sealed class RectificationProgressConfiguration : IEntityTypeConfiguration<RectificationProgress>
{
    public void Configure(EntityTypeBuilder<RectificationProgress> b)
    {
        b.ToChildTable("RectificationProgress");
        b.Property(p => p.ReporterName).HasMaxLength(64);
        b.Property(p => p.Text).HasMaxLength(RectificationItem.ProgressMaxLength);
        b.HasChildren(p => p.Evidence, e => e.ProgressId);
    }
}

internal sealed class RectificationEventConfiguration : IEntityTypeConfiguration<RectificationEvent>
{
    public void Configure(EntityTypeBuilder<RectificationEvent> b)
    {
        b.ToChildTable("RectificationEvents");
        b.Property(e => e.ActorName).HasMaxLength(64);
        b.Property(e => e.Comment).HasMaxLength(RectificationItem.CommentMaxLength);
    }
}

internal sealed class RectificationEvidenceConfiguration : IEntityTypeConfiguration<RectificationEvidence>
{
    public void Configure(EntityTypeBuilder<RectificationEvidence> b)
    {
        b.ToChildTable("RectificationEvidence");
        b.HasFileColumns(e => e.FileName, e => e.ContentType);
    }
}
