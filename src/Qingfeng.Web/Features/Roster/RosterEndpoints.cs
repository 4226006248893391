using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Security;

namespace Qingfeng.Features.Roster;

internal static class RosterEndpoints
{
    public static void MapRosterEndpoints(this IEndpointRouteBuilder app)
    {
        var officials = app.MapApiGroup("/officials", "Roster").RequirePermission(Permission.RosterRead);
        officials.MapGet("/", async ([AsParameters] OfficialQuery query, RosterQueries roster, CancellationToken ct) =>
                TypedResults.Ok(await roster.SearchOfficialsAsync(query, ct)))
            .WithName("ListOfficials").WithSummary("Search officials by name, pinyin, unit, region and category (paged).");
        officials.MapGet("/{id:guid}", async (Guid id, RosterQueries roster, CancellationToken ct) =>
                TypedResults.Ok(await roster.GetOfficialAsync(id, ct)))
            .WithName("GetOfficial").WithSummary("An official's profile with tenure history (family only for roles that need it).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        officials.MapGet("/export", async ([AsParameters] OfficialQuery query, RosterExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportOfficialsAsync(query, ct), ApiConventions.ExcelContentType, "officials.xlsx"))
            .WithName("ExportOfficials").WithSummary("Excel export of the filtered officials list.");

        var roster = app.MapApiGroup("/roster", "Roster").RequirePermission(Permission.RosterRead);
        roster.MapGet("/summary", async (RosterQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SummaryAsync(ct)))
            .WithName("RosterSummary").WithSummary("Counts of officials, principal leaders and units within jurisdiction.");

        var units = app.MapApiGroup("/units", "Roster").RequirePermission(Permission.RosterRead);
        units.MapGet("/", async ([AsParameters] UnitQuery query, RosterQueries roster, CancellationToken ct) =>
                TypedResults.Ok(await roster.SearchUnitsAsync(query, ct)))
            .WithName("ListUnits").WithSummary("Units within jurisdiction (paged).");
        units.MapGet("/export", async ([AsParameters] UnitQuery query, RosterExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportUnitsAsync(query, ct), ApiConventions.ExcelContentType, "units.xlsx"))
            .WithName("ExportUnits").WithSummary("Excel export of the filtered units list.");
        units.MapGet("/tree", async ([FromQuery][StringLength(12)][RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")] string? region, RosterQueries roster, CancellationToken ct) =>
                TypedResults.Ok(await roster.RegionChildrenAsync(region, ct)))
            .WithName("UnitTree").WithSummary("One level of the region/unit tree; omit region for the top.");

        var import = app.MapApiGroup("/roster/import", "Roster").RequirePermission(Permission.RosterManage);
        import.MapGet("/template", (RosterExcel excel) =>
                TypedResults.File(excel.Template(), ApiConventions.ExcelContentType, "roster-template.xlsx"))
            .WithName("RosterImportTemplate").WithSummary("The Excel template with Chinese headers.");
        import.MapPost("/", async Task<Results<Ok<RosterImportResult>, UnprocessableEntity<RosterImportResult>>> (IFormFile file, RosterImporter importer, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var result = await importer.ImportAsync(stream, file.FileName, ct);
                return result.Succeeded ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
            })
            .DisableAntiforgery()
            .WithName("ImportRoster").WithSummary("Imports officials from the template; all rows or none.");
    }
}
