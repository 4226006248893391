namespace Qingfeng.Features.Clues.Documents;

/// <summary>
/// 问题线索处置审批表: the handling department's proposed disposal of a clue (谈话函询, 初步核实,
/// 暂存待查 or 予以了结) with one opinion row per step of the approval chain (domain.md 1.3–1.4).
/// When the reported official is a 一把手 the form adds a row stating the stricter path.
/// </summary>
/// <param name="Commission">Issuing commission, printed above the title, e.g. "中共开阳县纪委监委".</param>
/// <param name="ClueNumber">线索编号.</param>
/// <param name="Person">被反映人.</param>
/// <param name="Source">线索来源, e.g. "信访举报（实名）".</param>
/// <param name="ReceivedOn">收件日期.</param>
/// <param name="ProblemSummary">反映的主要问题 (line breaks start new paragraphs).</param>
/// <param name="HandlingDepartment">承办部门, e.g. "第一监督检查室".</param>
/// <param name="ProposedMethod">"谈话函询", "初步核实", "暂存待查" or "予以了结".</param>
/// <param name="ProposalReason">Why that method.</param>
/// <param name="Approvals">The chain after the department, in order (e.g. 承办室负责人, 分管常委, 分管副书记, 书记).</param>
/// <param name="Secrecy">密级, e.g. "机密".</param>
public sealed record DisposalApprovalForm(
    string Commission,
    string? ClueNumber,
    PersonParticulars Person,
    string? Source,
    DateOnly? ReceivedOn,
    string? ProblemSummary,
    string? HandlingDepartment,
    string? ProposedMethod,
    string? ProposalReason,
    IReadOnlyList<ApprovalStep> Approvals,
    string? Secrecy = null)
{
    public const string Title = "问题线索处置审批表";

    /// <summary>The 一把手 note: the approval the proposed method needs beyond the ordinary chain.</summary>
    public string PrincipalLeaderNote => ProposedMethod switch
    {
        "初步核实" => "被反映人系一把手。拟初步核实的，须报经同级党委主要负责人批准。",
        "谈话函询" => "被反映人系一把手。谈话函询方案由纪委主要负责人批准，必要时向同级党委主要负责人报告。",
        _ => "被反映人系一把手。处置意见报纪委主要负责人审批，必要时报同级党委主要负责人。",
    };

    public byte[] ToDocx()
    {
        var table = new FormTable()
            .Fields("线索编号", ClueNumber, "收件日期", ReceivedOn is { } received ? OfficialDocument.FormatDate(received) : null)
            .Fields("被反映人", Person.Name, "是否一把手", Person.IsPrincipalLeader ? "是" : "否")
            .Field("单位及职务", Person.UnitAndPost)
            .Fields("干部管理权限", Person.ManagementAuthority, "线索来源", Source)
            .Text("反映的主要问题", ProblemSummary, lines: 3)
            .Opinion(
                "承办部门意见",
                OfficialDocument.OrBlank(HandlingDepartment) + "拟对该线索采取" + OfficialDocument.OrBlank(ProposedMethod) + "方式处置。\n理由：" + OfficialDocument.OrBlank(ProposalReason),
                signer: null,
                signedOn: null,
                lines: 3);
        if (Person.IsPrincipalLeader)
        {
            table.Field("一把手事项", PrincipalLeaderNote);
        }
        foreach (var step in Approvals)
        {
            table.Opinion(step.Role + "意见", step.Opinion, step.Signer, step.SignedOn, lines: 3);
        }

        return new OfficialDocument()
            .WithoutPageNumbers()
            .Marks(Secrecy, null)
            .Title(Title, spaced: false)
            .FormCaption("填报单位：" + Commission, "编号：" + OfficialDocument.OrBlank(ClueNumber))
            .Table(table)
            .ToBytes();
    }
}
