using Qingfeng.Features.Accountability;
using Qingfeng.Features.Clues;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;

namespace Qingfeng.Features.QuarterlyReviews;

/// <summary>
/// Builds the quarter's dossier of the 一把手 in the office's jurisdiction from the other modules and keeps the office's
/// conclusions. Reads other features' tables directly, in bulk per page of officials, because the dossier is their
/// cross-section — except clues, which it counts through <see cref="ClueViewer.VisibleClues"/>: only those the reader
/// may see, and nothing at all for a reader without clue access.
/// </summary>
public sealed class QuarterlyReviewService(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, ClueAccess clueAccess, TimeProvider time)
{
    /// <summary>Largest dossier written into one document.</summary>
    public const int MaxDocumentRows = 2000;

    public async Task<QuarterlyDossier> DossierAsync(QuarterlyDossierQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        var clueViewer = await clueAccess.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (year, quarter) = Resolve(query);
        return await BuildAsync(db, viewer, clueViewer, query with { Year = year, Quarter = quarter }, cancellationToken);
    }

    public async Task<Guid> SaveAsync(int year, int quarter, SaveQuarterlyReviewRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await LoadOrCreateAsync(db, viewer, year, quarter, cancellationToken);
        if (db.Entry(review).State != EntityState.Added)
        {
            SupervisionViewer.EnsureVersion(review, request.Version);
        }

        if (request.Conclusion is not null)
        {
            review.SetConclusion(request.Conclusion);
        }

        var notes = request.Notes ?? [];
        if (notes.Count > 0)
        {
            var ids = notes.Select(n => n.OfficialId!.Value).Distinct().ToList();
            var officials = await db.Officials.AsNoTracking().Where(Principals(viewer)).Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, UnitName = o.Unit!.Name }).ToDictionaryAsync(o => o.Id, cancellationToken);
            foreach (var note in notes)
            {
                var official = officials.GetValueOrDefault(note.OfficialId!.Value) ?? throw DomainRuleException.NotFound("Supervision.OfficialNotFound");
                review.Note(official.Id, official.Name, official.UnitName, note.Assessment, note.Text);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return review.Version;
    }

    public async Task FinaliseAsync(int year, int quarter, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Set<QuarterlyReview>().Include(r => r.Notes)
            .SingleOrDefaultAsync(r => r.OrganId == viewer.OrganId && r.Year == year && r.Quarter == quarter, cancellationToken)
            ?? throw new DomainRuleException("QuarterlyReview.ConclusionRequired");
        review.Finalise(viewer.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The whole dossier (every row, up to <see cref="MaxDocumentRows"/>) for the document and the workbook.</summary>
    public async Task<QuarterlyDossier> FullDossierAsync(QuarterlyDossierQuery query, CancellationToken cancellationToken = default) =>
        await DossierAsync(query with { Page = 1, PageSize = MaxDocumentRows }, cancellationToken);

    private static (int Year, int Quarter) Resolve(QuarterlyDossierQuery query) =>
        (query.Year ?? throw new DomainRuleException("QuarterlyReview.BadQuarter"), query.Quarter ?? throw new DomainRuleException("QuarterlyReview.BadQuarter"));

    /// <summary>The current quarter in China.</summary>
    public (int Year, int Quarter) CurrentQuarter()
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return (today.Year, ((today.Month - 1) / 3) + 1);
    }

    private static System.Linq.Expressions.Expression<Func<Official, bool>> Principals(SupervisionViewer viewer) =>
        Predicates.And(viewer.Scope.Predicate<Official>(o => o.RegionKey, o => o.UnitId), o => o.IsPrincipal && o.UnitId != null);

    private static async Task<QuarterlyReview> LoadOrCreateAsync(QingfengDb db, SupervisionViewer viewer, int year, int quarter, CancellationToken cancellationToken)
    {
        var review = await db.Set<QuarterlyReview>().Include(r => r.Notes)
            .SingleOrDefaultAsync(r => r.OrganId == viewer.OrganId && r.Year == year && r.Quarter == quarter, cancellationToken);
        if (review is null)
        {
            review = new QuarterlyReview(viewer.OrganId, year, quarter);
            db.Add(review);
        }

        return review;
    }

    private static async Task<QuarterlyDossier> BuildAsync(QingfengDb db, SupervisionViewer viewer, ClueViewer clueViewer, QuarterlyDossierQuery query, CancellationToken cancellationToken)
    {
        var year = query.Year!.Value;
        var quarter = query.Quarter!.Value;
        if (quarter is < 1 or > 4)
        {
            throw new DomainRuleException("QuarterlyReview.BadQuarter");
        }

        var (start, end) = QuarterlyReview.Window(year, quarter);
        var organId = viewer.OrganId;
        var organName = await db.Organs.AsNoTracking().Where(o => o.Id == organId).Select(o => o.Name).SingleAsync(cancellationToken);
        var review = await db.Set<QuarterlyReview>().AsNoTracking().Include(r => r.Notes)
            .SingleOrDefaultAsync(r => r.OrganId == organId && r.Year == year && r.Quarter == quarter, cancellationToken);

        var officials = db.Officials.AsNoTracking().Where(Principals(viewer));
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            var code = query.RegionCode.Trim();
            officials = officials.Where(o => o.RegionKey.StartsWith(code));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            officials = officials.Where(o => o.Name.Contains(text) || o.Unit!.Name.Contains(text));
        }

        var people = await officials.OrderBy(o => o.RegionKey).ThenBy(o => o.Unit!.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Position, UnitName = o.Unit!.Name, o.LeaderCategory })
            .Take(MaxDocumentRows * 5)
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();

