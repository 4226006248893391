using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Decisions;

/// <summary>Reads of 三重一大 decision records within jurisdiction: the filtered list, one record with its findings, the export.</summary>
public sealed class DecisionQueries(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, ClueAccess clueAccess, AuditLog audit)
{
    public async Task<Paged<DecisionListItem>> SearchAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, viewer, query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Project(filtered.OrderByDescending(r => r.MeetingOn).ThenByDescending(r => r.Id)
            .PageOf(query)).ToListAsync(cancellationToken);
        return new Paged<DecisionListItem>(rows, total, query.PageNumber, query.Size);
    }

    public async Task<IReadOnlyList<DecisionListItem>> ExportAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(Filter(db, viewer, query).OrderByDescending(r => r.MeetingOn).ThenByDescending(r => r.Id).Take(50_000)).ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(DecisionRecord), null, $"rows={rows.Count}", cancellationToken: cancellationToken);
        return rows;
    }

    public async Task<DecisionDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var r = await db.DecisionRecords.AsNoTracking().Where(viewer.Visible<DecisionRecord>()).Include(x => x.Findings)
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");
        var raised = r.Findings.Where(f => f.ClueId is not null).Select(f => f.ClueId!.Value).Distinct().ToList();
        var visible = raised.Count == 0
            ? []
            : (await (await clueAccess.ViewerAsync(cancellationToken)).VisibleClues(db).AsNoTracking().Where(c => raised.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var actor = viewer.ActorFor(r);
        return new DecisionDetail(
            r.Id,
            r.OrganId,
            SubjectView.Of(r.Subject),
            r.Kind,
            r.Title,
            r.MeetingOn,
            r.MeetingKind,
            r.AgendaDaysAhead,
            r.MembersPresent,
            r.MembersTotal,
            r.DecidedCollectively,
            r.PrincipalSpokeLast,
            r.Dissent,
            r.AmountFen / 100m,
            [.. DecisionChecks.Areas(r.PrincipalInChargeOf)],
            r.Outcome,
            [.. r.Findings.OrderBy(f => f.ClearedAt is not null).ThenByDescending(f => f.Severity).ThenBy(f => f.CheckCode, StringComparer.Ordinal)
                .Select(f => new DecisionFindingItem(
                    f.Id, f.CheckCode, f.Severity, f.Text, f.FoundAt, f.ClearedAt, f.RectificationItemId, f.ClueId is { } clue && visible.Contains(clue) ? clue : null, f.ClueRecommended)
                {
                    ClueRegistered = f.ClueId is not null,
                })],
            [.. DecisionWorkflow.Table.Available(r, actor).Select(a => a.ToString())],
            r.Version,
            actor.MayChange);
    }

    private static IQueryable<DecisionRecord> Filter(QingfengDb db, SupervisionViewer viewer, DecisionQuery query)
    {
        var q = db.DecisionRecords.AsNoTracking().Where(viewer.Visible<DecisionRecord>());
        if (query.Kind is { } kind)
        {
            q = q.Where(r => r.Kind == kind);
        }

        q = q.Within(r => r.MeetingOn, query.From, query.To);

        if (query.HasFindings is { } has)
        {
            q = q.Where(r => r.Findings.Any(f => f.ClearedAt == null) == has);
        }

        if (query.PrincipalSpokeLast is { } last)
        {
            q = q.Where(r => r.PrincipalSpokeLast == last);
        }

        q = q.About(unitId: query.UnitId);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(r => r.Subject.UnitName.Contains(text) || r.Title.Contains(text));
        }

        return q;
    }

    private static IQueryable<DecisionListItem> Project(IQueryable<DecisionRecord> q) => q.Select(r => new DecisionListItem(
        r.Id,
        SubjectView.Of(r.Subject),
        r.Kind,
        r.Title,
        r.MeetingOn,
        r.MeetingKind,
        r.DecidedCollectively,
        r.PrincipalSpokeLast,
        r.AmountFen == null ? null : r.AmountFen / 100m,
        r.Findings.Count(f => f.ClearedAt == null),
        r.Findings.Where(f => f.ClearedAt == null).Max(f => (FindingSeverity?)f.Severity)));
}
