using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Qingfeng.Features.Roster;

public static class RosterFeature
{
    public static IServiceCollection AddRoster(this IServiceCollection services) =>
        services
            .AddScoped<RosterQueries>()
            .AddScoped<RosterExcel>()
            .AddScoped<RosterImporter>();

    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var officials = app.MapApiGroup("/officials", "Roster").RequirePermission(Permission.RosterRead);
        officials.MapQuery("/", (RosterQueries roster, OfficialQuery query, CancellationToken ct) => roster.SearchOfficialsAsync(query, ct),
            "ListOfficials", "Search officials by name, pinyin, unit, region and category (paged).")
            .WithDescription("Searches the cadre roster (干部名册) within the caller's jurisdiction (管辖范围): by name or pinyin, unit, region (GB/T 2260 code), leader category and 一把手 (principal leader) only; paged. Any business role (RosterRead); the three administrators get 403.");
        officials.MapGetById((RosterQueries roster, Guid id, CancellationToken ct) => roster.GetOfficialAsync(id, ct),
            "GetOfficial", "An official's profile with tenure history (family only for roles that need it).")
            .WithDescription("An official's profile with tenure history; family members (家庭成员) only for the roles that need them (commission leadership, supervision and investigation offices). The view is audited; an official outside the caller's jurisdiction answers 404.");
        officials.MapExcelExport("/export", (RosterExcel excel, OfficialQuery query, CancellationToken ct) => excel.ExportOfficialsAsync(query, ct), "officials.xlsx",
            "ExportOfficials", "Excel export of the filtered officials list.")
            .WithDescription("The filtered officials list as an .xlsx workbook (audited); same filters and jurisdiction as ListOfficials.");

        var roster = app.MapApiGroup("/roster", "Roster").RequirePermission(Permission.RosterRead);
        roster.MapGet("/summary", async (RosterQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SummaryAsync(ct)))
            .WithName("RosterSummary").WithSummary("Counts of officials, principal leaders and units within jurisdiction.")
            .WithDescription("Counts of officials, principal leaders (一把手) and units within the caller's jurisdiction. Any business role (RosterRead).");

        var units = app.MapApiGroup("/units", "Roster").RequirePermission(Permission.RosterRead);
        units.MapQuery("/", (RosterQueries roster, UnitQuery query, CancellationToken ct) => roster.SearchUnitsAsync(query, ct),
            "ListUnits", "Units within jurisdiction (paged).")
            .WithDescription("Units (单位) within the caller's jurisdiction, filtered and paged. Any business role (RosterRead).");
        units.MapExcelExport("/export", (RosterExcel excel, UnitQuery query, CancellationToken ct) => excel.ExportUnitsAsync(query, ct), "units.xlsx",
            "ExportUnits", "Excel export of the filtered units list.")
            .WithDescription("The filtered units list as an .xlsx workbook (audited); same filters and jurisdiction as ListUnits.");
        units.MapGet("/tree", async ([FromQuery][StringLength(12)][RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")] string? region, RosterQueries roster, CancellationToken ct) =>
                TypedResults.Ok(await roster.RegionChildrenAsync(region, ct)))
            .WithName("UnitTree").WithSummary("One level of the region/unit tree; omit region for the top.")
            .WithDescription("One level of the region and unit tree within the caller's jurisdiction: what lies directly under the given region code (GB/T 2260, 6–12 digits), or the top of the jurisdiction without one. Any business role (RosterRead).");

        var import = app.MapApiGroup("/roster/import", "Roster").RequirePermission(Permission.RosterManage);
        import.MapGet("/template", (RosterExcel excel) =>
                TypedResults.File(excel.Template(), ApiConventions.ExcelContentType, "roster-template.xlsx"))
            .WithName("RosterImportTemplate").WithSummary("The Excel template with Chinese headers.")
            .ProducesFile(ApiConventions.ExcelContentType)
            .WithDescription("The roster import template (.xlsx with Chinese headers) that ImportRoster reads. Commission leadership and case management only (RosterManage).");
        import.MapPost("/", async Task<Results<Ok<RosterImportResult>, UnprocessableEntity<RosterImportResult>>> (IFormFile file, RosterImporter importer, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var result = await importer.ImportAsync(stream, file.FileName, ct);
                return result.Succeeded ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
            })
            .DisableAntiforgery()
            .WithName("ImportRoster").WithSummary("Imports officials from the template; all rows or none.")
            .WithDescription("Imports officials, units and tenures from a filled-in template (multipart `file`, .xlsx): all rows or none; a file with problems answers 422 with the problems per row. Commission leadership and case management only (RosterManage); nobody outside the caller's jurisdiction is matched or named.");
        return app;
    }
}
