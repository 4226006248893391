using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        b.ToTable("RectificationItems");
        SubjectMapping.Map(b, new SubjectColumns(PositionColumn: null, LeaderCategory: false));
        b.Property(i => i.SourceReference).HasMaxLength(RectificationItem.SourceReferenceMaxLength);
        b.Property(i => i.Problem).HasMaxLength(RectificationItem.ProblemMaxLength);
        b.Property(i => i.Measures).HasMaxLength(RectificationItem.MeasuresMaxLength);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.ComplexProperty(i => i.Outcome, o => OutcomeColumns.Map(o));
        b.HasIndex(SubjectMapping.RegionKey, nameof(RectificationItem.State));
        b.HasIndex(i => new { i.OrganId, i.State, i.DueOn });
        b.HasIndex(SubjectMapping.UnitId);
        b.HasIndex(SubjectMapping.OfficialId);
        b.HasIndex(i => new { i.Source, i.SourceId });
        b.HasMany(i => i.Progress).WithOne().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Events).WithOne().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RectificationProgressConfiguration : IEntityTypeConfiguration<RectificationProgress>
{
    public void Configure(EntityTypeBuilder<RectificationProgress> b)
    {
        b.ToTable("RectificationProgress");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.ReporterName).HasMaxLength(64);
        b.Property(p => p.Text).HasMaxLength(RectificationItem.ProgressMaxLength);
        b.HasMany(p => p.Evidence).WithOne().HasForeignKey(e => e.ProgressId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RectificationEventConfiguration : IEntityTypeConfiguration<RectificationEvent>
{
    public void Configure(EntityTypeBuilder<RectificationEvent> b)
    {
        b.ToTable("RectificationEvents");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(64);
        b.Property(e => e.Comment).HasMaxLength(RectificationItem.CommentMaxLength);
    }
}

internal sealed class RectificationEvidenceConfiguration : IEntityTypeConfiguration<RectificationEvidence>
{
    public void Configure(EntityTypeBuilder<RectificationEvidence> b)
    {
        b.ToTable("RectificationEvidence");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
    }
}
