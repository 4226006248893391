using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Files;

namespace Qingfeng.Features.Clues;

/// <summary>
/// The only write door for clues and cases: loads within need-to-know, lets the entity decide, saves
/// (the save appends the audit chain), keeps the search index and repeat fingerprints up to date.
/// </summary>
public sealed class ClueService(
    IDbContextFactory<QingfengDb> dbFactory,
    ClueAccess access,
    JurisdictionService jurisdiction,
    ClueProtection protection,
    ClueDeadlines deadlines,
    ClueRepeats repeats,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Largest attachment accepted, and the types accepted.</summary>
    public const long MaxAttachmentBytes = AttachmentRules.MaxBytes;

    public static readonly IReadOnlyDictionary<string, string> AttachmentTypes = AttachmentRules.Types;

    public async Task<RegisterClueResult> RegisterAsync(RegisterClueRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.ViewerAsync(cancellationToken);
        var user = viewer.User;
        if (!user.Has(Permission.ClueRegister) || user.OrganId is not { } organId)
        {
            throw new DomainRuleException("Clue.CannotRegister") { Status = 403 };
        }

        if (request.IsRealName && string.IsNullOrWhiteSpace(request.Reporter?.Name))
        {
            throw new DomainRuleException("Clue.ReporterRequired");
        }

        var now = time.GetUtcNow();
        var receivedOn = request.ReceivedOn ?? ChinaTime.DateOf(now);
        if (receivedOn > ChinaTime.DateOf(now))
        {
            throw new DomainRuleException("Clue.ReceivedInFuture");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == organId, cancellationToken);
        var persons = await ResolvePersonsAsync(db, request.Persons, cancellationToken);
        var categories = (request.Categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        foreach (var code in categories)
        {
            if (protection.Categories.Find(code) is null)
            {
                throw new DomainRuleException("Clue.UnknownCategory", code);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(
                    async ct =>
                    {
                        db.ChangeTracker.Clear();
                        var number = await ClueNumbering.NextAsync(db, organId, organ.Name, receivedOn.Year, ct);
                        var clue = new Clue(number, organId, request.Source!.Value, receivedOn, request.IsRealName, persons, categories);
                        await RouteByDelegationAsync(db, clue, organId, ChinaTime.DateOf(now), ct);
                        protection.Protect(clue, request.Content, request.IsRealName ? request.Reporter : null);
                        clue.Registered(viewer.Actor, now, deadlines);
                        db.Add(clue);
                        await db.SaveChangesAsync(ct);
                        await protection.IndexAsync(db, clue, request.Content, ct);
                        return new RegisterClueResult(clue.Id, clue.Number, await repeats.FlagAsync(db, viewer, clue, ct));
                    },
                    cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another registration took the same number: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Takes one workflow action on a clue the caller can see.</summary>
    public async Task<ClueDetailVersion> ActAsync(Guid id, ClueActionRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await LoadAsync(db, viewer, id, cancellationToken);
        SupervisionViewer.EnsureVersion(clue, request.Version);

        var action = request.Action!.Value;
        var input = await InputAsync(db, clue, viewer, action, request, cancellationToken);
        try
        {
            clue.Apply(action, input, viewer.Actor, time.GetUtcNow(), deadlines);
            await WriteLedgerRecordAsync(db, clue, action, input, request, cancellationToken);
        }
        catch (DomainRuleException rule)
        {
            await audit.RecordAsync(action.ToString(), nameof(Clue), id.ToString(), rule.Code, AuditOutcome.Denied, cancellationToken);
            throw;
        }

        await db.InTransactionAsync(
            async ct =>
            {
                await db.SaveChangesAsync(ct);
                if (clue.State == ClueState.ForwardedUp)
                {
                    await protection.RemoveAsync(db, clue.Id, ct);
                }

                return true;
            },
            cancellationToken);
        return new ClueDetailVersion(clue.Id, clue.State, clue.Version);
    }

    /// <summary>回避: the caller declares a conflict, or a leader withdraws an officer. Either way that officer loses access at once.</summary>
    public async Task RecuseAsync(Guid id, RecuseRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await LoadAsync(db, viewer, id, cancellationToken);
        var userId = request.UserId ?? viewer.User.UserId;
        var userName = viewer.User.DisplayName;
        if (userId != viewer.User.UserId)
        {
            if (!viewer.User.Roles.Contains(Roles.CommissionLeader))
            {
                throw new DomainRuleException("Clue.OnlyLeaderRecusesOthers") { Status = 403 };
            }

            userName = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganId == viewer.User.OrganId)
                .Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
                ?? throw DomainRuleException.NotFound("Clue.UserNotFound");
        }

        clue.Recuse(userId, userName, request.Reason, viewer.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordOutcomeAsync(Guid id, RecordOutcomeRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await LoadAsync(db, viewer, id, cancellationToken);
        if (clue.HandlerId != viewer.User.UserId && clue.InvestigatorId != viewer.User.UserId && !viewer.SeesAllOfOrgan)
        {
            throw new DomainRuleException("Clue.NotYourStep", "RecordOutcome") { Status = 403 };
        }

        clue.RecordOutcome(
            new ClueOutcome
            {
                ProblemsFound = request.ProblemsFound,
                FurtherClues = request.FurtherClues,
                FundsPaidOutFen = (long)Math.Round(request.FundsPaidOut * 100m, MidpointRounding.AwayFromZero),
                FundsRecoveredFen = (long)Math.Round(request.FundsRecovered * 100m, MidpointRounding.AwayFromZero),
            },
            viewer.Actor,
            time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AttachmentItem> AttachAsync(Guid id, string fileName, long length, Stream content, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var extension = Path.GetExtension(fileName);
        if (!AttachmentTypes.TryGetValue(extension, out var contentType))
        {
            throw new DomainRuleException("Clue.AttachmentType", string.Join(' ', AttachmentTypes.Keys));
        }

        if (length <= 0 || length > MaxAttachmentBytes)
        {
            throw new DomainRuleException("Clue.AttachmentSize", MaxAttachmentBytes / 1024 / 1024) { Status = 413 };
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await LoadAsync(db, viewer, id, cancellationToken);
        if (ClueWorkflow.Terminal.Contains(clue.State))
        {
            throw new DomainRuleException("Clue.Finished") { Status = 409 };
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxAttachmentBytes)
        {
            throw new DomainRuleException("Clue.AttachmentSize", MaxAttachmentBytes / 1024 / 1024) { Status = 413 };
        }

        if (!AttachmentSignatures.Match(extension, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            throw new DomainRuleException("Clue.AttachmentContent", extension);
        }

        var attachment = new ClueAttachment(clue.Id, Path.GetFileName(fileName), contentType, buffer.Length);
        attachment.Seal(protection.ProtectFile(attachment.Id, buffer.ToArray()));
        db.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachmentItem(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.CreatedAt);
    }

    /// <summary>The officers of the caller's organ who may be given the step that <paramref name="action"/> assigns.</summary>
    public async Task<IReadOnlyList<AssigneeItem>> AssigneesAsync(ClueAction action, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        string[] roles = action switch
        {
            ClueAction.ProposeAllocation => [Roles.SupervisionOffice, Roles.StationedTeam, Roles.InvestigationOffice],
            ClueAction.StartInvestigation => [Roles.InvestigationOffice],
            ClueAction.TransferToReview => [Roles.TrialOffice],
            _ => [],
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Guid[] organ = viewer.User.OrganId is { } o ? [o] : [];
        return await StaffDirectory.Members(db, organ, roles).OrderBy(s => s.DisplayName)
            .Select(s => new AssigneeItem(s.UserId, s.DisplayName, s.Role)).ToListAsync(cancellationToken);
    }

    internal static async Task<Clue> LoadAsync(QingfengDb db, ClueViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var clue = await viewer.VisibleClues(db).Where(c => c.Id == id)
            .Include(c => c.ReportedPersons).Include(c => c.Categories).Include(c => c.History)
            .Include(c => c.Participants).Include(c => c.Recusals).Include(c => c.Sanctions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return clue ?? throw DomainRuleException.NotFound("Clue.NotFound");
    }

    private static async Task<ClueActionInput> InputAsync(QingfengDb db, Clue clue, ClueViewer viewer, ClueAction action, ClueActionRequest request, CancellationToken cancellationToken)
    {
        string? assigneeName = null;
        if (request.AssigneeId is { } assignee)
        {
            assigneeName = await db.Users.AsNoTracking()
                .Where(u => u.Id == assignee && u.OrganId == viewer.User.OrganId)
                .Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
                ?? throw DomainRuleException.NotFound("Clue.UserNotFound");
            if (clue.IsRecused(assignee))
            {
                throw new DomainRuleException("Clue.AssigneeRecused");
            }
        }

        if (request.MergedIntoId is { } original
            && !await viewer.VisibleClues(db).AsNoTracking().AnyAsync(c => c.Id == original, cancellationToken))
        {
            throw DomainRuleException.NotFound("Clue.NotFound");
        }

        return new ClueActionInput
        {
            Comment = request.Comment,
            AssigneeId = request.AssigneeId,
            AssigneeName = assigneeName,
            Method = request.Method,
            ClosingOutcome = request.ClosingOutcome,
            Date = request.Date,
            MergedIntoId = request.MergedIntoId,
            Sanctions = request.Sanctions?.Select(s => new SanctionInput(s.Code, s.OfficialId)).ToList(),
            AppealResult = request.AppealResult,
            Countersigned = request.Countersigned
                ?? (action == ClueAction.RecordInquiryReply && !string.IsNullOrWhiteSpace(request.CountersignedBy) && !string.IsNullOrWhiteSpace(request.CountersignNote) ? true : null),
        };
    }

    /// <summary>
    /// 谈话函询 keeps the ledgers' own records (issue 15), in the same save as the clue's step: the letter is the
    /// <see cref="Inquiry"/> of the inquiry ledger and its reply is recorded on it; the talk is a <see cref="Talk"/> of the talk ledger.
    /// Both are owned by the clue's organ and linked to the clue. A clue whose persons are not on the roster keeps the step on the
    /// clue only (the ledgers record officials).
    /// </summary>
    private async Task WriteLedgerRecordAsync(QingfengDb db, Clue clue, ClueAction action, ClueActionInput input, ClueActionRequest request, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        switch (action)
        {
            case ClueAction.SendInquiryLetter when await SubjectOfAsync(db, clue, cancellationToken) is { } subject:
                var sentOn = input.Date!.Value;
                var matters = string.IsNullOrWhiteSpace(request.Matters) ? DraftMatters(clue) : request.Matters;
                db.Add(Inquiry.ForClue(clue.Id, clue.OrganId, subject, matters, sentOn, ReplyDueOn(sentOn), request.DocumentNumber));
                break;
            case ClueAction.RecordTalk when await SubjectOfAsync(db, clue, cancellationToken) is { } subject:
                db.Add(Talk.HeldOnClue(clue.Id, clue.OrganId, subject, input.Date!.Value, clue.HandlerName ?? "", input.Comment!, today));
                break;
            case ClueAction.RecordInquiryReply:
                var letter = await PendingLetterAsync(db, clue.Id, cancellationToken);
                letter?.RecordReply(input.Date!.Value, input.Comment!, request.CountersignedBy, request.CountersignNote, today);
                break;
        }
    }

    /// <summary>The one reply deadline of a clue's letter: the rule of every letter of inquiry (<see cref="SupervisionOptions.InquiryReplyDueOn"/>).</summary>
    internal DateOnly ReplyDueOn(DateOnly sentOn) => deadlines.Due(DeadlineKind.InquiryReply, sentOn);

    /// <summary>The matters a letter asks about when the handler writes none: the first sentences of the report.</summary>
    internal string DraftMatters(Clue clue) => string.Join('\n', ClueDocuments.Sentences(protection.UnprotectContent(clue) ?? "", 3));

    /// <summary>The latest letter of the clue still waiting for its reply.</summary>
    internal static Task<Inquiry?> PendingLetterAsync(QingfengDb db, Guid clueId, CancellationToken cancellationToken) =>
        db.Inquiries.Where(i => i.ClueId == clueId && i.State == InquiryState.Sent).OrderByDescending(i => i.SentOn).ThenByDescending(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The official a clue's letter or talk is addressed to, as the ledgers record them: the first reported person on the roster (a
    /// 一把手 first), with their current unit; none when no reported person is on the roster with a unit.
    /// </summary>
    internal static async Task<SupervisedSubject?> SubjectOfAsync(QingfengDb db, Clue clue, CancellationToken cancellationToken)
    {
        var person = clue.ReportedPersons.Where(p => p.OfficialId is not null).OrderByDescending(p => p.IsPrincipal).FirstOrDefault();
        if (person is null)
        {
            return null;
        }

        var official = await db.Officials.AsNoTracking().Where(o => o.Id == person.OfficialId && o.Unit != null)
            .Select(o => new { o.Id, o.Name, o.Position, o.IsPrincipal, o.LeaderCategory, UnitId = o.Unit!.Id, UnitName = o.Unit.Name, UnitRegion = o.Unit.RegionKey })
            .SingleOrDefaultAsync(cancellationToken);
        return official is null
            ? null
            : new SupervisedSubject(official.UnitId, official.UnitName, official.UnitRegion, official.Id, official.Name, official.Position, official.IsPrincipal, official.LeaderCategory);
    }

    /// <summary>Reported persons must be officials within the registering organ's jurisdiction (or free text with no official).</summary>
    private async Task<List<ReportedPerson>> ResolvePersonsAsync(QingfengDb db, IReadOnlyList<ReportedPersonRequest> requests, CancellationToken cancellationToken)
    {
        var scope = await jurisdiction.ScopeAsync(cancellationToken);
        var visible = db.Officials.AsNoTracking().Where(scope.Predicate<Official>(o => o.RegionKey, o => o.UnitId));
        var persons = new List<ReportedPerson>();
        foreach (var request in requests)
        {
            if (request.OfficialId is { } officialId)
            {
                var official = await visible.Where(o => o.Id == officialId)
                    .Select(o => new { o.Id, o.Name, UnitName = o.Unit != null ? o.Unit.Name : null, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, o.UnitId })
                    .SingleOrDefaultAsync(cancellationToken)
                    ?? throw DomainRuleException.NotFound("Official.NotFound");
                persons.Add(new ReportedPerson(official.Id, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.LeaderCategory, official.RegionKey, official.UnitId));
            }
            else if (!string.IsNullOrWhiteSpace(request.Name))
            {
                persons.Add(new ReportedPerson(null, request.Name.Trim(), request.UnitName?.Trim(), null, false, null, "", null));
            }
            else
            {
                throw new DomainRuleException("Clue.PersonRequired");
            }
        }

        if (persons.Select(p => p.OfficialId).Where(i => i is not null).GroupBy(i => i).Any(g => g.Count() > 1))
        {
            throw new DomainRuleException("Clue.PersonTwice");
        }

        return persons;
    }

    /// <summary>
    /// 片区协作 (domain.md A15): when a delegation in force hands the reported unit to a collaboration group
    /// the registering organ belongs to, the whole group handles the clue and the home organ is recused.
    /// </summary>
    private static async Task RouteByDelegationAsync(QingfengDb db, Clue clue, Guid organId, DateOnly today, CancellationToken cancellationToken)
    {
        var unitIds = clue.ReportedPersons.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value).ToList();
        if (unitIds.Count == 0)
        {
            return;
        }

        var delegations = await db.SupervisionDelegations.AsNoTracking()
            .Where(d => unitIds.Contains(d.UnitId) && d.ValidFrom <= today && (d.ValidTo == null || d.ValidTo >= today))
            .ToListAsync(cancellationToken);
        var myGroups = await db.Set<CollaborationGroupMember>().AsNoTracking()
            .Where(m => m.OrganId == organId).Select(m => m.GroupId).ToListAsync(cancellationToken);
        var delegation = delegations.FirstOrDefault(d => d.CollaborationGroupId is { } g && myGroups.Contains(g))
            ?? delegations.FirstOrDefault(d => d.DelegateOrganId == organId);
        if (delegation is not null)
        {
            clue.DelegateTo(delegation.CollaborationGroupId, delegation.HomeOrganId);
        }
    }
}

public sealed record ClueDetailVersion(Guid Id, ClueState State, Guid Version);
