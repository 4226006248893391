using Microsoft.AspNetCore.Http.HttpResults;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

namespace Qingfeng.Features.Accountability;

internal static class AccountabilityEndpoints
{
    public static void MapAccountabilityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/accountability", "Accountability").RequirePermission(Permission.SupervisionRead);
        group.MapGet("/", async ([AsParameters] AccountabilityQuery query, AccountabilityQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SearchAsync(query, ct)))
            .WithName("ListAccountability").WithSummary("Accountability decisions within jurisdiction: filters by target, form, cause, state, leader category, impact period, date and text; paged.");
        group.MapGet("/export", async ([AsParameters] AccountabilityQuery query, AccountabilityExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportAsync(query, ct), ApiConventions.ExcelContentType, "accountability.xlsx"))
            .WithName("ExportAccountability").WithSummary("Excel export of the filtered decisions.");
        group.MapGet("/notice", async ([AsParameters] AccountabilityNoticeQuery query, AccountabilityDocuments documents, CancellationToken ct) =>
            {
                var (name, content) = await documents.NoticeAsync(query, ct);
                return TypedResults.File(content, AccountabilityDocuments.ContentType, name);
            })
            .WithName("AccountabilityNotice").WithSummary("One 通报 (internal or public) covering the given decisions, as .docx in official layout.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapWorkflow(AccountabilityWorkflow.Table, "AccountabilityWorkflow");
        group.MapGet("/{id:guid}", async (Guid id, AccountabilityQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetAccountability").WithSummary("One decision with its cause, impact period and ledger item (the view is audited).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var manage = group.MapGroup("").RequirePermission(Permission.AccountabilityManage);
        manage.MapPost("/", async Task<Created<IdResult>> (SaveAccountabilityRequest request, AccountabilityService service, CancellationToken ct) =>
            {
                var id = await service.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/accountability/{id}", new IdResult(id));
            })
            .WithName("RecordAccountability").WithSummary("Records a decision against a unit's party organisation or a leading cadre, linked to its cause; the required rectification opens a ledger item.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        manage.MapPut("/{id:guid}", async (Guid id, SaveAccountabilityRequest request, AccountabilityService service, CancellationToken ct) =>
            {
                await service.UpdateAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateAccountability").WithSummary("Corrects a decision not yet carried out (version required).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/{id:guid}/execute", async (Guid id, ExecuteAccountabilityRequest request, AccountabilityService service, CancellationToken ct) =>
            {
                await service.ExecuteAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ExecuteAccountability").WithSummary("Records that the decision was carried out (检查 received, 通报 issued, measure executed).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/{id:guid}/revoke", async (Guid id, RevokeAccountabilityRequest request, AccountabilityService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeAccountability").WithSummary("Revokes a decision (e.g. on appeal), with the reason; its impact period ends.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
