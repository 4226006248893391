using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Organs;
using Qingfeng.Features.PersonResolution;
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
    PersonResolver resolver,
    ClueRepeats repeats,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Who auto-links a person: the resolver, on behalf of the registration.</summary>
    internal static readonly ClueActor Resolver = new(Guid.Empty, "系统自动关联", new HashSet<string>(StringComparer.Ordinal));

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
        var (persons, resolutions) = await ResolvePersonsAsync(db, request.Persons, receivedOn, cancellationToken);
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
                        AutoLink(db, clue, resolutions, organId, now);
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
            AppealStage = request.AppealStage,
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

    /// <summary>
    /// Reported persons are officials within the registering organ's jurisdiction (by id) or persons as written, which go
    /// through the resolver: the ones it links clearly are linked after registration (<see cref="AutoLink"/>), the others wait
    /// in the 待关联 queue with their text.
    /// </summary>
    private async Task<(List<ReportedPerson> Persons, Dictionary<ReportedPerson, MentionResolution> Resolutions)> ResolvePersonsAsync(
        QingfengDb db, IReadOnlyList<ReportedPersonRequest> requests, DateOnly receivedOn, CancellationToken cancellationToken)
    {
        var persons = new List<ReportedPerson>();
        var written = new List<(ReportedPerson Person, PersonMention Mention)>();
        foreach (var request in requests)
        {
            if (request.OfficialId is { } officialId)
            {
                var official = await OfficialAsync(db, officialId, cancellationToken);
                persons.Add(new ReportedPerson(official.OfficialId, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.Category, official.RegionKey, official.UnitId));
            }
            else if (!string.IsNullOrWhiteSpace(request.Name) || !string.IsNullOrWhiteSpace(request.Text))
            {
                var mention = new PersonMention
                {
                    Text = request.Text?.Trim(),
                    Name = request.Name?.Trim(),
                    UnitText = request.UnitName?.Trim(),
                    PostText = request.Position?.Trim(),
                    FactsOn = request.FactsOn ?? receivedOn,
                };
                var text = MentionTextOf(mention);
                var name = string.IsNullOrWhiteSpace(request.Name) ? text : request.Name.Trim();
                var person = ReportedPerson.AsWritten(name.Length <= 64 ? name : name[..64], request.UnitName?.Trim(), text, request.FactsOn);
                persons.Add(person);
                written.Add((person, mention));
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

        var resolved = written.Count == 0 ? [] : await resolver.ResolveManyAsync([.. written.Select(w => w.Mention)], cancellationToken);
        var resolutions = new Dictionary<ReportedPerson, MentionResolution>();
        for (var i = 0; i < written.Count; i++)
        {
            resolutions[written[i].Person] = resolved[i];
        }

        return (persons, resolutions);
    }

    /// <summary>The mention as one line, as the person keeps it for the queue: 开阳县交通运输局 局长 王某.</summary>
    internal static string MentionTextOf(PersonMention mention) =>
        string.Join(' ', new[] { mention.Text, mention.UnitText, mention.PostText, mention.Name }.Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>The persons the resolver linked clearly are linked now, by the system, with the score and reasons kept.</summary>
    private static void AutoLink(QingfengDb db, Clue clue, Dictionary<ReportedPerson, MentionResolution> resolutions, Guid organId, DateTimeOffset now)
    {
        foreach (var (person, resolution) in resolutions)
        {
            if (resolution.Linked is not { } official || clue.ReportedPersons.Any(p => p.OfficialId == official.OfficialId))
            {
                continue;
            }

            var reasons = Reasons(official);
            clue.LinkPerson(person.Id, official, PersonLinkState.AutoLinked, reasons, Resolver, now);
            db.Add(new PersonLinkDecision(resolution.MentionKey, official.OfficialId, true, true, null, Resolver.Name, reasons, official.Score, now, organId, nameof(Clue), clue.Id, person.Id));
        }
    }

    private static string Reasons(PersonCandidate candidate) =>
        string.Create(CultureInfo.InvariantCulture, $"score {candidate.Score}: ") + string.Join("; ", candidate.Reasons.Select(r => r.Text));

    /// <summary>An official within the caller's jurisdiction, as a reported person takes it; 404 outside it.</summary>
    private async Task<PersonCandidate> OfficialAsync(QingfengDb db, Guid officialId, CancellationToken cancellationToken)
    {
        var scope = await jurisdiction.ScopeAsync(cancellationToken);
        var official = await db.Officials.AsNoTracking().Where(scope.Predicate<Official>(o => o.RegionKey, o => o.UnitId)).Where(o => o.Id == officialId)
            .Select(o => new { o.Id, o.Name, UnitName = o.Unit != null ? o.Unit.Name : null, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, o.UnitId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainRuleException.NotFound("Official.NotFound");
        return new PersonCandidate(official.Id, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.LeaderCategory, official.RegionKey, official.UnitId, 0, []);
    }

    /// <summary>
    /// 关联: an officer picks or confirms the roster official a reported person is, or states that the person is not on the
    /// roster. The clue re-runs what depends on it (<see cref="Clue.LinkPerson"/>), the decision is kept for the same mention
    /// later, the link is audited, and the repeat check runs again with the linked official.
    /// </summary>
    public async Task<LinkPersonResult> LinkPersonAsync(Guid id, Guid personId, LinkPersonRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await LoadAsync(db, viewer, id, cancellationToken);
        if (request.Version is { } version)
        {
            SupervisionViewer.EnsureVersion(clue, version);
        }

        if (!clue.MayLinkPersons(viewer.Actor))
        {
            await audit.RecordAsync("LinkPerson", nameof(Clue), id.ToString(), "Clue.CannotLink", AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.Forbidden("Clue.CannotLink");
        }

        var person = clue.ReportedPersons.SingleOrDefault(p => p.Id == personId) ?? throw DomainRuleException.NotFound("Clue.PersonNotFound");
        var resolution = await resolver.ResolveAsync(MentionOf(person, clue.ReceivedOn), cancellationToken);
        var now = time.GetUtcNow();
        var previous = person.OfficialId;
        void Decide(Guid officialId, bool same, int? score) =>
            db.Add(new PersonLinkDecision(resolution.MentionKey, officialId, same, false, viewer.User.UserId, viewer.User.DisplayName, request.Reason, score, now, clue.OrganId, nameof(Clue), clue.Id, person.Id));

        if (request.NotOnRoster)
        {
            clue.MarkNotOnRoster(personId, request.Reason, viewer.Actor, now);
            foreach (var candidate in resolution.Candidates)
            {
                Decide(candidate.OfficialId, false, candidate.Score);
            }
        }
        else
        {
            var officialId = request.OfficialId ?? throw new DomainRuleException("Clue.FieldRequired", "OfficialId");
            var official = resolution.Candidates.FirstOrDefault(c => c.OfficialId == officialId) ?? await OfficialAsync(db, officialId, cancellationToken);
            clue.LinkPerson(personId, official, PersonLinkState.Confirmed, request.Reason, viewer.Actor, now);
            Decide(officialId, true, official.Score);
            if (previous is { } earlier && earlier != officialId)
            {
                Decide(earlier, false, null);
            }
        }

        db.AuditEntries.Add(new AuditEntry("LinkPerson", nameof(Clue), clue.Id.ToString(), request.NotOnRoster ? "NotOnRoster" : request.OfficialId.ToString()));
        return await db.InTransactionAsync(
            async ct =>
            {
                await db.SaveChangesAsync(ct);
                var found = await repeats.FlagAsync(db, viewer, clue, ct);
                return new LinkPersonResult(clue.Id, person.Id, person.LinkState, person.OfficialId, clue.IsPrincipal, clue.Version, found);
            },
            cancellationToken);
    }

    /// <summary>A reported person as the resolver reads it again (the text kept at registration).</summary>
    internal static PersonMention MentionOf(ReportedPerson person, DateOnly receivedOn) =>
        new() { Text = person.MentionText ?? (person.Name + " " + person.UnitName), FactsOn = person.FactsOn ?? receivedOn };

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
