using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Roster;

/// <summary>The roster's Excel files: import template, officials export and the import error report.</summary>
public sealed class RosterExcel(RosterQueries queries, ExportHeadings headings)
{
    /// <summary>The template's columns, in order; required ones are marked * in the header.</summary>
    public static readonly IReadOnlyList<(string Header, bool Required)> Columns =
    [
        ("姓名", true),
        ("性别", true),
        ("出生日期", false),
        ("区划代码", true),
        ("单位名称", true),
        ("单位类型", true),
        ("管理层级", true),
        ("行业领域", false),
        ("职务", true),
        ("是否一把手", true),
        ("一把手类别", false),
        ("职级", true),
        ("任职开始日期", true),
    ];

    public static string HeaderOf(int index) => Columns[index].Header;

    public static string ColumnLetter(int index) => ((char)('A' + index)).ToString();

    public byte[] Template()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var example = new Dictionary<string, object?>
        {
            ["姓名"] = "林晓峰",
            ["性别"] = "男",
            ["出生日期"] = "1975-03-08",
            ["区划代码"] = "520121",
            ["单位名称"] = "中共开阳县委员会",
            ["单位类型"] = EnumText.Label(UnitKind.PartyCommittee, zh),
            ["管理层级"] = EnumText.Label(ManagingLevel.Prefectural, zh),
            ["行业领域"] = "党委",
            ["职务"] = "县委书记",
            ["是否一把手"] = "是",
            ["一把手类别"] = EnumText.Label(LeaderCategory.CityCountyPartyGovernment, zh),
            ["职级"] = EnumText.Label(OfficialRank.CountyDivision, zh),
            ["任职开始日期"] = "2024-01-15",
        };
        var help = Columns.Select(c => new Dictionary<string, object?>
        {
            ["列"] = c.Header,
            ["必填"] = c.Required ? "是" : "否",
            ["说明"] = HelpFor(c.Header, zh),
        });
        return Spreadsheet.Write([("干部名册", [example]), ("填写说明", help)]);
    }

    /// <summary>The officials list's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<OfficialListItem>> OfficialColumns =
    [
        new("Field.Name", o => o.Name),
        new("Field.Gender", o => EnumText.Label(o.Gender)),
        new("Field.BirthDate", o => ExportCell.Day(o.BirthDate)),
        new("Field.Unit", o => o.UnitName),
        new("Field.Position", o => o.Position),
        new("Field.IsPrincipal", o => ExportCell.YesNo(o.IsPrincipal)),
        new("Field.Category", o => EnumText.Label(o.Category)),
        new("Field.Rank", o => EnumText.Label(o.Rank)),
    ];

    /// <summary>The units list's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<UnitListItem>> UnitColumns =
    [
        new("Field.UnitName", u => u.Name),
        new("Field.UnitKind", u => EnumText.Label(u.Kind)),
        new("Field.ManagingLevel", u => EnumText.Label(u.ManagingLevel)),
        new("Field.Sector", u => u.Sector),
        new("Field.RegionCode", u => u.RegionCode),
        new("Field.Region", u => u.RegionName),
        new("Field.OfficialCount", u => u.OfficialCount),
    ];

    public async Task<byte[]> ExportOfficialsAsync(OfficialQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Nav.Officials", query, await queries.ExportOfficialsAsync(query, cancellationToken), OfficialColumns, markEmpty: true);

    public async Task<byte[]> ExportUnitsAsync(UnitQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Nav.Units", query, await queries.ExportUnitsAsync(query, cancellationToken), UnitColumns, markEmpty: true);

    public static byte[] ErrorReport(IEnumerable<RosterImportError> errors)
    {
        var rows = errors.Select(e => new Dictionary<string, object?>
        {
            ["行号"] = e.Row,
            ["列"] = e.Column,
            ["列名"] = e.Header,
            ["错误原因"] = e.Message,
        });
        return Spreadsheet.Write(rows);
    }

    private static string HelpFor(string header, CultureInfo zh) => header switch
    {
        "性别" => "男 / 女",
        "出生日期" => "yyyy-MM-dd，如 1975-03-08",
        "区划代码" => "GB/T 2260 区划代码（省市县 6 位，乡镇 9 位，村 12 位），须在本机关管辖范围内",
        "单位名称" => "同一区划内同名单位视为同一单位；不存在时自动创建",
        "单位类型" => string.Join(" / ", EnumText.All<UnitKind>().Select(k => EnumText.Label(k.Value, zh))),
        "管理层级" => string.Join(" / ", EnumText.All<ManagingLevel>().Select(k => EnumText.Label(k.Value, zh))),
        "是否一把手" => "是 / 否",
        "一把手类别" => "是一把手时必填：" + string.Join(" / ", EnumText.All<LeaderCategory>().Select(k => EnumText.Label(k.Value, zh))),
        "职级" => string.Join(" / ", EnumText.All<OfficialRank>().Select(k => EnumText.Label(k.Value, zh))),
        "任职开始日期" => "yyyy-MM-dd，不得晚于今天",
        _ => "",
    };
}
