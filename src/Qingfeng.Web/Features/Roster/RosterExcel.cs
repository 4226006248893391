using System.Globalization;
using Qingfeng.Platform.Documents;
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

    public async Task<byte[]> ExportOfficialsAsync(OfficialQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = (await queries.ExportOfficialsAsync(query, cancellationToken)).Select(o => new Dictionary<string, object?>
        {
            [TextCatalog.Instance.Get("Field.Name", culture)] = o.Name,
            [TextCatalog.Instance.Get("Field.Gender", culture)] = EnumText.Label(o.Gender, culture),
            [TextCatalog.Instance.Get("Field.BirthDate", culture)] = o.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [TextCatalog.Instance.Get("Field.Unit", culture)] = o.UnitName,
            [TextCatalog.Instance.Get("Field.Position", culture)] = o.Position,
            [TextCatalog.Instance.Get("Field.IsPrincipal", culture)] = TextCatalog.Instance.Get(o.IsPrincipal ? "Common.Yes" : "Common.No", culture),
            [TextCatalog.Instance.Get("Field.Category", culture)] = EnumText.Label(o.Category, culture),
            [TextCatalog.Instance.Get("Field.Rank", culture)] = EnumText.Label(o.Rank, culture),
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { [TextCatalog.Instance.Get("Field.Name", culture)] = TextCatalog.Instance.Get("Common.NoData", culture) });
        }

        return Spreadsheet.Write(headings.For(TextCatalog.Instance.Get("Nav.Officials", culture), query), rows, TextCatalog.Instance.Get("Nav.Officials", culture));
    }

    public async Task<byte[]> ExportUnitsAsync(UnitQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = (await queries.ExportUnitsAsync(query, cancellationToken)).Select(u => new Dictionary<string, object?>
        {
            [H("Field.UnitName")] = u.Name,
            [H("Field.UnitKind")] = EnumText.Label(u.Kind, culture),
            [H("Field.ManagingLevel")] = EnumText.Label(u.ManagingLevel, culture),
            [H("Field.Sector")] = u.Sector,
            [H("Field.RegionCode")] = u.RegionCode,
            [H("Field.Region")] = u.RegionName,
            [H("Field.OfficialCount")] = u.OfficialCount,
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { [H("Field.UnitName")] = H("Common.NoData") });
        }

        return Spreadsheet.Write(headings.For(H("Nav.Units"), query), rows, H("Nav.Units"));
    }

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
