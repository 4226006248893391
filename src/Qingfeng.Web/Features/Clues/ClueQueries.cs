using System.Linq.Expressions;
using Qingfeng.Features.Audit;
using Qingfeng.Features.PersonResolution;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Clues;

/// <summary>
/// Read side of clues: queues, full-text search and details, always through <see cref="ClueViewer.VisibleClues"/>.
/// Every view of a clue's content, every search and every export is audited.
/// </summary>
public sealed class ClueQueries(
    IDbContextFactory<QingfengDb> dbFactory,
    ClueAccess access,
    ClueProtection protection,
    ClueDeadlines deadlines,
    PersonResolver resolver,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<Paged<ClueListItem>> SearchAsync(ClueQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (clues, terms) = await FilterAsync(db, viewer, query, cancellationToken);
        var total = await clues.CountAsync(cancellationToken);
        var page = await Project(Sort(clues, query.Sort, query.Descending).PageOf(query))
            .ToListAsync(cancellationToken);
        var items = Finish(page).ToList();
        if (terms.Count > 0)
        {
            items = await WithSnippetsAsync(db, viewer, items, terms, cancellationToken);
            await audit.RecordAsync("Search", nameof(Clue), null, string.Create(CultureInfo.InvariantCulture, $"terms={terms.Count} results={total}"), cancellationToken: cancellationToken);
        }

        return new Paged<ClueListItem>(items, total, query.PageNumber, query.Size);
    }

    /// <summary>Every clue matching the filter (at most 50,000) for Excel export; audited.</summary>
    public async Task<IReadOnlyList<ClueListItem>> ExportAsync(ClueQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (clues, _) = await FilterAsync(db, viewer, query, cancellationToken);
        var items = Finish(await Project(Sort(clues, query.Sort, query.Descending).Take(50_000)).ToListAsync(cancellationToken)).ToList();
        await audit.RecordAsync("Export", nameof(Clue), null, string.Create(CultureInfo.InvariantCulture, $"rows={items.Count}"), cancellationToken: cancellationToken);
        return items;
    }

    public async Task<ClueDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Clue clue;
        try
        {
            clue = await ClueService.LoadAsync(db, viewer, id, cancellationToken);
        }
        catch (DomainRuleException)
        {
            await audit.RecordAsync("View", nameof(Clue), id.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw;
        }

        var attachments = await viewer.VisibleAttachments(db).AsNoTracking().Where(a => a.ClueId == id).OrderBy(a => a.CreatedAt)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt))
            .ToListAsync(cancellationToken);
        var letters = await db.Inquiries.AsNoTracking().Where(i => i.ClueId == id).OrderBy(i => i.SentOn).ThenBy(i => i.Id)
            .Select(i => new ClueLetterItem(i.Id, i.DocumentNumber, i.SentOn, i.ReplyDueOn, i.State, i.ReplyReceivedOn)).ToListAsync(cancellationToken);
        var talks = await db.Talks.AsNoTracking().Where(t => t.ClueId == id).OrderBy(t => t.PlannedOn).ThenBy(t => t.Id)
            .Select(t => new ClueTalkItem(t.Id, t.HeldOn ?? t.PlannedOn, t.State)).ToListAsync(cancellationToken);
        var content = protection.UnprotectContent(clue);
        var reporter = viewer.SeesReporter ? protection.UnprotectReporter(clue) : null;
        await audit.RecordAsync("View", nameof(Clue), id.ToString(), reporter is null ? null : "reporter", cancellationToken: cancellationToken);

        var actor = viewer.Actor;
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return new ClueDetail(
            clue.Id,
            clue.Number,
            clue.Version,
            clue.Source,
            clue.ReceivedOn,
            clue.IsRealName,
            clue.State,
            clue.IsPrincipal,
            clue.LeaderCategory,
            content,
            reporter,
            clue.IsRealName && !viewer.SeesReporter,
            [.. clue.ReportedPersons.Select(p => new ReportedPersonItem(p.OfficialId, p.Name, p.UnitName, p.Position, p.IsPrincipal, p.LeaderCategory) { PersonId = p.Id, LinkState = p.LinkState, MentionText = p.MentionText })],
            [.. clue.Categories.Select(c => c.Code)],
            clue.Method,
            clue.ClosingOutcome,
            clue.PendingState,
            clue.HandlerName,
            clue.DueOn,
            clue.DueKind,
            deadlines.StatusOf(clue.DueOn, today),
            clue.CaseNumber,
            clue.FiledOn,
            clue.DecidedOn,
            clue.TransferredOn,
            clue.AppealResult,
            clue.MergedIntoId,
            [.. clue.Sanctions.Select(s => new SanctionItem(s.Code, SanctionCatalog.Find(s.Code)?.Name ?? s.Code, s.Kind, s.Form, s.DecidedOn, s.InfluenceEndsOn, s.RevokedOn))],
            new ClueOutcomeItem(clue.Outcome.ProblemsFound, clue.Outcome.FurtherClues, clue.Outcome.FundsPaidOutFen / 100m, clue.Outcome.FundsRecoveredFen / 100m),
            [.. clue.History.OrderBy(h => h.At).Select(h => new ClueHistoryItem(h.At, h.UserName, h.Action, h.From, h.To, h.Comment))],
            [.. clue.Participants.Where(p => p.Role != ParticipantRole.Registrar).Select(p => p.Name).Distinct(StringComparer.Ordinal)],
            [.. clue.Recusals.Select(r => r.UserName)],
            attachments,
            [.. ClueWorkflow.Transitions.Where(t => clue.CanTake(t, actor)).Select(t => t.Action)],
            letters,
            talks)
        {
            DueProvisional = deadlines.IsProvisional(clue.DueOn),
            MayLinkPersons = clue.MayLinkPersons(actor),
        };
    }

    /// <summary>
    /// 待关联: the active clues the caller may see (<see cref="ClueViewer.VisibleClues"/>) with a reported person waiting for a
    /// link, newest first, each person with the resolver's candidates (within the caller's jurisdiction) and their reasons.
    /// </summary>
    public async Task<Paged<LinkQueueItem>> LinkQueueAsync(LinkQueueQuery query, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(query);
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var terminal = ClueWorkflow.Terminal.ToList();
        var waiting = viewer.VisibleClues(db).AsNoTracking()
            .Where(c => !terminal.Contains(c.State) && c.ReportedPersons.Any(p => p.LinkState == PersonLinkState.Pending));
        var total = await waiting.CountAsync(cancellationToken);
        var page = await waiting.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).PageOf(query)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.ReceivedOn,
                c.State,
                c.IsPrincipal,
                c.HandlerId,
                c.InvestigatorId,
                c.Version,
                Persons = c.ReportedPersons.Where(p => p.LinkState == PersonLinkState.Pending)
                    .Select(p => new { p.Id, p.Name, p.UnitName, p.MentionText, p.FactsOn, p.LinkState }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var persons = page.SelectMany(c => c.Persons.Select(p => (Clue: c.ReceivedOn, Person: p))).ToList();
        var resolutions = persons.Count == 0 ? [] : await resolver.ResolveManyAsync(
            [.. persons.Select(p => new PersonMention { Text = p.Person.MentionText ?? (p.Person.Name + " " + p.Person.UnitName), FactsOn = p.Person.FactsOn ?? p.Clue })],
            cancellationToken);
        var candidates = persons.Select((p, i) => (p.Person.Id, resolutions[i].Candidates)).ToDictionary(p => p.Id, p => p.Candidates);
        var actor = viewer.Actor;
        return new Paged<LinkQueueItem>(
            [.. page.Select(c => new LinkQueueItem(c.Id, c.Number, c.ReceivedOn, c.State, c.IsPrincipal, Clue.MayLinkPersons(c.State, c.HandlerId, c.InvestigatorId, actor), c.Version,
                [.. c.Persons.Select(p => new PendingPersonItem(p.Id, p.Name, p.UnitName, p.MentionText, p.LinkState, candidates[p.Id]))]))],
            total,
            query.PageNumber,
            query.Size);
    }

    /// <summary>The roster candidates for one reported person of a clue the caller may see, with reasons (for the clue page).</summary>
    public async Task<MentionResolution> PersonCandidatesAsync(Guid id, Guid personId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await viewer.VisibleClues(db).AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.ReceivedOn, Persons = c.ReportedPersons.Where(p => p.Id == personId).Select(p => new { p.Name, p.UnitName, p.MentionText, p.FactsOn }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        var person = clue?.Persons.SingleOrDefault() ?? throw DomainRuleException.NotFound("Clue.PersonNotFound");
        return await resolver.ResolveAsync(new PersonMention { Text = person.MentionText ?? (person.Name + " " + person.UnitName), FactsOn = person.FactsOn ?? clue.ReceivedOn }, cancellationToken);
    }

    /// <summary>An attachment's decrypted content, for a clue the caller can see; the download is audited.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> AttachmentAsync(Guid clueId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await viewer.VisibleAttachments(db).AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ClueId == clueId, cancellationToken);
        if (attachment is null)
        {
            await audit.RecordAsync("Download", nameof(ClueAttachment), attachmentId.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.NotFound("Clue.NotFound");
        }

        await audit.RecordAsync("Download", nameof(ClueAttachment), attachmentId.ToString(), clueId.ToString(), cancellationToken: cancellationToken);
        return (attachment.FileName, attachment.ContentType, protection.UnprotectFile(attachment.Id, attachment.Cipher));
    }

    /// <summary>Active clues the caller can see, by deadline status: what the home page and the bell show.</summary>
    public async Task<ClueWorkload> WorkloadAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var soon = deadlines.DueSoonLimit(today);
        var mine = viewer.VisibleClues(db).AsNoTracking().Where(Actionable(viewer));
        return new ClueWorkload(
            await mine.CountAsync(cancellationToken),
            await mine.CountAsync(c => c.DueOn < today, cancellationToken),
            await mine.CountAsync(c => c.DueOn >= today && c.DueOn <= soon, cancellationToken),
            await mine.CountAsync(c => c.IsPrincipal, cancellationToken));
    }

    private async Task<(IQueryable<Clue> Clues, IReadOnlyList<string> Terms)> FilterAsync(QingfengDb db, ClueViewer viewer, ClueQuery query, CancellationToken cancellationToken)
    {
        var clues = viewer.VisibleClues(db).AsNoTracking();
        IReadOnlyList<string> terms = [];
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            terms = protection.QueryPhrases(query.Search);
            if (terms.Count == 0)
            {
                clues = clues.Where(c => false);
            }
            else
            {
                var matching = protection.Matching(db, terms, viewer);
                clues = clues.Where(c => matching.Contains(c.Id));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var number = query.Number.Trim();
            clues = clues.Where(c => c.Number.Contains(number) || (c.CaseNumber != null && c.CaseNumber.Contains(number)));
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = query.Person.Trim();
#pragma warning disable CA1307 // Translated to SQL by EF Core, where the database collation applies.
            clues = clues.Where(c => c.ReportedPersons.Any(p => p.Name.Contains(person)));
#pragma warning restore CA1307
        }

        if (query.State is { } state)
        {
            clues = clues.Where(c => c.State == state);
        }

        if (query.ActiveOnly == true)
        {
            var terminal = ClueWorkflow.Terminal.ToList();
            clues = clues.Where(c => !terminal.Contains(c.State));
        }

        if (query.Source is { } source)
        {
            clues = clues.Where(c => c.Source == source);
        }

        if (query.PrincipalOnly == true)
        {
            clues = clues.Where(c => c.IsPrincipal);
        }

        if (query.LeaderCategory is { } category)
        {
            clues = clues.Where(c => c.LeaderCategory == category);
        }

        if (query.Method is { } method)
        {
            clues = clues.Where(c => c.Method == method);
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var code = query.Category.Trim();
            var prefix = code + ".";
#pragma warning disable CA1310 // Translated to SQL by EF Core.
            clues = clues.Where(c => c.Categories.Any(x => x.Code == code || x.Code.StartsWith(prefix)));
#pragma warning restore CA1310
        }

        if (query.RegionCode is { } regionCode
            && await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.TreeKey).SingleOrDefaultAsync(cancellationToken) is { } key)
        {
            clues = clues.Where(c => c.RegionKey.StartsWith(key));
        }

        clues = clues.Within(c => c.ReceivedOn, query.From, query.To);

        if (query.Mine == true)
        {
            clues = clues.Where(Actionable(viewer));
        }

        if (query.Due is { } due)
        {
            var today = ChinaTime.DateOf(time.GetUtcNow());
            var soon = deadlines.DueSoonLimit(today);
            clues = due switch
            {
                DueFilter.Overdue => clues.Where(c => c.DueOn < today),
                DueFilter.DueSoon => clues.Where(c => c.DueOn >= today && c.DueOn <= soon),
                _ => clues.Where(c => c.DueOn != null),
            };
        }

        return (clues, terms);
    }

    /// <summary>The workflow table turned into SQL: clues where the caller holds the next step.</summary>
    private static Expression<Func<Clue, bool>> Actionable(ClueViewer viewer)
    {
        var me = viewer.User.UserId;
        var mine = ClueWorkflow.Transitions.Where(t => t.Roles.Any(viewer.User.Roles.Contains)).ToList();
        List<ClueState> StatesFor(ActorConstraint constraint) =>
            [.. mine.Where(t => t.Actor == constraint).SelectMany(t => t.From).Distinct()];
        var any = StatesFor(ActorConstraint.AnyWithRole);
        var handler = StatesFor(ActorConstraint.Handler);
        var investigator = StatesFor(ActorConstraint.Investigator);
        var reviewer = StatesFor(ActorConstraint.Reviewer);
        return c => any.Contains(c.State)
            || (handler.Contains(c.State) && c.HandlerId == me)
            || (investigator.Contains(c.State) && c.InvestigatorId == me)
            || (reviewer.Contains(c.State) && c.ReviewerId == me);
    }

    private static IQueryable<Clue> Sort(IQueryable<Clue> clues, ClueSort? sort, bool? descending) => sort switch
    {
        ClueSort.ReceivedOn when descending == false => clues.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Number),
        ClueSort.ReceivedOn => clues.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Number),
        ClueSort.DueOn when descending == true => clues.OrderBy(c => c.DueOn == null).ThenByDescending(c => c.DueOn).ThenBy(c => c.Number),
        ClueSort.DueOn => clues.OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.Number),
        ClueSort.Number when descending == true => clues.OrderByDescending(c => c.Number),
        ClueSort.Number => clues.OrderBy(c => c.Number),

        // 一把手 first in every queue, then the most urgent deadline, then the newest.
        _ => clues.OrderByDescending(c => c.IsPrincipal).ThenBy(c => c.DueOn == null).ThenBy(c => c.DueOn)
            .ThenByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Number),
    };

    private static IQueryable<ClueRow> Project(IQueryable<Clue> clues) =>
        clues.Select(c => new ClueRow(
            c.Id,
            c.Number,
            c.ReceivedOn,
            c.Source,
            c.State,
            c.IsPrincipal,
            c.LeaderCategory,
            c.ReportedPersons.Select(p => p.Name).ToList(),
            c.ReportedPersons.Select(p => p.UnitName).ToList(),
            c.HandlerName,
            c.DueOn,
            c.DueKind));

    private IEnumerable<ClueListItem> Finish(IEnumerable<ClueRow> rows)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return rows.Select(r => new ClueListItem(
            r.Id,
            r.Number,
            r.ReceivedOn,
            r.Source,
            r.State,
            r.IsPrincipal,
            r.LeaderCategory,
            string.Join('、', r.Persons),
            string.Join('、', r.Units.Where(u => u is not null).Distinct(StringComparer.Ordinal)),
            r.HandlerName,
            r.DueOn,
            r.DueKind,
            deadlines.StatusOf(r.DueOn, today))
        {
            DueProvisional = deadlines.IsProvisional(r.DueOn),
        });
    }

    private async Task<List<ClueListItem>> WithSnippetsAsync(QingfengDb db, ClueViewer viewer, List<ClueListItem> items, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Id).ToList();
        var ciphers = await viewer.VisibleClues(db).AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.ContentCipher }).ToDictionaryAsync(c => c.Id, c => c.ContentCipher, cancellationToken);
        return
        [
            .. items.Select(i => ciphers.GetValueOrDefault(i.Id) is { } cipher
                ? i with { Snippet = protection.Snippet(i.Id, cipher, terms) }
                : i),
        ];
    }

    private sealed record ClueRow(
        Guid Id,
        string Number,
        DateOnly ReceivedOn,
        ClueSource Source,
        ClueState State,
        bool IsPrincipal,
        LeaderCategory? LeaderCategory,
        List<string> Persons,
        List<string?> Units,
        string? HandlerName,
        DateOnly? DueOn,
        DeadlineKind? DueKind);
}

public sealed record ClueWorkload(int Pending, int Overdue, int DueSoon, int Principal);
