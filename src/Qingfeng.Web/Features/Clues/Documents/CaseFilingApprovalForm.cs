namespace Qingfeng.Features.Clues.Documents;

/// <summary>
/// 立案审批表: the request to open a case (立案审查调查) after 初步核实 (domain.md 1.4, 1.8). The chain
/// is the commission's, ending with the commission's principal leader; the same-level party committee's
/// principal leader (同级党委主要负责人) must also approve, so the form adds that row when
/// <see cref="RequiresPartySecretaryApproval"/> and the chain passed in lacks it.
/// </summary>
/// <param name="Commission">Issuing commission, e.g. "中共开阳县纪委监委".</param>
/// <param name="CaseNumber">案件编号 (or the clue number until one is assigned).</param>
/// <param name="Person">被审查调查人.</param>
/// <param name="Source">案件来源, e.g. "初步核实（线索编号KY-2026-0012）".</param>
/// <param name="MainFacts">涉嫌违纪违法的主要事实.</param>
/// <param name="FilingBasis">立案依据, e.g. the articles relied on.</param>
/// <param name="DepartmentOpinion">承办部门意见, e.g. "建议对张三同志立案审查调查。".</param>
/// <param name="Approvals">The chain after the department, in order.</param>
/// <param name="RequiresPartySecretaryApproval">Whether 同级党委主要负责人 must approve (the default for officials the same-level committee manages).</param>
/// <param name="Secrecy">密级, e.g. "机密".</param>
public sealed record CaseFilingApprovalForm(
    string Commission,
    string? CaseNumber,
    PersonParticulars Person,
    string? Source,
    string? MainFacts,
    string? FilingBasis,
    string? DepartmentOpinion,
    IReadOnlyList<ApprovalStep> Approvals,
    bool RequiresPartySecretaryApproval = true,
    string? Secrecy = null)
{
    public const string Title = "立案审批表";
    public const string PartySecretaryRole = "同级党委主要负责人";

    /// <summary>The approval rows as printed: the chain passed in, plus 同级党委主要负责人 when required and missing.</summary>
    public IReadOnlyList<ApprovalStep> PrintedApprovals =>
        RequiresPartySecretaryApproval && !Approvals.Any(a => a.Role.Contains(PartySecretaryRole, StringComparison.Ordinal))
            ? [.. Approvals, new ApprovalStep(PartySecretaryRole)]
            : Approvals;

    public byte[] ToDocx()
    {
        var table = new FormTable()
            .Fields("姓　　名", Person.Name, "性　　别", Person.Gender)
            .Fields("出生年月", Person.BornOnText, "政治面貌", Person.PoliticalStatus)
            .Field("单位及职务", Person.UnitAndPost)
            .Fields("职　　级", Person.Rank, "干部管理权限", Person.ManagementAuthority)
            .Fields("是否一把手", Person.IsPrincipalLeader ? "是" : "否", "案件来源", Source)
            .Text("涉嫌违纪违法的主要事实", MainFacts, lines: 4)
            .Text("立案依据", FilingBasis, lines: 2)
            .Opinion("承办部门意见", DepartmentOpinion, signer: null, signedOn: null, lines: 3);
        foreach (var step in PrintedApprovals)
        {
            table.Opinion(step.Role + "意见", step.Opinion, step.Signer, step.SignedOn, lines: 3);
        }

        return new OfficialDocument()
            .WithoutPageNumbers()
            .Marks(Secrecy, null)
            .Title(Title, spaced: false)
            .FormCaption("填报单位：" + Commission, "编号：" + OfficialDocument.OrBlank(CaseNumber))
            .Table(table)
            .ToBytes();
    }
}
