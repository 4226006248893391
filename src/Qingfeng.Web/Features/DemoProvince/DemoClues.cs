using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;

namespace Qingfeng.Features.DemoProvince;

/// <summary>
/// Synthetic problem clues for the demo commissions, walked through the real workflow to every stage
/// (some overdue, some 一把手, some repeats) so that queues, search and statistics have something to show.
/// Deterministic for a given day. Texts come from <see cref="ClueTextGenerator"/>; every person is invented.
/// </summary>
public sealed class DemoClues(QingfengDatabase database, ClueProtection protection, ClueDeadlines deadlines, ClueTextGenerator texts, TimeProvider time)
{
    private static readonly (string Organ, int Count)[] Plan = [("开阳县纪委监委", 160), ("赤水市纪委监委", 40), ("贵阳市纪委监委", 30)];

    private static readonly ClueSource[] Sources =
    [
        ClueSource.Letter, ClueSource.Letter, ClueSource.Online12388, ClueSource.Online12388, ClueSource.Online12388, ClueSource.Visit,
        ClueSource.Phone, ClueSource.XunchaTransfer, ClueSource.AuditTransfer, ClueSource.FoundInSupervision, ClueSource.SuperiorAssigned,
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(new DbActor(time, () => UserContext.System));
        if (await db.Clues.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var random = new Random(DemoProvinceGenerator.Seed);
        var now = time.GetUtcNow();
        var total = 0;
        foreach (var (organName, count) in Plan)
        {
            var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Name == organName, cancellationToken);
            if (organ is null)
            {
                continue;
            }

            var staff = await StaffAsync(db, organ, cancellationToken);
            var key = organ.RegionCode[..(organ.RegionCode.EndsWith("00", StringComparison.Ordinal) ? 4 : 6)];
            var officials = await db.Officials.AsNoTracking()
                .Where(o => o.RegionKey.StartsWith(key) && o.UnitId != null)
                .OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, UnitName = o.Unit!.Name, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, o.UnitId })
                .ToListAsync(cancellationToken);
            if (officials.Count == 0)
            {
                continue;
            }

