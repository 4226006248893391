using Microsoft.AspNetCore.Http.HttpResults;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

namespace Qingfeng.Features.Decisions;

internal static class DecisionEndpoints
{
    public static void MapDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        var decisions = app.MapApiGroup("/decisions", "Decisions").RequirePermission(Permission.SupervisionRead);
        decisions.MapGet("/", async ([AsParameters] DecisionQuery query, DecisionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SearchAsync(query, ct)))
            .WithName("ListDecisionRecords").WithSummary("三重一大 decision records within jurisdiction: filters and paging.");
        decisions.MapGet("/export", async ([AsParameters] DecisionQuery query, DecisionExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportAsync(query, ct), ApiConventions.ExcelContentType, "decisions.xlsx"))
            .WithName("ExportDecisionRecords").WithSummary("Excel export of the filtered records.");
        decisions.MapWorkflow(DecisionWorkflow.Table, "DecisionWorkflow");
        decisions.MapGet("/{id:guid}", async (Guid id, DecisionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetDecisionRecord").WithSummary("One record with the findings of its checks and their ledger items and clues.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        decisions.MapPost("/", async Task<Created<Guid>> (SaveDecisionRequest request, DecisionService service, CancellationToken ct) =>
            {
                var id = await service.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/decisions/{id}", id);
            })
            .RequirePermission(Permission.SupervisionManage)
            .WithName("CreateDecisionRecord").WithSummary("Records a decision; the checks run and their findings open ledger items (and clues where configured).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        decisions.MapPut("/{id:guid}", async (Guid id, SaveDecisionRequest request, DecisionService service, CancellationToken ct) =>
            {
                await service.UpdateAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.SupervisionManage)
            .WithName("UpdateDecisionRecord").WithSummary("Corrects a record and re-runs the checks (one finding per check, never duplicated).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
