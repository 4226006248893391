using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.DutyReports;

/// <summary>
/// Reads of 述责述廉. A campaign is seen by its organ and by whoever can see one of its reports (e.g. a stationed team that
/// reviews); each sees the reports its jurisdiction covers. Scores are only ever shown as the aggregate.
/// </summary>
public sealed class DutyReportQueries(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, AuditLog audit, TimeProvider time, ExportHeadings headings)
{
    public async Task<IReadOnlyList<CampaignListItem>> CampaignsAsync(CampaignQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visibleReports = db.Set<DutyReport>().Where(viewer.Visible<DutyReport>());
        var campaigns = db.Set<DutyReportCampaign>().AsNoTracking()
            .Where(c => c.OrganId == viewer.OrganId || visibleReports.Any(r => r.CampaignId == c.Id));
        if (query.Year is { } year)
        {
            campaigns = campaigns.Where(c => c.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            campaigns = campaigns.Where(c => c.Title.Contains(text));
        }

        return await campaigns.OrderByDescending(c => c.SessionOn).ThenBy(c => c.Id)
            .Select(c => new CampaignListItem(
                c.Id,
                c.Title,
                c.Year,
                c.SessionOn,
                visibleReports.Count(r => r.CampaignId == c.Id),
                visibleReports.Count(r => r.CampaignId == c.Id && r.State == DutyReportState.Approved),
                visibleReports.Count(r => r.CampaignId == c.Id && r.State == DutyReportState.Returned),
                c.ScoringClosed))
            .Take(500)
            .ToListAsync(cancellationToken);
    }

    public async Task<CampaignDetail> CampaignAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (campaign, reports) = await LoadCampaignAsync(db, viewer, id, cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return new CampaignDetail(
            campaign.Id,
            campaign.Title,
            campaign.Year,
            campaign.SessionOn,
            campaign.TemplateItems,
            campaign.LevelNames,
            campaign.ScaleMax,
            [.. campaign.GradeNames.Zip(campaign.GradeThresholds, (n, t) => $"{n} ≥ {t}")],
            campaign.MinimumVotes,
            campaign.ScoringClosed,
            [.. campaign.Scorers.OrderBy(s => s.Name).Select(s => new ScorerItem(s.UserId, s.Name))],
            [.. reports.Select(r => Summary(r, campaign, today))],
            viewer.IsOrgan(campaign.OrganId) && viewer.Has(Permission.DutyReportReview));
    }

    /// <summary>One report with its answers, reviews and comments, and what the caller may do; the view is audited.</summary>
    public async Task<ReportDetail> ReportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.Set<DutyReport>().AsNoTracking().Where(viewer.Visible<DutyReport>())
            .Include(r => r.Reviews).Include(r => r.Comments).Include(r => r.Voters)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");
        var campaign = await db.Set<DutyReportCampaign>().AsNoTracking().Include(c => c.Scorers).SingleAsync(c => c.Id == report.CampaignId, cancellationToken);
        await audit.RecordAsync("View", nameof(DutyReport), id.ToString(), cancellationToken: cancellationToken);
        // What the caller may do is the workflow's answer, with the write rule of ADR 0008 as the service applies it.
        var context = new DutyReportContext(report, campaign, await DutyReportService.ReviewAssignedAsync(db, viewer, campaign, cancellationToken));
        var actions = DutyReportWorkflow.Table.Available(context, viewer.ActorFor(viewer.MayChange(campaign.OrganId, report)));
        return new ReportDetail(
            report.Id,
            campaign.Id,
            campaign.Title,
            Summary(report, campaign, ChinaTime.DateOf(time.GetUtcNow())),
            campaign.TemplateItems,
            report.Answers,
            report.Round,
            report.ReturnReason,
            [.. report.Reviews.OrderBy(r => r.At).Select(r => new ReviewItem(r.Round, r.LevelName, r.ReviewerName, r.Decision, r.Comment, r.DueOn, r.At))],
            [.. report.Comments.OrderBy(c => c.At).Select(c => new CommentItem(c.Id, c.AuthorName, c.Text, c.At, c.RectificationItemIds))],
            actions,
            report.HasVoted(viewer.User.UserId),
            campaign.ScaleMax,
            report.Version,
            report.State == DutyReportState.Returned);
    }

