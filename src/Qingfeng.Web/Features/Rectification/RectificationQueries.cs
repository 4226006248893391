using Qingfeng.Features.Audit;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

/// <summary>Reads of the ledger within jurisdiction: the filtered list, one item with the actions open to the caller, evidence, statistics.</summary>
public sealed class RectificationQueries(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    SupervisionCalendar calendar,
    FieldEncryption encryption,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<Paged<RectificationListItem>> SearchAsync(RectificationQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (today, soon) = Window();
        var filtered = Filter(db, viewer, query, today, soon);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Sort(filtered, query).PageOf(query).ToListAsync(cancellationToken);
        return new Paged<RectificationListItem>([.. rows.Select(r => ToListItem(r, today, soon))], total, query.PageNumber, query.Size);
    }

    public async Task<IReadOnlyList<RectificationListItem>> ExportAsync(RectificationQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (today, soon) = Window();
        var rows = await Sort(Filter(db, viewer, query, today, soon), query).Take(50_000).ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(RectificationItem), null, $"rows={rows.Count}", cancellationToken: cancellationToken);
        return [.. rows.Select(r => ToListItem(r, today, soon))];
    }

    public async Task<RectificationDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.RectificationItems.AsNoTracking().Where(viewer.Visible<RectificationItem>())
            .Include(i => i.Progress).ThenInclude(p => p.Evidence)
            .Include(i => i.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");
        var (today, soon) = Window();
        var actor = viewer.ActorFor(item);
        return new RectificationDetail(
            item.Id,
            item.OrganId,
            item.Source,
            item.SourceId,
            item.SourceReference,
            SubjectView.Of(item.Subject),
            item.Problem,
            item.Measures,
            item.OpenedOn,
            item.DueOn,
            item.State,
            TimingOf(item.State, item.DueOn, item.ClosedOn, today, soon),
            item.Escalation,
            item.ClosedOn,
            item.Outcome,
            [.. item.Progress.OrderBy(p => p.At).Select(p => new RectificationProgressItem(
                p.Id, p.At, p.ReporterName, p.Text, p.ClaimsDone, [.. p.Evidence.Select(e => new EvidenceItem(e.Id, e.FileName, e.ContentType, e.Size))]))],
            [.. item.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new RectificationEventItem(e.At, e.ActorName, e.Action, e.Comment))],
            RectificationWorkflow.Table.Available(item, actor),
            item.Version,
            actor.MayChange,
            item.IsOpen)
        {
            DueProvisional = calendar.Calendar.IsProvisional(item.DueOn),
        };
    }

    /// <summary>An evidence file, decrypted; the download is audited.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> EvidenceAsync(Guid id, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await db.RectificationItems.AsNoTracking().Where(viewer.Visible<RectificationItem>()).AnyAsync(i => i.Id == id, cancellationToken);
        var evidence = visible
            ? await (from p in db.Set<RectificationProgress>().AsNoTracking()
                     from e in p.Evidence
                     where p.ItemId == id && e.Id == evidenceId
                     select e).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (evidence is null)
        {
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        await audit.RecordAsync("Download", nameof(RectificationEvidence), evidenceId.ToString(), id.ToString(), cancellationToken: cancellationToken);
        return (evidence.FileName, evidence.ContentType, encryption.DecryptBytes(evidence.Cipher, evidence.AssociatedData));
    }

    /// <summary>On time / due soon / overdue / escalated / closed on time or late, overall and per source.</summary>
    public async Task<RectificationStatistics> StatisticsAsync(RectificationQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (today, soon) = Window();
        var rows = await Filter(db, viewer, query with { Page = null, PageSize = null }, today, soon)
            .Select(i => new { i.Source, i.State, i.DueOn, i.ClosedOn, i.Escalation })
            .ToListAsync(cancellationToken);
        RectificationCounts Count(IEnumerable<(RectificationTiming Timing, RectificationState State, EscalationLevel Escalation)> items)
        {
            var list = items.ToList();
            return new RectificationCounts(
                list.Count,
                list.Count(i => i.Timing == RectificationTiming.OnTime && i.State != RectificationState.LongTerm),
                list.Count(i => i.Timing == RectificationTiming.DueSoon),
                list.Count(i => i.Timing == RectificationTiming.Overdue),
                list.Count(i => i.Escalation == EscalationLevel.Leadership && i.State != RectificationState.Closed),
                list.Count(i => i.State == RectificationState.LongTerm),
                list.Count(i => i.Timing == RectificationTiming.ClosedOnTime),
                list.Count(i => i.Timing == RectificationTiming.ClosedLate));
        }

        var timed = rows.Select(r => (r.Source, Item: (TimingOf(r.State, r.DueOn, r.ClosedOn, today, soon), r.State, r.Escalation))).ToList();
        return new RectificationStatistics(
            Count(timed.Select(t => t.Item)),
            [.. timed.GroupBy(t => t.Source).OrderBy(g => g.Key).Select(g => new RectificationSourceCounts(g.Key, Count(g.Select(t => t.Item))))]);
    }

    public static RectificationTiming TimingOf(RectificationState state, DateOnly dueOn, DateOnly? closedOn, DateOnly today, DateOnly soon) => state switch
    {
        RectificationState.Closed => closedOn <= dueOn ? RectificationTiming.ClosedOnTime : RectificationTiming.ClosedLate,
        RectificationState.LongTerm => RectificationTiming.OnTime,
        _ when dueOn < today => RectificationTiming.Overdue,
        _ when dueOn <= soon => RectificationTiming.DueSoon,
        _ => RectificationTiming.OnTime,
    };

    private (DateOnly Today, DateOnly Soon) Window()
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return (today, calendar.DueSoonLimit(today));
    }

    private static IQueryable<RectificationItem> Filter(QingfengDb db, SupervisionViewer viewer, RectificationQuery query, DateOnly today, DateOnly soon)
    {
        var q = db.RectificationItems.AsNoTracking().Where(viewer.Visible<RectificationItem>());
        if (query.Source is { } source)
        {
            q = q.Where(i => i.Source == source);
        }

        if (query.State is { } state)
        {
            q = q.Where(i => i.State == state);
        }

        if (query.Escalation is { } escalation)
        {
            q = q.Where(i => i.Escalation == escalation && i.State != RectificationState.Closed);
        }

        q = q.About(unitId: query.UnitId, officialId: query.OfficialId, principalOnly: query.PrincipalOnly);

        if (query.SourceId is { } sourceId)
        {
            q = q.Where(i => i.SourceId == sourceId);
        }

        q = q.Within(i => i.DueOn, query.DueFrom, query.DueTo);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(i => i.Subject.UnitName.Contains(text) || (i.Subject.OfficialName != null && i.Subject.OfficialName.Contains(text)) || i.SourceReference.Contains(text));
        }

        return query.Timing switch
        {
            RectificationTiming.Overdue => q.Where(i => i.State != RectificationState.Closed && i.State != RectificationState.LongTerm && i.DueOn < today),
            RectificationTiming.DueSoon => q.Where(i => i.State != RectificationState.Closed && i.State != RectificationState.LongTerm && i.DueOn >= today && i.DueOn <= soon),
            RectificationTiming.OnTime => q.Where(i => i.State != RectificationState.Closed && (i.State == RectificationState.LongTerm || i.DueOn > soon)),
            RectificationTiming.ClosedOnTime => q.Where(i => i.State == RectificationState.Closed && i.ClosedOn <= i.DueOn),
            RectificationTiming.ClosedLate => q.Where(i => i.State == RectificationState.Closed && i.ClosedOn > i.DueOn),
            _ => q,
        };
    }

    private static IQueryable<RectificationItem> Sort(IQueryable<RectificationItem> q, RectificationQuery query)
    {
        var descending = query.Descending == true;
        return (query.Sort?.ToLowerInvariant()) switch
        {
            "opened" => q.OrderBy(i => i.OpenedOn, descending).ThenBy(i => i.Id),
            "unit" => q.OrderBy(i => i.Subject.UnitName, descending).ThenBy(i => i.Id),
            "state" => q.OrderBy(i => i.State, descending).ThenBy(i => i.DueOn),
            _ => q.OrderBy(i => i.DueOn, descending).ThenBy(i => i.Id),
        };
    }

    private RectificationListItem ToListItem(RectificationItem i, DateOnly today, DateOnly soon) => new(
        i.Id, i.Source, i.SourceReference, SubjectView.Of(i.Subject), i.Problem, i.OpenedOn, i.DueOn, i.State,
        TimingOf(i.State, i.DueOn, i.ClosedOn, today, soon), i.Escalation, i.ClosedOn, i.IsOpen)
    {
        DueProvisional = calendar.Calendar.IsProvisional(i.DueOn),
    };
}
