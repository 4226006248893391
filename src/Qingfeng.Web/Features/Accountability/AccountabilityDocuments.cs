using Qingfeng.Features.Accountability.Documents;
using Qingfeng.Features.Audit;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Accountability;

/// <summary>Generates the 通报 of one or more accountability decisions as .docx; every generation is audited.</summary>
public sealed class AccountabilityDocuments(AccountabilityQueries queries, AuditLog audit, TimeProvider time)
{
    public const string ContentType = ApiConventions.WordContentType;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public async Task<(string FileName, byte[] Content)> NoticeAsync(AccountabilityNoticeQuery query, CancellationToken cancellationToken = default)
    {
        var ids = query.Ids ?? [];
        if (ids.Length == 0)
        {
            throw new DomainRuleException("Accountability.NoticeEmpty");
        }

        var (decisions, organ) = await queries.ForNoticeAsync(ids, cancellationToken);
        var scope = query.Scope ?? (decisions.All(d => d.Notice == NoticeScope.Public) ? NoticeScope.Public : NoticeScope.Internal);
        var document = new AccountabilityNoticeDocument(
            organ,
            scope == NoticeScope.Public,
            decisions.Count == 1 ? decisions[0].DocumentNumber : null,
            [.. decisions.Select(CaseOf)],
            ChinaTime.DateOf(time.GetUtcNow()));
        var bytes = document.ToDocx();
        await audit.RecordAsync("Document", nameof(AccountabilityDecision), string.Join(",", decisions.Select(d => d.Id)), scope.ToString(), cancellationToken: cancellationToken);
        return ($"{(scope == NoticeScope.Public ? "公开" : "内部")}通报-{ChinaTime.DateOf(time.GetUtcNow()):yyyyMMdd}.docx", bytes);
    }

    /// <summary>“某单位党组” or “某单位局长张某某”.</summary>
    public static string SubjectOf(AccountabilityDecision d) => d.Target == AccountabilityTarget.Organisation
        ? d.Subject.UnitName + "党组织"
        : d.Subject.UnitName + (d.Subject.OfficialPosition ?? "") + d.Subject.OfficialName;

    /// <summary>The forms in the words of a decision: 责令检查、通报、诫勉, 组织处理（免职）…</summary>
    public static string FormsOf(AccountabilityDecision d) => string.Join("、", AccountabilityQueries.Split(d.Methods).Select(m => m switch
    {
        AccountabilityMethod.Examination when d.Target == AccountabilityTarget.LeadingCadre => "责令检查",
        AccountabilityMethod.OrganisationalMeasure when d.Measure is { } measure => "组织处理（" + EnumText.Label(measure, Chinese) + "）",
        _ => EnumText.Label(m, Chinese),
    }));

    private static NoticeCase CaseOf(AccountabilityDecision d) => new(SubjectOf(d), d.Failure, d.Facts, d.Basis, d.DecidedBy, FormsOf(d));
}
