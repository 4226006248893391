using System.Globalization;
using System.Net;
using MiniExcelLibs;
using Qingfeng.IntegrationTests.Features.Roster;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Documents;

/// <summary>
/// Spreadsheet formula injection (OWASP "CSV injection"): a text that a spreadsheet would evaluate, typed or imported into a
/// record, leaves every export as plain text (a leading apostrophe); numbers stay numbers.
/// </summary>
public sealed class SpreadsheetFormulaTests
{
    private const string Unit = "开阳县公式测试局";

    /// <summary>Positions as a hostile roster workbook carries them, each starting with a character a spreadsheet evaluates.</summary>
    private static readonly IReadOnlyList<(string Name, string Position)> Hostile =
    [
        ("公式甲", "=cmd|' /C calc'!A0"),
        ("公式乙", "=HYPERLINK(\"http://evil.example\",\"点我\")"),
        ("公式丙", "+1+cmd|' /C calc'!A0"),
        ("公式丁", "-2+3+cmd|' /C calc'!A0"),
        ("公式戊", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Formulas_imported_through_the_roster_leave_the_exports_as_text_and_counts_stay_numbers(Provider provider)
    {
        // Its own app: an import changes the roster every test relies on.
        await using var app = await QingfengApp.StartAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var rows = Hostile.Select(h => RosterImportTests.Row(h.Name, unit: Unit, position: h.Position)).ToArray();
        rows[0]["行业领域"] = "=1+1";
        var imported = await client.PostAsync("/api/v1/roster/import", RosterImportTests.Upload(RosterImportTests.Workbook(rows)));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var officials = await SheetAsync(client, $"/api/v1/officials/export?unit={Uri.EscapeDataString(Unit)}");
        var positions = officials.ToDictionary(r => (string)r[Text("Field.Name")]!, r => r[Text("Field.Position")]);
        foreach (var (name, position) in Hostile)
        {
            Assert.Equal("'" + position, positions[name]);
        }

        var units = await SheetAsync(client, $"/api/v1/units/export?search={Uri.EscapeDataString(Unit)}");
        var unit = Assert.Single(units);
        Assert.Equal("'=1+1", unit[Text("Field.Sector")]);
        Assert.Equal(5d, Assert.IsType<double>(unit[Text("Field.OfficialCount")]));
    }

    private static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        // The export's heading (title, organ, filters, time and exporter) stands above its header row.
        return [.. stream.Query(useHeaderRow: true, startCell: "A5").Cast<IDictionary<string, object?>>()];
    }

    private static string Text(string key) => TextCatalog.Instance.Get(key, CultureInfo.GetCultureInfo("zh-CN"));
}
