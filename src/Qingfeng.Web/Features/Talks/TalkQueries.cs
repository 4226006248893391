using Qingfeng.Features.Audit;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

/// <summary>
/// Read side of talks and letters of inquiry, always within jurisdiction; views of a talk record are audited. Records linked to a
/// clue are read only by whoever may open the clue (<see cref="IClueCircle"/>).
/// </summary>
public sealed class TalkQueries(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, IClueCircle circle, AuditLog audit, TalkTierRule tiers, WorkingDayCalendar calendar, TimeProvider time)
{
    public IReadOnlyList<TalkTier> Tiers => tiers.Tiers;

    public async Task<Paged<TalkListItem>> SearchAsync(TalkQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var talks = Filter(db, viewer, await circle.VisibleClueIdsAsync(db, cancellationToken), query);
        var total = await talks.CountAsync(cancellationToken);
        var items = await Project(db, Sort(talks, query).PageOf(query)).ToListAsync(cancellationToken);
        return new Paged<TalkListItem>(items, total, query.PageNumber, query.Size);
    }

    public async Task<IReadOnlyList<TalkListItem>> ExportAsync(TalkQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await Project(db, Sort(Filter(db, viewer, await circle.VisibleClueIdsAsync(db, cancellationToken), query), query).Take(50_000)).ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(Talk), null, string.Create(CultureInfo.InvariantCulture, $"rows={items.Count}"), cancellationToken: cancellationToken);
        return items;
    }

    /// <summary>The talk with its record and follow-up items; the view is audited.</summary>
    public async Task<TalkDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var t = await db.Set<Talk>().AsNoTracking().Where(viewer.Visible<Talk>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (t is null)
        {
            await audit.RecordAsync("View", nameof(Talk), id.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        var followUps = await FollowUpsAsync(db, RectificationSource.Talk, id, cancellationToken);
        await audit.RecordAsync("View", nameof(Talk), id.ToString(), cancellationToken: cancellationToken);
        var actor = viewer.ActorFor(t);
        return new TalkDetail(
            t.Id, t.Type, t.Tier, t.TalkerTitle, t.State, SubjectView.Of(t.Subject),
            t.PlannedOn, t.Place, t.Talkers, t.Participants, t.Recorder, t.ClueId, t.Outline, t.HeldOn, t.Record, t.Commitments, t.PledgeDueOn, t.PledgeReceivedOn,
            t.ClosedOn, t.ClosingNote, t.CancelReason, t.Outcome, followUps, t.Version, actor.MayChange,
            TalkWorkflow.Table.Available(t, actor));
    }

    /// <summary>
    /// The one-click count: talks held (held or closed) in the date range, by type, by tier and by leader category,
    /// with the number of different officials talked to.
    /// </summary>
    public async Task<TalkCount> CountAsync(TalkCountQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var talks = db.Set<Talk>().AsNoTracking().Where(viewer.Visible<Talk>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
            .Where(t => t.State == TalkState.Held || t.State == TalkState.Closed);
        if (query.Type is { } type)
        {
            talks = talks.Where(t => t.Type == type);
        }

        if (query.Tier is { } tier)
        {
            talks = talks.Where(t => t.Tier == tier);
        }

        talks = talks.About(unitId: query.UnitId, officialId: query.OfficialId, principalOnly: query.PrincipalOnly);

        talks = talks.Within(t => t.HeldOn, query.From, query.To);

        var rows = await talks.Select(t => new { t.Type, t.Tier, t.Subject.LeaderCategory, OfficialId = t.Subject.OfficialId!.Value }).ToListAsync(cancellationToken);
        static TalkCountRow Row(string key, IEnumerable<Guid> officials)
        {
            var list = officials.ToList();
            return new TalkCountRow(key, list.Count, list.Distinct().Count());
        }

        return new TalkCount(
            rows.Count,
            rows.Select(r => r.OfficialId).Distinct().Count(),
            [.. rows.GroupBy(r => r.Type).OrderBy(g => g.Key).Select(g => Row(g.Key.ToString(), g.Select(r => r.OfficialId)))],
            [.. rows.Where(r => r.Tier != null).GroupBy(r => r.Tier!.Value).OrderBy(g => g.Key).Select(g => Row(g.Key.ToString(CultureInfo.InvariantCulture), g.Select(r => r.OfficialId)))],
            [.. rows.GroupBy(r => r.LeaderCategory).OrderBy(g => g.Key).Select(g => Row(g.Key?.ToString() ?? "None", g.Select(r => r.OfficialId)))]);
    }

    public async Task<Paged<InquiryListItem>> SearchInquiriesAsync(InquiryQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var inquiries = FilterInquiries(db, viewer, await circle.VisibleClueIdsAsync(db, cancellationToken), query, today);
        var total = await inquiries.CountAsync(cancellationToken);
        var items = await ProjectInquiries(SortInquiries(inquiries, query).PageOf(query), today)
            .ToListAsync(cancellationToken);
        return new Paged<InquiryListItem>(Finish(items), total, query.PageNumber, query.Size);
    }

    public async Task<IReadOnlyList<InquiryListItem>> ExportInquiriesAsync(InquiryQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var items = Finish(await ProjectInquiries(SortInquiries(FilterInquiries(db, viewer, await circle.VisibleClueIdsAsync(db, cancellationToken), query, today), query).Take(50_000), today).ToListAsync(cancellationToken));
        await audit.RecordAsync("Export", nameof(Inquiry), null, string.Create(CultureInfo.InvariantCulture, $"rows={items.Count}"), cancellationToken: cancellationToken);
        return items;
    }

    public async Task<InquiryDetail> GetInquiryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var i = await db.Set<Inquiry>().AsNoTracking().Where(viewer.Visible<Inquiry>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (i is null)
        {
            await audit.RecordAsync("View", nameof(Inquiry), id.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        var followUps = await FollowUpsAsync(db, RectificationSource.InquiryLetter, id, cancellationToken);
        await audit.RecordAsync("View", nameof(Inquiry), id.ToString(), cancellationToken: cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var actor = viewer.ActorFor(i);
        return new InquiryDetail(
            i.Id, SubjectView.Of(i.Subject), i.DocumentNumber, i.Matters, i.ClueId, i.SentOn, i.ReplyDueOn,
            i.State, i.IsOverdueOn(today), i.ReplyReceivedOn, i.ReplyText, i.CountersignedBy, i.CountersignNote, i.Assessment, i.AssessmentNote, i.ClosedOn,
            i.Outcome, followUps, i.Version, actor.MayChange,
            InquiryWorkflow.Table.Available(i, actor))
        {
            ReplyDueProvisional = calendar.IsProvisional(i.ReplyDueOn),
        };
    }

    /// <summary>Talks and inquiries for a document: loaded within jurisdiction (the generation is audited by the caller).</summary>
    internal async Task<(Talk Talk, string Organ)> TalkForDocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var talk = await db.Set<Talk>().AsNoTracking().Where(viewer.Visible<Talk>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");
        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == talk.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        return (talk, organ);
    }

    internal async Task<(Inquiry Inquiry, string Organ)> InquiryForDocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inquiry = await db.Set<Inquiry>().AsNoTracking().Where(viewer.Visible<Inquiry>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");
        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == inquiry.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        return (inquiry, organ);
    }

    /// <summary>The ledger items a talk or letter opened: by source and id, the ledger's index (the id alone reads every item).</summary>
    private static async Task<IReadOnlyList<FollowUpItem>> FollowUpsAsync(QingfengDb db, RectificationSource source, Guid sourceId, CancellationToken cancellationToken) =>
        await db.RectificationItems.AsNoTracking().Where(r => r.Source == source && r.SourceId == sourceId).OrderBy(r => r.OpenedOn).ThenBy(r => r.Id)
            .Select(r => new FollowUpItem(r.Id, r.Problem, r.DueOn, r.State)).ToListAsync(cancellationToken);

    private static IQueryable<Talk> Filter(QingfengDb db, SupervisionViewer viewer, IQueryable<Guid> visibleClues, TalkQuery query)
    {
        var talks = db.Set<Talk>().AsNoTracking().Where(viewer.Visible<Talk>()).InCircle(visibleClues);
        if (query.Type is { } type)
        {
            talks = talks.Where(t => t.Type == type);
        }

        if (query.Tier is { } tier)
        {
            talks = talks.Where(t => t.Tier == tier);
        }

        if (query.State is { } state)
        {
            talks = talks.Where(t => t.State == state);
        }

        talks = talks.About(unitId: query.UnitId, officialId: query.OfficialId, principalOnly: query.PrincipalOnly);

        talks = talks.Within(t => t.HeldOn ?? t.PlannedOn, query.From, query.To);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
#pragma warning disable CA1307 // Translated to SQL by EF Core.
            talks = talks.Where(t => t.Subject.OfficialName!.Contains(text) || t.Subject.UnitName.Contains(text));
#pragma warning restore CA1307
        }

        return talks;
    }

    private static IQueryable<Talk> Sort(IQueryable<Talk> talks, TalkQuery query)
    {
        var descending = query.Descending ?? query.Sort is null or "date";
        return query.Sort switch
        {
            "official" => talks.OrderBy(t => t.Subject.OfficialName, descending).ThenBy(t => t.Id),
            "unit" => talks.OrderBy(t => t.Subject.UnitName, descending).ThenBy(t => t.Id),
            "type" => talks.OrderBy(t => t.Type, descending).ThenBy(t => t.Id),
            "state" => talks.OrderBy(t => t.State, descending).ThenBy(t => t.Id),
            _ => talks.OrderBy(t => t.HeldOn ?? t.PlannedOn, descending).ThenBy(t => t.Id),
        };
    }

    private static IQueryable<Inquiry> SortInquiries(IQueryable<Inquiry> inquiries, InquiryQuery query)
    {
        var descending = query.Descending ?? query.Sort is null or "sent";
        return query.Sort switch
        {
            "official" => inquiries.OrderBy(i => i.Subject.OfficialName, descending).ThenBy(i => i.Id),
            "unit" => inquiries.OrderBy(i => i.Subject.UnitName, descending).ThenBy(i => i.Id),
            "due" => inquiries.OrderBy(i => i.ReplyDueOn, descending).ThenBy(i => i.Id),
            "state" => inquiries.OrderBy(i => i.State, descending).ThenBy(i => i.Id),
            _ => inquiries.OrderBy(i => i.SentOn, descending).ThenBy(i => i.Id),
        };
    }

    private static IQueryable<TalkListItem> Project(QingfengDb db, IQueryable<Talk> talks) =>
        talks.Select(t => new TalkListItem(
            t.Id, t.Type, t.Tier, t.State, SubjectView.Of(t.Subject), t.PlannedOn, t.HeldOn, t.Talkers,
            db.RectificationItems.Count(r => r.Source == RectificationSource.Talk && r.SourceId == t.Id)));

    private static IQueryable<Inquiry> FilterInquiries(QingfengDb db, SupervisionViewer viewer, IQueryable<Guid> visibleClues, InquiryQuery query, DateOnly today)
    {
        var inquiries = db.Set<Inquiry>().AsNoTracking().Where(viewer.Visible<Inquiry>()).InCircle(visibleClues);
        if (query.State is { } state)
        {
            inquiries = inquiries.Where(i => i.State == state);
        }

        if (query.OverdueOnly == true)
        {
            inquiries = inquiries.Where(i => i.State == InquiryState.Sent && i.ReplyDueOn < today);
        }

        inquiries = inquiries.About(officialId: query.OfficialId, principalOnly: query.PrincipalOnly);

        inquiries = inquiries.Within(i => i.SentOn, query.From, query.To);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
#pragma warning disable CA1307 // Translated to SQL by EF Core.
            inquiries = inquiries.Where(i => i.Subject.OfficialName!.Contains(text) || i.Subject.UnitName.Contains(text));
#pragma warning restore CA1307
        }

        return inquiries;
    }

    // What the database cannot say: whether the reply date was counted on a loaded holiday schedule. The list and the export alike.
    private List<InquiryListItem> Finish(List<InquiryListItem> items) =>
        [.. items.Select(i => i with { ReplyDueProvisional = calendar.IsProvisional(i.ReplyDueOn) })];

    private static IQueryable<InquiryListItem> ProjectInquiries(IQueryable<Inquiry> inquiries, DateOnly today) =>
        inquiries.Select(i => new InquiryListItem(
            i.Id, SubjectView.Of(i.Subject), i.SentOn, i.ReplyDueOn, i.State,
            i.State == InquiryState.Sent && i.ReplyDueOn < today, i.ReplyReceivedOn, i.Assessment));
}
