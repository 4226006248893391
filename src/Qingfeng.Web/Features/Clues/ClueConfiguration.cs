namespace Qingfeng.Features.Clues;

internal sealed class ClueConfiguration : IEntityTypeConfiguration<Clue>
{
    public void Configure(EntityTypeBuilder<Clue> b)
    {
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.CaseNumber).HasMaxLength(48);
        b.Property(c => c.RegionKey).HasMaxLength(12);
        b.Property(c => c.HandlerName).HasMaxLength(64);
        b.Property(c => c.Fingerprint).HasMaxLength(512);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.OrganId, c.State });
        b.HasIndex(c => new { c.OrganId, c.IsPrincipal, c.DueOn });
        b.HasIndex(c => c.CollaborationGroupId);
        b.HasIndex(c => c.ReceivedOn);
        b.HasIndex(c => c.HandlerId);
        b.HasIndex(c => new { c.State, c.DueOn });
        // A complex type, not an owned entity: its columns are plain columns of the clue in every query (summed over a
        // GroupBy, an owned entity's columns come back as one correlated subquery per group and sum).
        b.ComplexProperty(c => c.Outcome, o =>
        {
            o.Property(x => x.ProblemsFound).HasColumnName("ProblemsFound");
            o.Property(x => x.FurtherClues).HasColumnName("FurtherClues");
            o.Property(x => x.FundsPaidOutFen).HasColumnName("FundsPaidOutFen");
            o.Property(x => x.FundsRecoveredFen).HasColumnName("FundsRecoveredFen");
        });
        b.HasChildren(c => c.ReportedPersons, p => p.ClueId);
        b.HasChildren(c => c.Categories, p => p.ClueId);
        b.HasChildren(c => c.History, p => p.ClueId);
        b.HasChildren(c => c.Participants, p => p.ClueId);
        b.HasChildren(c => c.Recusals, p => p.ClueId);
        b.HasChildren(c => c.Sanctions, p => p.ClueId);
    }
}

internal sealed class ReportedPersonConfiguration : IEntityTypeConfiguration<ReportedPerson>
{
    public void Configure(EntityTypeBuilder<ReportedPerson> b)
    {
        b.ToChildTable("ClueReportedPersons");
        b.Property(p => p.Name).HasMaxLength(64);
        b.Property(p => p.UnitName).HasMaxLength(128);
        b.Property(p => p.Position).HasMaxLength(64);
        b.Property(p => p.RegionKey).HasMaxLength(12);
        b.Property(p => p.MentionText).HasMaxLength(ReportedPerson.MentionMaxLength);
        b.HasIndex(p => p.OfficialId);
        b.HasIndex(p => p.LinkState);
        b.HasIndex(p => p.ClueId);
    }
}

internal sealed class ClueCategoryConfiguration : IEntityTypeConfiguration<ClueCategory>
{
    public void Configure(EntityTypeBuilder<ClueCategory> b)
    {
        b.ToTable("ClueCategories");
        b.HasKey(c => new { c.ClueId, c.Code });
        b.Property(c => c.Code).HasMaxLength(ClueCategory.CodeMaxLength);
        b.HasIndex(c => c.Code);
    }
}

internal sealed class ClueHistoryConfiguration : IEntityTypeConfiguration<ClueHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ClueHistoryEntry> b)
    {
        b.ToChildTable("ClueHistory");
        b.Property(h => h.UserName).HasMaxLength(64);
        b.Property(h => h.Action).HasMaxLength(40);
        b.Property(h => h.Comment).HasMaxLength(ClueHistoryEntry.CommentMaxLength);
        b.HasIndex(h => h.ClueId);
    }
}

internal sealed class ClueParticipantConfiguration : IEntityTypeConfiguration<ClueParticipant>
{
    public void Configure(EntityTypeBuilder<ClueParticipant> b)
    {
        b.ToChildTable("ClueParticipants");
        b.Property(p => p.Name).HasMaxLength(64);
        b.HasIndex(p => new { p.UserId, p.ClueId });
        b.HasIndex(p => p.ClueId);
    }
}

internal sealed class ClueRecusalConfiguration : IEntityTypeConfiguration<ClueRecusal>
{
    public void Configure(EntityTypeBuilder<ClueRecusal> b)
    {
        b.ToChildTable("ClueRecusals");
        b.Property(r => r.UserName).HasMaxLength(64);
        b.Property(r => r.DecidedBy).HasMaxLength(64);
        b.Property(r => r.Reason).HasMaxLength(ClueRecusal.ReasonMaxLength);
        b.HasIndex(r => new { r.UserId, r.ClueId });
        b.HasIndex(r => r.ClueId);
    }
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.ToChildTable("Sanctions");
        b.Property(s => s.Code).HasMaxLength(Sanction.CodeMaxLength);
        b.HasIndex(s => s.ClueId);
        b.HasIndex(s => s.OfficialId);
    }
}

internal sealed class ClueNumberSequenceConfiguration : IEntityTypeConfiguration<ClueNumberSequence>
{
    public void Configure(EntityTypeBuilder<ClueNumberSequence> b)
    {
        b.HasKey(s => new { s.OrganId, s.Year });
        b.Property(s => s.Prefix).HasMaxLength(16);
        b.Property(s => s.Next).IsConcurrencyToken();
    }
}

internal sealed class ClueAttachmentConfiguration : IEntityTypeConfiguration<ClueAttachment>
{
    public void Configure(EntityTypeBuilder<ClueAttachment> b)
    {
        b.ToTable("ClueAttachments");
        b.HasFileColumns(a => a.FileName, a => a.ContentType);
        b.HasIndex(a => a.ClueId);
    }
}