            var principals = officials.Where(o => o.IsPrincipal).ToList();
            var earlier = new List<(Guid OfficialId, string Text)>();
            for (var i = 0; i < count; i++)
            {
                var official = random.NextDouble() < 0.45 && principals.Count > 0 ? principals[random.Next(principals.Count)] : officials[random.Next(officials.Count)];
                var category = ClueTextGenerator.CommonCategoryCodes[random.Next(ClueTextGenerator.CommonCategoryCodes.Count)];
                string content;
                if (earlier.Count > 5 && random.NextDouble() < 0.06)
                {
                    var (repeatOf, text) = earlier[random.Next(earlier.Count)];
                    official = officials.First(o => o.Id == repeatOf);
                    content = texts.GenerateRepeat(random, text);
                }
                else
                {
                    content = texts.Generate(random, official.Name, official.UnitName, official.Position, category);
                }

                earlier.Add((official.Id, content));
                var received = ChinaTime.DateOf(now).AddDays(-random.Next(3, 330));
                var realName = random.NextDouble() < 0.3;
                var number = await ClueNumbering.NextAsync(db, organ.Id, organ.Name, received.Year, cancellationToken);
                var person = new ReportedPerson(official.Id, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.LeaderCategory, official.RegionKey, official.UnitId);
                var clue = new Clue(number, organ.Id, Sources[random.Next(Sources.Length)], received, realName, [person], [category]);
                protection.Protect(clue, content, realName ? new ReporterDetails { Name = "举报人" + (char)('甲' + random.Next(10)), Phone = "1380000" + random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) } : null);
                var at = new DateTimeOffset(received.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
                clue.Registered(staff.Petition, at, deadlines);
                var subject = new SupervisedSubject(official.UnitId!.Value, official.UnitName, official.RegionKey, official.Id, official.Name, official.Position, official.IsPrincipal, official.LeaderCategory);
                Walk(clue, random, staff, at, now, (action, input) => KeepLedger(db, clue, subject, content, action, input, ChinaTime.DateOf(now)));
                db.Clues.Add(clue);
                total++;
            }
        }

        await db.InTransactionAsync(
            async ct =>
            {
                db.BulkAuditSummary = new AuditEntry("Seed", "DemoClues", null, $"clues={total}");
                await db.SaveChangesAsync(ct);
                foreach (var clue in db.ChangeTracker.Entries<Clue>().Select(e => e.Entity).Where(c => c.ContentCipher is not null).ToList())
                {
                    await protection.IndexAsync(db, clue, protection.UnprotectContent(clue)!, ct);
                }

                return true;
            },
            cancellationToken);
        return total;
    }

    /// <summary>
    /// What <c>ClueService</c> writes beside a 谈话函询 step, for the demo's clues: the letter is an inquiry of the ledger (its reply
    /// recorded on it), the talk a talk of the ledger, both linked to the clue.
    /// </summary>
    private void KeepLedger(QingfengDb db, Clue clue, SupervisedSubject subject, string content, ClueAction action, ClueActionInput input, DateOnly today)
    {
        switch (action)
        {
            case ClueAction.SendInquiryLetter:
                var sentOn = input.Date!.Value;
                var number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"（演示）纪办函〔{sentOn.Year}〕{(clue.Number.Length > 3 ? clue.Number[^3..] : clue.Number)}号");
                db.Add(Inquiry.ForClue(clue.Id, clue.OrganId, subject, string.Join('\n', ClueDocuments.Sentences(content, 3)), sentOn, deadlines.Due(DeadlineKind.InquiryReply, sentOn), number));
                break;
            case ClueAction.RecordTalk:
                db.Add(Talk.HeldOnClue(clue.Id, clue.OrganId, subject, Min(input.Date!.Value, today), clue.HandlerName ?? "", input.Comment!, today));
                break;
            case ClueAction.RecordInquiryReply:
                var letter = db.ChangeTracker.Entries<Inquiry>().Select(e => e.Entity).Single(i => i.ClueId == clue.Id);
                letter.RecordReply(Min(input.Date!.Value, today), input.Comment!, subject.IsPrincipal ? null : "（演示）所在单位党组书记", subject.IsPrincipal ? null : "已对其进行教育提醒，要求如实说明。", today);
                break;
        }

        // A step's date may run a few days past the demo's today; the ledgers take no reply or talk in the future.
        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }

    /// <summary>Takes a clue through the workflow to a randomly chosen stage, a few days per step.</summary>
    private void Walk(Clue clue, Random random, Staff staff, DateTimeOffset at, DateTimeOffset now, Action<ClueAction, ClueActionInput> keepLedger)
    {
        var stage = random.Next(100);
        var step = 0;
        bool Go(ClueAction action, ClueActor actor, ClueActionInput input)
        {
            var when = at.AddDays(++step * random.Next(2, 9));

            // Stop where the demo's "today" is reached, and never let the seed of a demo crash the start.
            if (when > now || !ClueWorkflow.For(action).From.Contains(clue.State))
            {
                return false;
            }

            clue.Apply(action, input, actor, when, deadlines);
            keepLedger(action, input);
            return true;
        }

        DateOnly Day() => ChinaTime.DateOf(at.AddDays(step * 5));

        if (stage < 8 || !Go(ClueAction.SubmitToCaseManagement, staff.Petition, new()))
        {
            return;
        }

        if (stage < 14 || !Go(ClueAction.ProposeAllocation, staff.CaseManager, new() { AssigneeId = staff.Handler.UserId, AssigneeName = staff.Handler.Name }))
        {
            return;
        }

        if (stage < 18 || !Go(ClueAction.ApproveAllocation, staff.Leader, new()))
        {
            return;
        }

        if (stage < 30)
        {
            return;
        }

        var method = stage switch
        {
            < 52 => DisposalMethod.TalkInquiry,
            < 64 => DisposalMethod.Close,
            < 72 => DisposalMethod.Shelve,
            _ => DisposalMethod.Verification,
        };
        var proposal = new ClueActionInput
        {
            Method = method,
            ClosingOutcome = method == DisposalMethod.Close ? (random.Next(2) == 0 ? ClosingOutcome.Clarified : ClosingOutcome.Unverifiable) : null,
            Comment = method switch
            {
                DisposalMethod.TalkInquiry => "反映问题较笼统，建议函询了解。",
                DisposalMethod.Close => "经初步了解反映不实，建议予以了结。",
                DisposalMethod.Shelve => "暂不具备核查条件，建议暂存待查。",
                _ => "反映问题具体、可查性强，建议初步核实。",
            },
        };
        if (!Go(ClueAction.ProposeDisposal, staff.Handler, proposal) || stage < 34 || !Go(ClueAction.ApproveDisposal, staff.Leader, new()))
        {
            return;
        }

        if (clue.State == ClueState.AwaitingPartyCommittee && !Go(ClueAction.RecordPartyCommitteeApproval, staff.Leader, new() { Comment = "同级党委主要负责人同意", Date = Day() }))
        {
            return;
        }

        if (clue.State == ClueState.TalkInquiry)
        {
            if (stage < 40 || !Go(ClueAction.SendInquiryLetter, staff.Handler, new() { Date = Day() }))
            {
                return;
            }

            if (stage < 46 || !Go(ClueAction.RecordInquiryReply, staff.Handler, new() { Date = Day(), Comment = "本人作出书面说明", Countersigned = true }))
            {
                return;
            }

            if (Go(ClueAction.ProposeDisposal, staff.Handler, new() { Method = DisposalMethod.Close, ClosingOutcome = ClosingOutcome.ReminderTalk, Comment = "说明基本属实，予以谈话提醒后了结。" }) && stage >= 49)
            {
                Go(ClueAction.ApproveDisposal, staff.Leader, new());
            }

            return;
        }

        if (clue.State != ClueState.Verification || stage < 80 || !Go(ClueAction.ProposeCase, staff.Handler, new() { Comment = "初核发现涉嫌违纪问题，建议立案。" }))
        {
            return;
        }

        if (!Go(ClueAction.ApproveCaseFiling, staff.Leader, new())
            || (clue.State == ClueState.AwaitingPartyCommittee && !Go(ClueAction.RecordPartyCommitteeApproval, staff.Leader, new() { Comment = "同级党委主要负责人批准立案", Date = Day() }))
            || stage < 84
            || !Go(ClueAction.StartInvestigation, staff.Leader, new() { AssigneeId = staff.Investigator.UserId, AssigneeName = staff.Investigator.Name })
            || stage < 88
            || !Go(ClueAction.SubmitInvestigationReport, staff.Investigator, new() { Date = Day(), Comment = "事实清楚，已与本人见面。" })
            || !Go(ClueAction.TransferToReview, staff.Leader, new() { AssigneeId = staff.Reviewer.UserId, AssigneeName = staff.Reviewer.Name })
            || stage < 92
            || !Go(ClueAction.SubmitReviewReport, staff.Reviewer, new() { Comment = "定性准确，处理恰当。" }))
        {
            return;
        }

        string[][] decisions = [["P.WARNING"], ["P.SERIOUS_WARNING", "S.DEMERIT"], ["P.REMOVAL", "S.REMOVAL"], ["P.EXPULSION", "S.DISMISSAL"]];
        var decision = decisions[random.Next(decisions.Length)];
        if (!Go(ClueAction.Decide, staff.Leader, new() { Date = Day(), Sanctions = [.. decision.Select(c => new SanctionInput(c, null))] }))
        {
            return;
        }

        clue.RecordOutcome(new ClueOutcome { ProblemsFound = random.Next(1, 6), FurtherClues = random.Next(0, 3), FundsRecoveredFen = random.Next(0, 80) * 1_000_000L }, staff.Handler, at.AddDays(step * 5));
        if (decision[0] == "P.EXPULSION")
        {
            Go(ClueAction.TransferToProcuratorate, staff.Leader, new() { Date = Day(), Comment = "涉嫌职务犯罪，移送检察机关审查起诉。" });
        }
    }

    private static async Task<Staff> StaffAsync(QingfengDb db, Organ organ, CancellationToken cancellationToken)
    {
        var users = await StaffDirectory.Members(db, [organ.Id], roles: null, demoOnly: true).ToListAsync(cancellationToken);
        ClueActor For(string role, string fallback)
        {
            var user = users.FirstOrDefault(u => u.Role == role);
            return user is null
                ? new ClueActor(Guid.CreateVersion7(), organ.Name + fallback, new HashSet<string> { role })
                : new ClueActor(user.UserId, user.DisplayName, new HashSet<string> { role });
        }

        return new Staff(
            For(Roles.PetitionOffice, "信访室"),
            For(Roles.CaseManagement, "案管室"),
            For(Roles.CommissionLeader, "委领导"),
            For(Roles.SupervisionOffice, "监督检查室"),
            For(Roles.InvestigationOffice, "审查调查室"),
            For(Roles.TrialOffice, "案件审理室"));
    }

    private sealed record Staff(ClueActor Petition, ClueActor CaseManager, ClueActor Leader, ClueActor Handler, ClueActor Investigator, ClueActor Reviewer);
}
