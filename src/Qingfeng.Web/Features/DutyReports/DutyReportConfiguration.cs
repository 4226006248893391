using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DutyReports;

internal sealed class DutyReportCampaignConfiguration : IEntityTypeConfiguration<DutyReportCampaign>
{
    public void Configure(EntityTypeBuilder<DutyReportCampaign> b)
    {
        b.ToTable("DutyReportCampaigns");
        b.Property(c => c.Title).HasMaxLength(DutyReportCampaign.TitleMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.OrganId, c.Year });
        b.HasChildren(c => c.Scorers, s => s.CampaignId);
    }
}

internal sealed class CampaignScorerConfiguration : IEntityTypeConfiguration<CampaignScorer>
{
    public void Configure(EntityTypeBuilder<CampaignScorer> b)
    {
        b.ToChildTable("DutyReportScorers");
        b.Property(s => s.Name).HasMaxLength(64);
        b.HasIndex(s => new { s.CampaignId, s.UserId }).IsUnique();
    }
}

internal sealed class DutyReportConfiguration : IEntityTypeConfiguration<DutyReport>
{
    public void Configure(EntityTypeBuilder<DutyReport> b)
    {
        SubjectMapping.MapRecord(b, "DutyReports", SubjectColumns.AboutOfficial with { PositionColumn = "Position", PositionMaxLength = 64, IsPrincipal = false, LeaderCategory = false });
        b.Property(r => r.ReturnReason).HasMaxLength(DutyReport.ReviewCommentMaxLength);
        b.HasIndex(nameof(DutyReport.CampaignId), SubjectMapping.OfficialId).IsUnique();
        b.HasIndex(SubjectMapping.OfficialId);
        b.HasIndex(SubjectMapping.RegionKey);
        b.HasChildren(r => r.Reviews, x => x.ReportId);
        b.HasChildren(r => r.Comments, x => x.ReportId);
        b.HasChildren(r => r.Voters, x => x.ReportId);
    }
}

internal sealed class DutyReportReviewConfiguration : IEntityTypeConfiguration<DutyReportReview>
{
    public void Configure(EntityTypeBuilder<DutyReportReview> b)
    {
        b.ToChildTable("DutyReportReviews");
        b.Property(x => x.LevelName).HasMaxLength(64);
        b.Property(x => x.ReviewerName).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(DutyReport.ReviewCommentMaxLength);
    }
}

internal sealed class DutyReportCommentConfiguration : IEntityTypeConfiguration<DutyReportComment>
{
    public void Configure(EntityTypeBuilder<DutyReportComment> b)
    {
        b.ToChildTable("DutyReportComments");
        b.Property(x => x.AuthorName).HasMaxLength(64);
        b.Property(x => x.Text).HasMaxLength(DutyReport.CommentMaxLength);
    }
}

internal sealed class DutyReportVoterConfiguration : IEntityTypeConfiguration<DutyReportVoter>
{
    public void Configure(EntityTypeBuilder<DutyReportVoter> b)
    {
        b.ToChildTable("DutyReportVoters");
        b.HasIndex(x => new { x.ReportId, x.UserId }).IsUnique();
    }
}
