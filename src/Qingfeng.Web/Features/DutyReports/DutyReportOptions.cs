namespace Qingfeng.Features.DutyReports;

/// <summary>One level of the joint review (多级联审) and the role that reviews at it.</summary>
public sealed class ReviewLevelOption
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";
}

/// <summary>A grade of the score scale: reached from <see cref="Min"/> (inclusive).</summary>
public sealed class GradeOption
{
    public int Min { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>
/// 述责述廉 practice that varies by place (configuration section <c>Supervision:DutyReports</c>): the content template, the review
/// chain, the score scale and its grades. A campaign copies them when it is created, so later changes do not alter it.
/// </summary>
public sealed class DutyReportOptions
{
    /// <summary>The required content items; the default is the composite list of domain.md §5 (Kaiyang's own 14 items were not found).</summary>
    public List<string> TemplateItems { get; set; } =
    [
        "讲政治、践行“两个维护”，贯彻落实党中央重大决策部署情况",
        "履行全面从严治党主体责任和第一责任人职责情况",
        "执行民主集中制、“三重一大”事项集体决策和末位表态情况",
        "与班子成员和下级“一把手”开展谈心谈话、在函询回复上签署意见情况",
        "支持纪检监察机关和派驻机构工作情况",
        "巡视巡察、审计等发现问题整改情况",
        "落实中央八项规定精神、纠治“四风”情况",
        "选人用人工作情况",
        "落实意识形态工作责任制情况",
        "个人廉洁自律情况（收受礼品礼金、兼职取酬等）",
        "婚姻家庭、收入和投资情况",
        "配偶、子女及其配偶从业和经商办企业情况",
        "家风建设情况",
        "存在的问题和整改措施",
    ];

    /// <summary>The default chain: stationed team → supervision office → party-conduct office.</summary>
    public List<ReviewLevelOption> ReviewLevels { get; set; } =
    [
        new() { Name = "派驻纪检监察组", Role = "stationed" },
        new() { Name = "监督检查室", Role = "supervision" },
        new() { Name = "党风政风监督室", Role = "partyconduct" },
    ];

    public int ScaleMax { get; set; } = 100;

    /// <summary>Grades from the highest threshold down; the lowest should start at 0.</summary>
    public List<GradeOption> Grades { get; set; } =
    [
        new() { Min = 90, Name = "优秀" },
        new() { Min = 80, Name = "良好" },
        new() { Min = 70, Name = "一般" },
        new() { Min = 0, Name = "较差" },
    ];

    /// <summary>Below this mean score the official is given a reminder talk (提醒谈话) and a rectification deadline.</summary>
    public int ReminderBelow { get; set; } = 70;

    /// <summary>The aggregate of a report is shown only with at least this many votes, so that no single vote can be read off it.</summary>
    public int MinimumVotes { get; set; } = 3;
}
