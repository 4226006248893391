namespace Qingfeng.Features.Clues.Documents;

/// <summary>
/// 初步核实情况报告: the verification team's report at the end of 初步核实 (domain.md 1.6), in the six
/// parts the rules list — basic information, problems reported, basis and process, findings per
/// problem, remaining doubts, proposal — closed by a signature line for every team member.
/// </summary>
/// <param name="Addressee">主送, e.g. "委领导" or "县纪委监委".</param>
/// <param name="Person">被核实人.</param>
/// <param name="PersonBackground">Résumé and other basic information, one paragraph per line.</param>
/// <param name="ReportedProblems">反映的主要问题, one per item.</param>
/// <param name="Basis">核实的依据 (approval of the plan, rules relied on).</param>
/// <param name="Process">核实的过程 (who, when, which measures).</param>
/// <param name="Findings">核实的情况, one per reported problem.</param>
/// <param name="Doubts">存在的疑点; empty means none remain.</param>
/// <param name="Proposal">处置建议, e.g. "拟立案审查调查" with reasons.</param>
/// <param name="Team">初步核实组 members; the first is the leader (组长).</param>
/// <param name="TeamName">Signer of the report, e.g. "初步核实组".</param>
/// <param name="Date">Date of the report.</param>
/// <param name="Secrecy">密级, e.g. "机密".</param>
public sealed record VerificationReport(
    string? Addressee,
    PersonParticulars Person,
    string? PersonBackground,
    IReadOnlyList<string> ReportedProblems,
    string? Basis,
    string? Process,
    IReadOnlyList<VerificationFinding> Findings,
    IReadOnlyList<string> Doubts,
    string? Proposal,
    IReadOnlyList<string> Team,
    string TeamName,
    DateOnly Date,
    string? Secrecy = null)
{
    public string Title => "关于" + Person.Name + "同志有关问题的初步核实情况报告";

    public byte[] ToDocx()
    {
        var document = new OfficialDocument()
            .Marks(Secrecy, null)
            .Title(Title)
            .Addressee(OfficialDocument.OrBlank(Addressee) + "：")
            .Paragraph("根据委领导批示，" + TeamName + "对反映" + OfficialDocument.OrBlank(Person.UnitAndPost) + Person.Name + "同志的有关问题进行了初步核实。现将有关情况报告如下：");

        document.Heading1(1, "被核实人基本情况")
            .Paragraphs(PersonBackground)
            .Heading1(2, "反映的主要问题")
            .Items(ReportedProblems, none: OfficialDocument.Blank)
            .Heading1(3, "核实的依据和过程")
            .Paragraphs(Basis)
            .Paragraphs(Process);

        document.Heading1(4, "核实的情况");
        var number = 0;
        foreach (var finding in Findings)
        {
            document.Heading2(++number, "关于" + finding.Problem + "的问题");
            document.Paragraphs(finding.Facts);
            if (!string.IsNullOrWhiteSpace(finding.Conclusion))
            {
                document.Paragraph("核实结论：" + finding.Conclusion.Trim());
            }
        }
        if (number == 0)
        {
            document.Paragraph(OfficialDocument.Blank);
        }

        document.Heading1(5, "存在的疑点")
            .Items(Doubts, none: "无。")
            .Heading1(6, "处置建议")
            .Paragraphs(Proposal)
            .Paragraph("妥否，请批示。");

        document.Signature(TeamName, Date);
        document.BlankLine().Addressee(TeamName + "成员签名：");
        var members = Team.Count == 0 ? [OfficialDocument.Blank, OfficialDocument.Blank] : Team;
        for (var i = 0; i < members.Count; i++)
        {
            document.Line("　　" + (i == 0 ? "组　长：" : "成　员：") + members[i], "签名：＿＿＿＿＿＿　　");
        }
        return document.ToBytes();
    }
}

/// <summary>What 初步核实 found about one reported problem.</summary>
/// <param name="Problem">Short name of the problem, printed as "关于…的问题".</param>
/// <param name="Facts">What was found, one paragraph per line.</param>
/// <param name="Conclusion">e.g. "基本属实", "部分属实", "不属实", "无法查实".</param>
public sealed record VerificationFinding(string Problem, string? Facts, string? Conclusion);