    /// <summary>The official's 述责述廉 results, for the integrity record (廉政档案).</summary>
    public async Task<IReadOnlyList<DutyReportResult>> ForOfficialAsync(Guid officialId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = await db.Set<DutyReport>().AsNoTracking().Where(viewer.Visible<DutyReport>())
            .Where(r => r.Subject.OfficialId == officialId).Include(r => r.Comments).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<DutyReportCampaign>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. reports.Select(r =>
        {
            var campaign = campaigns[r.CampaignId];
            var mean = r.MeanScore(campaign);
            return new DutyReportResult(r.Id, campaign.Title, campaign.Year, r.State, mean, mean is { } m ? campaign.GradeOf(m) : null, r.Comments.Count, r.Comments.Sum(c => c.RectificationItemIds.Count));
        }).OrderByDescending(r => r.Year)];
    }

    /// <summary>Users of the caller's organ who may be designated to score.</summary>
    public async Task<IReadOnlyList<ScorerItem>> ScorerCandidatesAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scorers = RolePermissions.RolesFor(Permission.SupervisionRead).ToList();
        return await StaffDirectory.Users(db, [viewer.OrganId], scorers).OrderBy(u => u.DisplayName)
            .Select(u => new ScorerItem(u.Id, u.DisplayName)).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>The campaign export's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<ReportSummary>> Columns =
    [
        new("DutyReport.Official", r => r.Subject.OfficialName),
        new("Field.Unit", r => r.Subject.UnitName),
        new("DutyReport.Position", r => r.Subject.OfficialPosition),
        new("DutyReport.Mode", r => EnumText.Label(r.Mode)),
        new("Field.State", r => EnumText.Label(r.State)),
        new("DutyReport.Level", r => r.LevelName),
        new("DutyReport.RevisionDue", r => ExportCell.Day(r.RevisionDueOn)),
        new("DutyReport.Votes", r => r.VoteCount),
        new("DutyReport.Mean", r => r.MeanScore),
        new("DutyReport.Grade", r => r.Grade),
    ];

    public async Task<byte[]> ExportAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var detail = await CampaignAsync(campaignId, cancellationToken);
        await audit.RecordAsync("Export", nameof(DutyReportCampaign), campaignId.ToString(), $"rows={detail.Reports.Count}", cancellationToken: cancellationToken);
        var sheetName = TextCatalog.Instance.Get("Nav.DutyReports", CultureInfo.CurrentUICulture);
        return Spreadsheet.Write(headings.For(detail.Title), detail.Reports, Columns, sheetName);
    }

    /// <summary>述责述廉测评结果汇总表 as a .docx in official layout.</summary>
    public async Task<(string Name, byte[] Content)> DocumentAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var detail = await CampaignAsync(campaignId, cancellationToken);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var title = detail.Title + "测评结果";
        var document = new OfficialDocument().Marks("内部资料", null).Title(title);
        var approved = detail.Reports.Count(r => r.State == DutyReportState.Approved);
        document.Paragraph(string.Create(
            CultureInfo.InvariantCulture,
            $"{OfficialDocument.FormatDate(detail.SessionOn)}，{detail.Reports.Count}名“一把手”参加述责述廉（现场述职{detail.Reports.Count(r => r.Mode == ReportMode.OnSite)}名，书面述职{detail.Reports.Count(r => r.Mode == ReportMode.Written)}名），" +
            $"报告经{string.Join("、", detail.Levels)}逐级审核，{approved}份审核通过。参会领导按{detail.ScaleMax}分制逐一无记名测评，结果如下："));
        var grid = new DataGrid(["序号", "姓名", "单位及职务", "述职方式", "审核", "票数", "平均分", "等次"], [0.6, 1.2, 3.4, 1, 1.2, 0.8, 1, 1]);
        var number = 0;
        foreach (var r in detail.Reports)
        {
            grid.Row(
                (++number).ToString(CultureInfo.InvariantCulture),
                r.Subject.OfficialName ?? "",
                r.Subject.UnitName + r.Subject.OfficialPosition,
                EnumText.Label(r.Mode, zh),
                EnumText.Label(r.State, zh),
                r.VoteCount.ToString(CultureInfo.InvariantCulture),
                r.MeanScore?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—",
                r.Grade ?? "—");
        }

        document.Grid(grid);
        if (!detail.ScoringClosed)
        {
            document.Paragraph("（测评尚未结束，平均分和等次待测评结束后生成。）");
        }

        return (title + ".docx", document.ToBytes());
    }

    private static async Task<(DutyReportCampaign Campaign, List<DutyReport> Reports)> LoadCampaignAsync(QingfengDb db, SupervisionViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<DutyReportCampaign>().AsNoTracking().Include(c => c.Scorers).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var reports = campaign is null ? [] : await db.Set<DutyReport>().AsNoTracking().Where(viewer.Visible<DutyReport>())
            .Where(r => r.CampaignId == id).OrderBy(r => r.Subject.RegionKey).ThenBy(r => r.Subject.UnitName).ToListAsync(cancellationToken);
        if (campaign is null || (campaign.OrganId != viewer.OrganId && reports.Count == 0))
        {
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        return (campaign, reports);
    }

    private static ReportSummary Summary(DutyReport r, DutyReportCampaign campaign, DateOnly today)
    {
        var mean = r.MeanScore(campaign);
        return new ReportSummary(
            r.Id,
            SubjectView.Of(r.Subject),
            r.Mode,
            r.State,
            r.State == DutyReportState.UnderReview ? campaign.LevelNames[r.Level] : null,
            r.RevisionDueOn,
            r.IsRevisionOverdue(today),
            r.VoteCount,
            mean,
            mean is { } m ? campaign.GradeOf(m) : null,
            mean is { } below && below < campaign.ReminderBelow);
    }
}