        // The Eight-point Rules categories of the violation catalog are the codes "EP.…".
        var eightPoint = "EP.";

        // Clues about these officials that the reader may see (counts only; a reader without clue access sees none and gets no figure).
#pragma warning disable CA1310 // Translated to SQL by EF Core.
        var clueRows = await (from c in clueViewer.VisibleClues(db).AsNoTracking()
                              from p in c.ReportedPersons
                              where p.OfficialId != null && ids.Contains(p.OfficialId.Value)
                                  && ((c.ReceivedOn >= start && c.ReceivedOn <= end) || (c.DisposedOn >= start && c.DisposedOn <= end)
                                      || (c.FiledOn >= start && c.FiledOn <= end) || (c.DecidedOn >= start && c.DecidedOn <= end))
                              select new
                              {
                                  OfficialId = p.OfficialId!.Value,
                                  c.ReceivedOn,
                                  c.DisposedOn,
                                  c.FiledOn,
                                  c.DecidedOn,
                                  c.IsSanctioned,
                                  EightPoint = c.Categories.Any(k => k.Code.StartsWith(eightPoint)),
                              }).ToListAsync(cancellationToken);
#pragma warning restore CA1310
        bool In(DateOnly? d) => d is { } day && day >= start && day <= end;
        var clues = clueRows.GroupBy(c => c.OfficialId).ToDictionary(g => g.Key, g => (
            Received: g.Count(c => In(c.ReceivedOn)),
            Disposed: g.Count(c => In(c.DisposedOn)),
            Filed: g.Count(c => In(c.FiledOn)),
            Sanctioned: g.Count(c => In(c.DecidedOn) && c.IsSanctioned),
            EightPoint: g.Count(c => In(c.ReceivedOn) && c.EightPoint)));
        int? Figure(int count) => clueViewer.ReadsClues ? count : null;

        // The ledger as it stood at the end of the quarter.
        var itemRows = await db.RectificationItems.AsNoTracking()
            .Where(i => i.Subject.OfficialId != null && ids.Contains(i.Subject.OfficialId.Value) && i.OpenedOn <= end && (i.ClosedOn == null || i.ClosedOn >= start))
            .Select(i => new { OfficialId = i.Subject.OfficialId!.Value, i.State, i.DueOn, i.ClosedOn })
            .ToListAsync(cancellationToken);
        var items = itemRows.GroupBy(i => i.OfficialId).ToDictionary(g => g.Key, g => (
            Open: g.Count(i => i.ClosedOn is null || i.ClosedOn > end),
            Overdue: g.Count(i => (i.ClosedOn is null || i.ClosedOn > end) && i.State != RectificationState.LongTerm && i.DueOn < end),
            Closed: g.Count(i => In(i.ClosedOn))));

