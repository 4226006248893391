using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues.Documents;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Clues;

/// <summary>The lifecycle documents a clue can produce.</summary>
public enum ClueDocumentKind
{
    InquiryLetter = 1,
    DisposalApproval = 2,
    VerificationReport = 3,
    CaseFilingApproval = 4,
}

/// <summary>
/// Fills the official documents of the lifecycle (.docx, GB/T 9704 layout) from a clue the caller may see:
/// what the workflow recorded (approvals, dates, opinions) is printed, the rest is left as visible blanks.
/// Every generated document is audited.
/// </summary>
public sealed class ClueDocuments(
    IDbContextFactory<QingfengDb> dbFactory,
    ClueAccess access,
    ClueProtection protection,
    ClueDeadlines deadlines,
    AuditLog audit,
    TimeProvider time)
{
    public const string ContentType = ApiConventions.WordContentType;

    public async Task<(string FileName, byte[] Content)> BuildAsync(Guid id, ClueDocumentKind kind, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await ClueService.LoadAsync(db, viewer, id, cancellationToken);
        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == clue.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        var content = protection.UnprotectContent(clue) ?? "";
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var person = Particulars(clue);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var bytes = kind switch
        {
            ClueDocumentKind.InquiryLetter => await LetterAsync(db, clue, organ, content, today, cancellationToken),
            ClueDocumentKind.DisposalApproval => new DisposalApprovalForm(
                organ,
                clue.Number,
                person,
                EnumText.Label(clue.Source, zh),
                clue.ReceivedOn,
                Summary(content),
                clue.HandlerName is null ? null : clue.HandlerName + "（承办）",
                clue.Method is { } method ? EnumText.Label(method, zh) : null,
                Last(clue, nameof(ClueAction.ProposeDisposal))?.Comment,
                [
                    Step("承办部门意见", Last(clue, nameof(ClueAction.ProposeDisposal))),
                    Step("委（室）主要负责人审批", Last(clue, nameof(ClueAction.ApproveDisposal))),
                    .. clue.IsPrincipal && clue.Method == DisposalMethod.Verification
                        ? [Step("同级党委主要负责人", Last(clue, nameof(ClueAction.RecordPartyCommitteeApproval)))]
                        : Array.Empty<ApprovalStep>(),
                ],
                Secrecy: "机密").ToDocx(),
            ClueDocumentKind.VerificationReport => new VerificationReport(
                OfficeOf(organ).Replace("办公室", "", StringComparison.Ordinal) + "委领导",
                person,
                null,
                Sentences(content, 5),
                "《中国共产党纪律检查机关监督执纪工作规则》有关规定",
                null,
                [],
                [],
                Last(clue, nameof(ClueAction.ProposeCase))?.Comment,
                [.. clue.Participants.Where(p => p.Role is ParticipantRole.Handler or ParticipantRole.Investigator).Select(p => p.Name).Distinct(StringComparer.Ordinal)],
                "初核组",
                today,
                Secrecy: "机密").ToDocx(),
            _ => new CaseFilingApprovalForm(
                organ,
                clue.CaseNumber,
                person,
                EnumText.Label(clue.Source, zh),
                Last(clue, nameof(ClueAction.ProposeCase))?.Comment ?? Summary(content),
                "依据《中国共产党纪律处分条例》《中华人民共和国监察法》有关规定",
                Last(clue, nameof(ClueAction.ProposeCase))?.Comment,
                [Step("纪委监委主要负责人", Last(clue, nameof(ClueAction.ApproveCaseFiling)))],
                RequiresPartySecretaryApproval: deadlines.Policy.PartyCommitteeApprovesFiling || clue.IsPrincipal,
                Secrecy: "机密").ToDocx(),
        };
        await audit.RecordAsync("Document", nameof(Clue), id.ToString(), kind.ToString(), cancellationToken: cancellationToken);
        return ($"{clue.Number}-{EnumText.Label(kind, zh)}.docx", bytes);
    }

    /// <summary>
    /// The 函询通知书, from the one template of letters of inquiry (<see cref="TalkDocuments.Notice(string, Inquiry)"/>): once sent, the
    /// letter as the inquiry ledger holds it (文号, matters, sent date, reply deadline); before, the letter as sending it today would
    /// store it — the same reply deadline rule, so the draft and the sent letter agree.
    /// </summary>
    private async Task<byte[]> LetterAsync(QingfengDb db, Clue clue, string organ, string content, DateOnly today, CancellationToken cancellationToken)
    {
        var sent = await db.Inquiries.AsNoTracking().Where(i => i.ClueId == clue.Id).OrderByDescending(i => i.SentOn).ThenByDescending(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (sent is not null)
        {
            return TalkDocuments.Notice(organ, sent);
        }

        var sentOn = clue.InquirySentOn ?? today;
        var due = deadlines.Due(DeadlineKind.InquiryReply, sentOn);
        var matters = Sentences(content, 3);
        if (await ClueService.SubjectOfAsync(db, clue, cancellationToken) is { } subject)
        {
            return TalkDocuments.Notice(organ, null, subject.OfficialName ?? "", subject.UnitName + subject.OfficialPosition, subject.UnitName, matters, due, subject.IsPrincipal, sentOn, onReport: true);
        }

        var person = Particulars(clue);
        return TalkDocuments.Notice(organ, null, person.Name, person.UnitAndPost, person.Unit, matters, due, person.IsPrincipalLeader, sentOn, onReport: true);
    }

    /// <summary>中共开阳县纪委办公室 from 开阳县纪委监委: letters go out in the name of the commission's general office.</summary>
    private static string OfficeOf(string organ)
    {
        var place = organ.Replace("纪委监委", "", StringComparison.Ordinal).Replace("纪委", "", StringComparison.Ordinal);
        return "中共" + place + "纪委办公室";
    }

    private static PersonParticulars Particulars(Clue clue)
    {
        var p = clue.ReportedPersons.FirstOrDefault(x => x.IsPrincipal) ?? clue.ReportedPersons[0];
        return new PersonParticulars(p.Name, p.UnitName, p.Position, p.IsPrincipal, p.LeaderCategory is { } c ? EnumText.Label(c, CultureInfo.GetCultureInfo("zh-CN")) : null);
    }

    private static ClueHistoryEntry? Last(Clue clue, string action) => clue.History.Where(h => h.Action == action).MaxBy(h => h.At);

    private static ApprovalStep Step(string role, ClueHistoryEntry? entry) =>
        entry is null ? new ApprovalStep(role) : new ApprovalStep(role, entry.Comment ?? "同意。", entry.UserName, ChinaTime.DateOf(entry.At));

    private static string Summary(string content) => content.Length <= 300 ? content : content[..300] + "……";

    internal static List<string> Sentences(string content, int max)
    {
        var sentences = content.Split(['。', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length >= 4).Take(max).Select(s => s + "。").ToList();
        return sentences.Count > 0 ? sentences : [Summary(content)];
    }
}
