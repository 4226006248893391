using Qingfeng.Features.Accounts;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DutyReports;

/// <summary>
/// The write door of 述责述廉: campaigns (run by the organ that creates them), reports (within jurisdiction), the joint review,
/// comments whose problems enter the rectification ledger, and secret scoring. A report belongs to its campaign's organ, which
/// alone changes it; the one step a campaign hands to another organ is the review level of the stationed team (ADR 0008).
/// </summary>
public sealed class DutyReportService(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    SupervisionCalendar calendar,
    RectificationService rectification,
    DutyReportOptions options,
    TimeProvider time)
{
    public async Task<Guid> CreateCampaignAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessionOn = request.SessionOn!.Value;
        var campaign = new DutyReportCampaign(viewer.OrganId, request.Title!, request.Year ?? sessionOn.Year, sessionOn, options);
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign.Id;
    }

    public async Task<Guid> AddReporterAsync(Guid campaignId, AddReporterRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await OwnCampaignAsync(db, viewer, campaignId, cancellationToken);
        var subject = await viewer.SubjectAsync(db, null, request.OfficialId, cancellationToken);
        if (await db.Set<DutyReport>().AnyAsync(r => r.CampaignId == campaignId && r.Subject.OfficialId == request.OfficialId, cancellationToken))
        {
            throw new DomainRuleException("DutyReport.AlreadyReporting") { Status = 409 };
        }

        var report = new DutyReport(campaign, subject, request.Mode);
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report.Id;
    }

    /// <summary>Designates the attending leaders who score (users of the campaign's organ).</summary>
    public async Task SetScorersAsync(Guid campaignId, SetScorersRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await OwnCampaignAsync(db, viewer, campaignId, cancellationToken, includeScorers: true);
        var ids = request.UserIds!.Distinct().ToList();
        var roles = RolePermissions.RolesFor(Permission.SupervisionRead).ToList();
        var users = await StaffDirectory.Users(db, [campaign.OrganId], roles).Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        if (users.Count != ids.Count)
        {
            throw new DomainRuleException("DutyReport.ScorerNotInOrgan");
        }

        campaign.SetScorers([.. users.Select(u => (u.Id, u.DisplayName))]);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CloseScoringAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await OwnCampaignAsync(db, viewer, campaignId, cancellationToken);
        campaign.CloseScoring();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves the answers and, when asked, submits (or resubmits after a return).</summary>
    public async Task WriteAsync(Guid reportId, WriteReportRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (report, campaign) = await LoadAsync(db, viewer, reportId, request.Version, DutyReportAction.Write, cancellationToken);
        report.Write(request.Answers!);
        if (request.Submit)
        {
            EnsureMay(viewer, report, campaign, assigned: false, DutyReportAction.Submit);
            report.Submit();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Approves at the current level, or returns the report with reasons and a revision deadline (working days by default).</summary>
    public async Task ReviewAsync(Guid reportId, ReviewReportRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var action = request.Decision == ReviewDecision.Approved ? DutyReportAction.Approve : DutyReportAction.Return;
        var (report, campaign) = await LoadAsync(db, viewer, reportId, request.Version, action, cancellationToken);
        var now = time.GetUtcNow();
        var roles = viewer.User.Roles.ToHashSet(StringComparer.Ordinal);
        if (request.Decision == ReviewDecision.Approved)
        {
            report.Approve(campaign, viewer.Actor, roles, request.Comment, now);
        }
        else
        {
            var due = request.DueOn ?? calendar.AddWorkingDays(ChinaTime.DateOf(now), calendar.Options.RevisionWorkingDays);
            report.Return(campaign, viewer.Actor, roles, request.Comment ?? "", due, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A comment (点评); each problem it names opens a rectification item for the reporting 一把手, in the same save.</summary>
    public async Task<IReadOnlyList<Guid>> CommentAsync(Guid reportId, CommentReportRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.DutyReportReview, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (report, campaign) = await LoadAsync(db, viewer, reportId, null, DutyReportAction.Comment, cancellationToken);
        var comment = report.Comment(viewer.Actor, request.Text!, time.GetUtcNow());
        var problems = (request.Problems ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (problems.Count > 0)
        {
            var subject = await viewer.SubjectAsync(db, report.Subject.UnitId, report.Subject.OfficialId, cancellationToken);
            var due = request.RectifyBy ?? rectification.DefaultDueOn();
            foreach (var problem in problems)
            {
                var item = rectification.Open(db, viewer, subject, new RectificationDraft(RectificationSource.DutyReport, report.Id, campaign.Title, problem.Trim(), null, due));
                comment.RectificationItemIds.Add(item.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return comment.RectificationItemIds;
    }

    /// <summary>One secret vote; concurrent votes on the same report are retried so that none is lost.</summary>
    public async Task VoteAsync(Guid reportId, VoteRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (report, campaign) = await LoadAsync(db, viewer, reportId, null, DutyReportAction.Vote, cancellationToken);
            report.Vote(campaign, viewer.User.UserId, request.Score!.Value);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another vote on the report was saved first (version token or the one-vote index): read again and re-check.
            }
        }
    }

    /// <summary>
    /// 述责述廉's joint review hands its stationed-team level to the 派驻纪检监察组: a stationed team of the organ that runs the
    /// campaign takes that step on the campaign's reports (the entity checks that the level is its role's), and nothing else.
    /// </summary>
    internal static async Task<bool> ReviewAssignedAsync(QingfengDb db, SupervisionViewer viewer, DutyReportCampaign campaign, CancellationToken cancellationToken) =>
        !viewer.IsOrgan(campaign.OrganId)
        && campaign.LevelRoles.Contains(Roles.StationedTeam)
        && viewer.User.Roles.Contains(Roles.StationedTeam)
        && await db.Organs.AsNoTracking().AnyAsync(o => o.Id == viewer.OrganId && o.ParentId == campaign.OrganId && o.Kind == OrganKind.StationedTeam, cancellationToken);

    /// <summary>A campaign the caller's organ runs; one it only sees through a report in its jurisdiction is read-only (403), any other is "not found".</summary>
    private static async Task<DutyReportCampaign> OwnCampaignAsync(QingfengDb db, SupervisionViewer viewer, Guid campaignId, CancellationToken cancellationToken, bool includeScorers = false)
    {
        var query = db.Set<DutyReportCampaign>().Where(c => c.Id == campaignId);
        if (includeScorers)
        {
            query = query.Include(c => c.Scorers);
        }

        var campaign = await query.SingleOrDefaultAsync(cancellationToken);
        if (campaign is not null && viewer.IsOrgan(campaign.OrganId))
        {
            return campaign;
        }

        if (campaign is not null && await db.Set<DutyReport>().Where(viewer.Visible<DutyReport>()).AnyAsync(r => r.CampaignId == campaignId, cancellationToken))
        {
            throw await SupervisionViewer.NotOwningOrganAsync(db, campaign.OrganId, cancellationToken);
        }

        throw DomainRuleException.NotFound("Supervision.NotFound");
    }

    /// <summary>
    /// A report to change, and its campaign: within the jurisdiction (else "not found"), then the campaign organ's (ADR 0008; for a
    /// review also the stationed team the review level is handed to), then at the expected version, then the caller against the row
    /// of <paramref name="action"/> (<see cref="DutyReportWorkflow"/>).
    /// </summary>
    private static async Task<(DutyReport Report, DutyReportCampaign Campaign)> LoadAsync(QingfengDb db, SupervisionViewer viewer, Guid reportId, Guid? version, DutyReportAction action, CancellationToken cancellationToken)
    {
        var review = action is DutyReportAction.Approve or DutyReportAction.Return;
        var report = await db.Set<DutyReport>().Where(viewer.Visible<DutyReport>())
            .Include(r => r.Reviews).Include(r => r.Comments).Include(r => r.Voters)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");
        var campaign = await db.Set<DutyReportCampaign>().Include(c => c.Scorers).SingleAsync(c => c.Id == report.CampaignId, cancellationToken);
        var assigned = review && await ReviewAssignedAsync(db, viewer, campaign, cancellationToken);
        await viewer.EnsureMayChangeAsync(db, campaign.OrganId, report, assigned, cancellationToken);
        SupervisionViewer.EnsureVersion(report, version);

        EnsureMay(viewer, report, campaign, assigned, action);
        return (report, campaign);
    }

    private static void EnsureMay(SupervisionViewer viewer, DutyReport report, DutyReportCampaign campaign, bool assigned, DutyReportAction action) =>
        DutyReportWorkflow.Table.Ensure(new DutyReportContext(report, campaign, assigned), action, viewer.ActorFor(viewer.MayChange(campaign.OrganId, report)));
}
