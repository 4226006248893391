using Qingfeng.Features.Clues.Documents;
using Qingfeng.Features.Talks.Documents;

namespace Qingfeng.Tests.Features.Clues.Documents;

/// <summary>Realistic models for the four clue documents (fictional names and places).</summary>
internal static class ClueDocumentSamples
{
    public static readonly PersonParticulars Official = new(
        "张三", "县交通运输局", "党组书记、局长", IsPrincipalLeader: false, "县委管理",
        Gender: "男", BornOn: new DateOnly(1975, 6, 1), PoliticalStatus: "中共党员", Rank: "正科级");

    public static InquiryLetter Letter(bool principalLeader = false) => new(
        IssuingOffice: "中共开阳县纪委办公室",
        DocumentNumber: "开纪办函〔2026〕12号",
        PersonName: "张三",
        PersonPost: "县交通运输局党组书记、局长",
        Matters:
        [
            "反映你在2024年县城区道路改造工程招标过程中，为特定关系人承揽工程提供便利的问题。",
            "反映你2025年春节期间收受下属单位负责人购物卡的问题。",
        ],
        ReplyDeadline: new DateOnly(2026, 2, 27),
        PersonIsPrincipalLeader: principalLeader,
        ContactPerson: "王五",
        ContactPhone: "0851-87221234",
        CopyTo: ["县交通运输局党组主要负责人", "县纪委监委派驻第三纪检监察组"],
        Date: new DateOnly(2026, 2, 5),
        Secrecy: "机密");

    public static DisposalApprovalForm Disposal(bool principalLeader = false) => new(
        Commission: "中共开阳县纪委监委",
        ClueNumber: "KY-2026-0012",
        Person: Official with { IsPrincipalLeader = principalLeader },
        Source: "信访举报（实名）",
        ReceivedOn: new DateOnly(2026, 1, 12),
        ProblemSummary: "反映张三在县城区道路改造工程招标过程中为特定关系人承揽工程提供便利。\n反映张三春节期间收受下属单位负责人购物卡。",
        HandlingDepartment: "第一监督检查室",
        ProposedMethod: "初步核实",
        ProposalReason: "反映问题具体，具有可查性。",
        Approvals:
        [
            new ApprovalStep("承办室负责人", "同意初步核实。", "赵六", new DateOnly(2026, 1, 20)),
            new ApprovalStep("分管常委"),
            new ApprovalStep("分管副书记"),
            new ApprovalStep("书记"),
        ],
        Secrecy: "机密");

    public static VerificationReport Report() => new(
        Addressee: "县纪委监委",
        Person: Official,
        PersonBackground: "张三，男，1975年6月出生，汉族，大学学历，1998年7月参加工作，2001年6月加入中国共产党。2021年3月任县交通运输局党组书记、局长。",
        ReportedProblems:
        [
            "在县城区道路改造工程招标过程中为特定关系人承揽工程提供便利。",
            "春节期间收受下属单位负责人购物卡。",
        ],
        Basis: "根据《中国共产党纪律检查机关监督执纪工作规则》第三十三条至第三十五条的规定，经县纪委监委主要负责人批准，成立初步核实组。",
        Process: "初步核实组于2026年2月10日至3月6日，调取了工程招标档案和有关账目，与12名相关人员谈话，调取了张三个人有关事项报告。",
        Findings:
        [
            new VerificationFinding("为特定关系人承揽工程提供便利", "经调取招标档案、与评标委员会成员谈话，发现中标企业实际控制人系张三妻弟。", "基本属实"),
            new VerificationFinding("收受购物卡", "经核查有关账目，未发现张三收受购物卡的证据。", "无法查实"),
        ],
        Doubts: ["中标企业向张三妻弟转账的200万元资金用途尚未查清。"],
        Proposal: "张三涉嫌违反廉洁纪律，且可能涉嫌职务违法，建议对其立案审查调查。",
        Team: ["王五", "钱七", "孙八"],
        TeamName: "初步核实组",
        Date: new DateOnly(2026, 3, 10),
        Secrecy: "机密");

    public static CaseFilingApprovalForm Filing(IReadOnlyList<ApprovalStep>? approvals = null) => new(
        Commission: "中共开阳县纪委监委",
        CaseNumber: "KY-2026-0012",
        Person: Official,
        Source: "初步核实（线索编号KY-2026-0012）",
        MainFacts: "经初步核实，张三利用职务上的便利，在县城区道路改造工程招标过程中为其妻弟实际控制的企业承揽工程提供帮助，涉嫌违反廉洁纪律，可能涉嫌职务违法。",
        FilingBasis: "《中国共产党纪律检查机关监督执纪工作规则》第三十八条，《中华人民共和国监察法》第三十九条。",
        DepartmentOpinion: "建议对张三立案审查调查。",
        Approvals: approvals ??
        [
            new ApprovalStep("承办室负责人", "同意。", "赵六", new DateOnly(2026, 3, 11)),
            new ApprovalStep("分管副书记"),
            new ApprovalStep("书记"),
        ],
        Secrecy: "机密");
}
