using Microsoft.AspNetCore.Http.HttpResults;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

namespace Qingfeng.Features.Recommendations;

internal static class RecommendationEndpoints
{
    public static void MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/recommendations", "Recommendations").RequirePermission(Permission.SupervisionRead);
        group.MapGet("/", async ([AsParameters] RecommendationQuery query, RecommendationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SearchAsync(query, ct)))
            .WithName("ListRecommendations").WithSummary("Supervision recommendations within jurisdiction: filters by kind, state, overdue reply, date, unit and text; paged.");
        group.MapGet("/export", async ([AsParameters] RecommendationQuery query, RecommendationExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportAsync(query, ct), ApiConventions.ExcelContentType, "recommendations.xlsx"))
            .WithName("ExportRecommendations").WithSummary("Excel export of the filtered recommendations.");
        group.MapGet("/rules", async ([AsParameters] AdoptedRuleQuery query, RecommendationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SearchRulesAsync(query, ct)))
            .WithName("SearchAdoptedRules").WithSummary("Search of the institutional rules units adopted in response to recommendations (e.g. a procurement “十不准”).");
        group.MapWorkflow(RecommendationWorkflow.Table, "RecommendationWorkflow");
        group.MapGet("/{id:guid}", async (Guid id, RecommendationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetRecommendation").WithSummary("One recommendation with its measures and their ledger items, the reply, follow-up checks and adopted rules.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/document", async (Guid id, RecommendationDocuments documents, CancellationToken ct) =>
            {
                var (name, content) = await documents.LetterAsync(id, ct);
                return TypedResults.File(content, RecommendationDocuments.ContentType, name);
            })
            .WithName("RecommendationLetter").WithSummary("The recommendation letter as .docx in 信函格式.");

        var manage = group.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapPost("/", async Task<Created<IdResult>> (IssueRecommendationRequest request, RecommendationService service, CancellationToken ct) =>
            {
                var id = await service.IssueAsync(request, ct);
                return TypedResults.Created($"/api/v1/recommendations/{id}", new IdResult(id));
            })
            .WithName("IssueRecommendation").WithSummary("Issues a recommendation to a unit: numbered, reply due after the configured days, each measure opened in the ledger.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        manage.MapPost("/{id:guid}/reply", async (Guid id, RecordRecommendationReplyRequest request, RecommendationService service, CancellationToken ct) =>
            {
                await service.ReplyAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordRecommendationReply").WithSummary("Records the unit's written reply (and objection, if any).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/{id:guid}/checks", async (Guid id, AddRecommendationCheckRequest request, RecommendationService service, CancellationToken ct) =>
            {
                await service.AddCheckAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("AddRecommendationCheck").WithSummary("Records a follow-up check (回头看); a satisfactory check after the reply closes the recommendation.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/{id:guid}/rules", async (Guid id, AddAdoptedRuleRequest request, RecommendationService service, CancellationToken ct) =>
            {
                await service.AddRuleAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("AddAdoptedRule").WithSummary("Records an institutional rule the unit adopted.");
        manage.MapPut("/{id:guid}/outcome", async (Guid id, SupervisionOutcomeInput request, RecommendationService service, CancellationToken ct) =>
            {
                await service.RecordOutcomeAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordRecommendationOutcome").WithSummary("Records the outcome (problems, clues, funds); the rules count follows the rules recorded.");
    }
}
