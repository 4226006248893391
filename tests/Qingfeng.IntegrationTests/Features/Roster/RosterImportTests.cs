using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qingfeng.Features.Roster;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Roster;

/// <summary>Roster import: template, row/column error report, and all-or-nothing commits.</summary>
public sealed class RosterImportTests
{
    internal static Dictionary<string, object?> Row(string name, string gender = "男", string birth = "1980-05-06", string region = "520121", string unit = "开阳县测试局", string position = "局长", string principal = "否", string? category = null, string rank = "乡科级", string start = "2023-03-01") => new()
    {
        ["姓名"] = name,
        ["性别"] = gender,
        ["出生日期"] = birth,
        ["区划代码"] = region,
        ["单位名称"] = unit,
        ["单位类型"] = "党政部门",
        ["管理层级"] = "县管",
        ["行业领域"] = "测试",
        ["职务"] = position,
        ["是否一把手"] = principal,
        ["一把手类别"] = category,
        ["职级"] = rank,
        ["任职开始日期"] = start,
    };

    internal static ByteArrayContent Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return File(stream.ToArray(), "roster.xlsx");
    }

    internal static MultipartFormDataContent Upload(ByteArrayContent file) => new() { { file, "file", "roster.xlsx" } };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Template_is_offered_to_roster_managers_only(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var manager = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var template = await manager.GetAsync("/api/v1/roster/import/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var rows = (await template.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains("任职开始日期", rows[0].Keys);

        var reader = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        await (await reader.GetAsync("/api/v1/roster/import/template")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_malformed_file_is_reported_and_changes_nothing(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var before = await CountsAsync(app);
        var client = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);

        var response = await client.PostAsync("/api/v1/roster/import", Upload(File("这不是表格"u8.ToArray(), "roster.xlsx")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<RosterImportResult>(HttpAssertions.Json);
        Assert.Contains("不是有效的 Excel", Assert.Single(result!.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Invalid_rows_are_reported_by_row_and_column_and_no_row_is_written(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var before = await CountsAsync(app);
        var client = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var file = Workbook(
            Row("秦晓川"),
            Row("卫明远", gender: "未知", region: "999999"),
            Row("邱若兰", region: "520381"),
            Row("谷一凡", principal: "是", start: "2099-01-01"));

        var response = await client.PostAsync("/api/v1/roster/import", Upload(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<RosterImportResult>(HttpAssertions.Json))!.Errors;
        Assert.Contains(errors, e => e is { Row: 3, Column: "B", Header: "性别" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "D" } && e.Message.Contains("不存在", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: "D" } && e.Message.Contains("管辖范围", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 5, Column: "K" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "M" });
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_valid_file_is_imported_whole_and_the_officials_are_searchable_by_pinyin(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var before = await CountsAsync(app);
        var client = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var file = Workbook(
            Row("秦晓川", unit: "开阳县测试局", position: "局长"),
            Row("秦晓川", unit: "开阳县测试中心", position: "主任"),
            Row("欧阳静怡", gender: "女", unit: "开阳县测试局", position: "副局长"));

        var response = await client.PostAsync("/api/v1/roster/import", Upload(file));

        var result = await response.OkJsonAsync<RosterImportResult>();
        Assert.Equal((3, 2, 2, 3), (result.Rows, result.OfficialsCreated, result.UnitsCreated, result.TenuresCreated));
        var after = await CountsAsync(app);
        Assert.Equal((before.Officials + 2, before.Units + 2, before.Tenures + 3), after);
        var found = await (await client.GetAsync("/api/v1/officials?search=ouyang")).OkJsonAsync<Paged<OfficialListItem>>();
        Assert.Contains(found.Items, i => i.Name == "欧阳静怡" && i.UnitName == "开阳县测试局");
        await using var db = app.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Import" && e.UserName == TestUsers.KaiyangCaseManagement.UserName));
    }

    /// <summary>ADR 0008: the roster of a region is kept by the commission that covers it most narrowly; higher commissions read it.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Higher_commissions_cannot_import_the_units_or_repost_the_officials_a_county_keeps_while_the_county_can(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var before = await CountsAsync(app);
        Guid guiyang;
        (string Name, DateOnly Birth) countyOfficial;
        await using (var db = app.CreateDb())
        {
            guiyang = await db.Organs.AsNoTracking().Where(o => o.Name == "贵阳市纪委监委").Select(o => o.Id).SingleAsync();
            // This import gives the official a second tenure: a village cadre who is not a 一把手, whom none of the pickers of
            // shared demo officials (ClueClients.KaiyangPrincipalAsync, TalkClients.KaiyangOfficialAsync) hands to another test.
            var official = await db.Officials.AsNoTracking()
                .Where(o => o.RegionKey.StartsWith("520121") && o.UnitId != null && o.BirthDate != null && !o.IsPrincipal && o.Unit!.Kind == Qingfeng.Features.Roster.UnitKind.VillageOrCommunity)
                .OrderBy(o => o.Id).Select(o => new { o.Name, o.BirthDate }).FirstAsync();
            countyOfficial = (official.Name, official.BirthDate!.Value);
        }

        var city = await app.ClientForOrganAsync(guiyang, Qingfeng.Platform.Security.Roles.CaseManagement);
        var province = await app.ClientForAsync(TestUsers.ProvinceCaseManagement.UserName);
        var birth = countyOfficial.Birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var higher in new[] { city, province })
        {
            var response = await higher.PostAsync("/api/v1/roster/import", Upload(Workbook(Row("秦晓川", region: "520121", unit: "开阳县测试局"))));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var error = Assert.Single((await response.Content.ReadFromJsonAsync<RosterImportResult>(HttpAssertions.Json))!.Errors);
            Assert.Equal((2, "D"), (error.Row, error.Column));
            Assert.Contains("开阳县纪委监委", error.Message, StringComparison.Ordinal);
        }

        // The city keeps its own city-level units, but not a county official it would post there: the county ends that tenure first.
        var repost = await city.PostAsync("/api/v1/roster/import", Upload(Workbook(Row(countyOfficial.Name, birth: birth, region: "520100", unit: "贵阳市测试局"))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, repost.StatusCode);
        var kept = Assert.Single((await repost.Content.ReadFromJsonAsync<RosterImportResult>(HttpAssertions.Json))!.Errors);
        Assert.Equal((2, "A"), (kept.Row, kept.Column));
        Assert.Contains("开阳县纪委监委", kept.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        var county = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var own = await (await county.PostAsync("/api/v1/roster/import", Upload(Workbook(Row("秦晓川", region: "520121", unit: "开阳县测试局"), Row(countyOfficial.Name, birth: birth, region: "520121", unit: "开阳县测试局", position: "副局长"))))).OkJsonAsync<RosterImportResult>();
        Assert.Equal((2, 1, 1, 2), (own.Rows, own.OfficialsCreated, own.UnitsCreated, own.TenuresCreated));
    }

    private static ByteArrayContent File(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "file", FileName = name };
        return content;
    }

    private static async Task<(int Officials, int Units, int Tenures)> CountsAsync(QingfengApp app)
    {
        await using var db = app.CreateDb();
        return (await db.Officials.CountAsync(), await db.Units.CountAsync(), await db.Tenures.CountAsync());
    }
}
