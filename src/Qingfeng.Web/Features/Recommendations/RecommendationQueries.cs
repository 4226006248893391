using Qingfeng.Features.Audit;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

/// <summary>Reads of recommendations and adopted rules within jurisdiction; views and exports are audited.</summary>
public sealed class RecommendationQueries(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, AuditLog audit, WorkingDayCalendar calendar, TimeProvider time)
{
    public async Task<Paged<RecommendationListItem>> SearchAsync(RecommendationQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var filtered = Filter(db, viewer, query, today);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Project(Ordered(filtered).PageOf(query), today).ToListAsync(cancellationToken);
        return new Paged<RecommendationListItem>(Finish(rows), total, query.PageNumber, query.Size);
    }

    public async Task<IReadOnlyList<RecommendationListItem>> ExportAsync(RecommendationQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var rows = await Project(Ordered(Filter(db, viewer, query, today)).Take(50_000), today).ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(Recommendation), null, string.Create(CultureInfo.InvariantCulture, $"rows={rows.Count}"), cancellationToken: cancellationToken);
        return Finish(rows);
    }

    public async Task<RecommendationDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var r = await LoadAsync(db, viewer, id, cancellationToken);
        var itemIds = r.Measures.Where(m => m.RectificationItemId != null).Select(m => m.RectificationItemId!.Value).ToList();
        var states = await db.RectificationItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.State }).ToDictionaryAsync(i => i.Id, i => i.State, cancellationToken);
        await audit.RecordAsync("View", nameof(Recommendation), id.ToString(), cancellationToken: cancellationToken);
        var actor = viewer.ActorFor(r);
        return new RecommendationDetail(
            r.Id,
            r.OrganId,
            r.Number,
            r.Kind,
            SubjectView.Of(r.Subject),
            r.Title,
            r.Origin,
            r.Findings,
            r.IssuedOn,
            r.ReplyDueOn,
            r.State,
            r.IsReplyOverdue(Today),
            r.RepliedOn,
            r.Reply,
            r.Objection,
            r.ClosedOn,
            r.Outcome,
            [.. r.Measures.OrderBy(m => m.Number).Select(m => new RecommendationMeasureItem(m.Id, m.Number, m.Text, m.RectificationItemId,
                m.RectificationItemId is { } itemId && states.TryGetValue(itemId, out var state) ? state : null))],
            [.. r.Checks.OrderBy(c => c.CheckedOn).ThenBy(c => c.Id).Select(c => new RecommendationCheckItem(c.Id, c.CheckedOn, c.Finding, c.Satisfactory, c.ByName))],
            [.. r.Rules.OrderBy(x => x.AdoptedOn).ThenBy(x => x.Id).Select(x => new AdoptedRuleItem(x.Id, x.Title, x.AdoptedOn, x.Summary))],
            [.. RecommendationWorkflow.Table.Available(r, actor).Select(a => a.ToString())],
            actor.MayChange)
        {
            ReplyDueProvisional = calendar.IsProvisional(r.ReplyDueOn),
        };
    }

    /// <summary>What the list and its export add to the projected rows: the provisional mark of each reply date.</summary>
    private List<RecommendationListItem> Finish(List<RecommendationListItem> rows) =>
        [.. rows.Select(r => r with { ReplyDueProvisional = calendar.IsProvisional(r.ReplyDueOn) })];

    /// <summary>The rules units adopted, searchable by words in their title or summary (e.g. “采购”).</summary>
    public async Task<Paged<AdoptedRuleListItem>> SearchRulesAsync(AdoptedRuleQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = from rule in db.Set<AdoptedRule>().AsNoTracking().Where(viewer.Visible<AdoptedRule>())
                join rec in db.Recommendations.AsNoTracking() on rule.RecommendationId equals rec.Id
                select new { rule, rec };
        if (query.UnitId is { } unit)
        {
            q = q.Where(x => x.rule.Subject.UnitId == unit);
        }

        q = q.Within(x => x.rule.AdoptedOn, query.From, query.To);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(x => x.rule.Title.Contains(text) || (x.rule.Summary != null && x.rule.Summary.Contains(text)) || x.rec.Subject.UnitName.Contains(text) || x.rec.Number.Contains(text));
        }

        var total = await q.CountAsync(cancellationToken);
        var rows = await q.OrderByDescending(x => x.rule.AdoptedOn).ThenByDescending(x => x.rule.Id)
            .PageOf(query)
            .Select(x => new AdoptedRuleListItem(x.rule.Id, x.rule.Title, x.rule.AdoptedOn, x.rule.Summary, x.rec.Id, x.rec.Number, SubjectView.Of(x.rec.Subject)))
            .ToListAsync(cancellationToken);
        return new Paged<AdoptedRuleListItem>(rows, total, query.PageNumber, query.Size);
    }

    /// <summary>A recommendation for its letter, with the issuing organ's name (the generation is audited by the caller).</summary>
    internal async Task<(Recommendation Recommendation, string Organ)> ForDocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var r = await LoadAsync(db, viewer, id, cancellationToken);
        var organ = await db.Set<Organ>().AsNoTracking().Where(o => o.Id == r.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        return (r, organ);
    }

    private DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    private async Task<Recommendation> LoadAsync(QingfengDb db, SupervisionViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var r = await db.Recommendations.AsNoTracking().Where(viewer.Visible<Recommendation>())
            .Include(x => x.Measures).Include(x => x.Checks).Include(x => x.Rules).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            await audit.RecordAsync("View", nameof(Recommendation), id.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        return r;
    }

    private static IQueryable<Recommendation> Ordered(IQueryable<Recommendation> q) => q.OrderByDescending(r => r.IssuedOn).ThenByDescending(r => r.Sequence);

    private static IQueryable<Recommendation> Filter(QingfengDb db, SupervisionViewer viewer, RecommendationQuery query, DateOnly today)
    {
        var q = db.Recommendations.AsNoTracking().Where(viewer.Visible<Recommendation>());
        if (query.Kind is { } kind)
        {
            q = q.Where(r => r.Kind == kind);
        }

        if (query.State is { } state)
        {
            q = q.Where(r => r.State == state);
        }

        if (query.OverdueOnly == true)
        {
            q = q.Where(r => r.State == RecommendationState.Issued && r.ReplyDueOn < today);
        }

        q = q.Within(r => r.IssuedOn, query.From, query.To);

        q = q.About(unitId: query.UnitId);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(r => r.Subject.UnitName.Contains(text) || r.Number.Contains(text) || r.Title.Contains(text) || r.Findings.Contains(text));
        }

        return q;
    }

    private static IQueryable<RecommendationListItem> Project(IQueryable<Recommendation> q, DateOnly today) => q.Select(r => new RecommendationListItem(
        r.Id,
        r.Number,
        r.Kind,
        SubjectView.Of(r.Subject),
        r.Title,
        r.IssuedOn,
        r.ReplyDueOn,
        r.State,
        r.State == RecommendationState.Issued && r.ReplyDueOn < today,
        r.RepliedOn,
        r.Measures.Count,
        r.Rules.Count));
}
