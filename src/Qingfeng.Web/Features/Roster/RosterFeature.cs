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
            "ListOfficials", "Search officials by name, pinyin, unit, region and category (paged).");
        officials.MapGetById((RosterQueries roster, Guid id, CancellationToken ct) => roster.GetOfficialAsync(id, ct),
            "GetOfficial", "An official's profile with tenure history (family only for roles that need it).");
        officials.MapExcelExport("/export", (RosterExcel excel, OfficialQuery query, CancellationToken ct) => excel.ExportOfficialsAsync(query, ct), "officials.xlsx",
            "ExportOfficials", "Excel export of the filtered officials list.");

        var roster = app.MapApiGroup("/roster", "Roster").RequirePermission(Permission.RosterRead);
        roster.MapGet("/summary", async (RosterQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SummaryAsync(ct)))
            .WithName("RosterSummary").WithSummary("Counts of officials, principal leaders and units within jurisdiction.");

        var units = app.MapApiGroup("/units", "Roster").RequirePermission(Permission.RosterRead);
        units.MapQuery("/", (RosterQueries roster, UnitQuery query, CancellationToken ct) => roster.SearchUnitsAsync(query, ct),
            "ListUnits", "Units within jurisdiction (paged).");
        units.MapExcelExport("/export", (RosterExcel excel, UnitQuery query, CancellationToken ct) => excel.ExportUnitsAsync(query, ct), "units.xlsx",
            "ExportUnits", "Excel export of the filtered units list.");
        units.MapGet("/tree", async ([FromQuery][StringLength(12)][RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")] string? region, RosterQueries roster, CancellationToken ct) =>
                TypedResults.Ok(await roster.RegionChildrenAsync(region, ct)))
            .WithName("UnitTree").WithSummary("One level of the region/unit tree; omit region for the top.");

        var import = app.MapApiGroup("/roster/import", "Roster").RequirePermission(Permission.RosterManage);
        import.MapGet("/template", (RosterExcel excel) =>
                TypedResults.File(excel.Template(), ApiConventions.ExcelContentType, "roster-template.xlsx"))
            .WithName("RosterImportTemplate").WithSummary("The Excel template with Chinese headers.").ProducesFile(ApiConventions.ExcelContentType);
        import.MapPost("/", async Task<Results<Ok<RosterImportResult>, UnprocessableEntity<RosterImportResult>>> (IFormFile file, RosterImporter importer, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var result = await importer.ImportAsync(stream, file.FileName, ct);
                return result.Succeeded ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
            })
            .DisableAntiforgery()
            .WithName("ImportRoster").WithSummary("Imports officials from the template; all rows or none.");
        return app;
    }
}