        // Talks held (or, not yet held, planned) and letters of inquiry sent in the quarter; accountability decided in it.
        // Talks and letters of a clue's 谈话函询 count only for readers of the clue (SECURITY.md, "Clue-linked letters and talks").
        var visibleClues = clueViewer.VisibleClues(db).Select(c => c.Id);
        var talks = await db.Talks.AsNoTracking().InCircle(visibleClues)
            .Where(t => ids.Contains(t.Subject.OfficialId!.Value) && t.State != TalkState.Cancelled && (t.HeldOn ?? t.PlannedOn) >= start && (t.HeldOn ?? t.PlannedOn) <= end)
            .GroupBy(t => t.Subject.OfficialId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var inquiries = await db.Inquiries.AsNoTracking().InCircle(visibleClues)
            .Where(i => ids.Contains(i.Subject.OfficialId!.Value) && i.SentOn >= start && i.SentOn <= end)
            .GroupBy(i => i.Subject.OfficialId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var accountability = await db.AccountabilityDecisions.AsNoTracking()
            .Where(a => a.Subject.OfficialId != null && ids.Contains(a.Subject.OfficialId.Value) && a.State != AccountabilityState.Revoked && a.DecidedOn >= start && a.DecidedOn <= end)
            .GroupBy(a => a.Subject.OfficialId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        // 述责述廉 at a session within the quarter: the grade once scoring is closed, else how far the report got.
        var reports = await db.DutyReports.AsNoTracking().Where(r => ids.Contains(r.Subject.OfficialId!.Value)).ToListAsync(cancellationToken);
        var campaignIds = reports.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<DutyReportCampaign>().AsNoTracking()
            .Where(c => campaignIds.Contains(c.Id) && c.SessionOn >= start && c.SessionOn <= end).ToDictionaryAsync(c => c.Id, cancellationToken);
        var duty = reports.Where(r => campaigns.ContainsKey(r.CampaignId)).GroupBy(r => r.Subject.OfficialId!.Value).ToDictionary(g => g.Key, g =>
        {
            var report = g.OrderByDescending(r => campaigns[r.CampaignId].SessionOn).First();
            var campaign = campaigns[report.CampaignId];
            return (report.State, Grade: report.MeanScore(campaign) is { } mean ? campaign.GradeOf(mean) : null);
        });

        var notes = review?.Notes.ToDictionary(n => n.OfficialId) ?? [];
        var rows = people.Select(p =>
        {
            var c = clues.GetValueOrDefault(p.Id);
            var r = items.GetValueOrDefault(p.Id);
            var note = notes.GetValueOrDefault(p.Id);
            var d = duty.TryGetValue(p.Id, out var found) ? found : ((DutyReportState State, string? Grade)?)null;
            return new DossierRow(p.Id, p.Name, p.Position, p.UnitName, p.LeaderCategory, Figure(c.Received), Figure(c.Disposed), Figure(c.Filed), Figure(c.Sanctioned), Figure(c.EightPoint), r.Open, r.Overdue, r.Closed,
                talks.GetValueOrDefault(p.Id), inquiries.GetValueOrDefault(p.Id), accountability.GetValueOrDefault(p.Id), d?.State, d?.Grade, note?.Assessment, note?.Text);
        }).ToList();
        if (query.NotableOnly == true)
        {
            rows = [.. rows.Where(r => r.IsNotable || r.Note is not null)];
        }

        var totals = new DossierTotals(
            rows.Count,
            Figure(rows.Sum(r => r.CluesReceived ?? 0)),
            Figure(rows.Sum(r => r.CluesDisposed ?? 0)),
            Figure(rows.Sum(r => r.CasesFiled ?? 0)),
            Figure(rows.Sum(r => r.Sanctioned ?? 0)),
            Figure(rows.Sum(r => r.EightPointClues ?? 0)),
            rows.Sum(r => r.RectificationOpen),
            rows.Sum(r => r.RectificationOverdue),
            rows.Sum(r => r.RectificationClosed),
            rows.Sum(r => r.Talks),
            rows.Sum(r => r.Inquiries),
            rows.Sum(r => r.Accountability));
        var page = rows.PageOf(query).ToList();
        return new QuarterlyDossier(
            year,
            quarter,
            start,
            end,
            organName,
            review?.Conclusion ?? "",
            review?.IsFinal ?? false,
            review?.FinalisedBy,
            totals,
            new Paged<DossierRow>(page, rows.Count, query.PageNumber, query.Size),
            review?.Version);
    }
}
