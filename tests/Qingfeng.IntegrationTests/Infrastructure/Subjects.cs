using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Roster;
using Qingfeng.IntegrationTests.Features.Roster;
using Qingfeng.Platform.Ui;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// Officials made for one test alone. The demo 一把手 are shared: many tests record things about the same ones, which is
/// sound while a test asserts only on the records it made itself. A test that counts everything recorded about an official
/// (a dossier row, a talk count) needs one that no other test can reach, so it imports its own through the roster API.
/// </summary>
public static class Subjects
{
    /// <summary>The sector of the units made here: the pickers of shared demo officials leave these out.</summary>
    public const string Sector = "测试专用";

    /// <summary>Ten plus six characters that spell a hexadecimal digit each: a unique name in letters, as the roster wants.</summary>
    private const string Digits = "零一二三四五六七八九甲乙丙丁戊己";

    /// <summary>A new 一把手 of a new county department of Kaiyang, imported by the county's case management.</summary>
    public static async Task<Guid> NewKaiyangPrincipalAsync(QingfengApp app)
    {
        var suffix = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => Digits[Convert.ToInt32(c.ToString(), 16)]));
        var unit = "开阳县测试专用局" + suffix;
        var row = RosterImportTests.Row(
            "测" + suffix,
            unit: unit,
            position: "局长",
            principal: "是",
            category: EnumText.Label(LeaderCategory.CityCountyDepartment, CultureInfo.GetCultureInfo("zh-CN")));
        row["行业领域"] = Sector;

        var importer = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var response = await importer.PostAsync("/api/v1/roster/import", RosterImportTests.Upload(RosterImportTests.Workbook(row)));
        var result = await response.Content.ReadFromJsonAsync<RosterImportResult>(HttpAssertions.Json);
        if (result is not { Succeeded: true, OfficialsCreated: 1 })
        {
            throw new InvalidOperationException($"Importing a test official answered {(int)response.StatusCode}: {string.Join("; ", result?.Errors.Select(e => e.Message) ?? [])}");
        }

        await using var db = app.CreateDb();
        return await db.Officials.AsNoTracking().Where(o => o.Unit!.Name == unit && o.IsPrincipal).Select(o => o.Id).SingleAsync();
    }
}
