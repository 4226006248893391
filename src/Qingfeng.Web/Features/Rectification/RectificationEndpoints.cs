using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Files;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

namespace Qingfeng.Features.Rectification;

internal static class RectificationEndpoints
{
    public static void MapRectificationEndpoints(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapApiGroup("/rectification", "Rectification").RequirePermission(Permission.SupervisionRead);
        ledger.MapGet("/", async ([AsParameters] RectificationQuery query, RectificationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SearchAsync(query, ct)))
            .WithName("ListRectificationItems").WithSummary("The rectification ledger (整改台账) within jurisdiction: filters, sorting, paging.");
        ledger.MapGet("/export", async ([AsParameters] RectificationQuery query, RectificationExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportAsync(query, ct), ApiConventions.ExcelContentType, "rectification.xlsx"))
            .WithName("ExportRectificationItems").WithSummary("Excel export of the filtered ledger.");
        ledger.MapGet("/statistics", async ([AsParameters] RectificationQuery query, RectificationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.StatisticsAsync(query, ct)))
            .WithName("RectificationStatistics").WithSummary("On time, due soon, overdue, escalated, long-term, closed on time and late: overall and per source.");
        ledger.MapGet("/statistics/export", async ([AsParameters] RectificationQuery query, RectificationExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.ExportStatisticsAsync(query, ct), ApiConventions.ExcelContentType, "rectification-statistics.xlsx"))
            .WithName("ExportRectificationStatistics").WithSummary("Excel export of the statistics.");
        ledger.MapWorkflow(RectificationWorkflow.Table, "RectificationWorkflow");
        ledger.MapGet("/{id:guid}", async (Guid id, RectificationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetRectificationItem").WithSummary("One item with its progress, evidence list, history and the actions open to the caller.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ledger.MapPost("/", async Task<Created<Guid>> (CreateRectificationItemRequest request, RectificationService service, CancellationToken ct) =>
            {
                var id = await service.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/rectification/{id}", id);
            })
            .RequirePermission(Permission.SupervisionManage)
            .WithName("CreateRectificationItem").WithSummary("Opens an item from a source outside Qingfeng (inspection feedback, audit, assessment…).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        ledger.MapPut("/{id:guid}/measures", async (Guid id, SetMeasuresRequest request, RectificationService service, CancellationToken ct) =>
            {
                await service.SetMeasuresAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetRectificationMeasures").WithSummary("Sets the rectification measures (整改措施).");
        ledger.MapPost("/{id:guid}/progress", async (Guid id, [FromForm] ProgressForm? form, IFormFileCollection? files, RectificationService service, CancellationToken ct) =>
            {
                var uploads = new List<EvidenceUpload>();
                foreach (var file in files ?? new FormFileCollection())
                {
                    await using var stream = file.OpenReadStream();
                    uploads.Add(await EvidenceFiles.ReadAsync(file.FileName, file.Length, stream, ct));
                }

                await service.ReportAsync(id, new ReportProgressRequest { Text = form?.Text, ClaimsDone = form?.ClaimsDone == true, Version = form?.Version }, uploads, ct);
                return TypedResults.NoContent();
            })
            .DisableAntiforgery()
            .WithName("ReportRectificationProgress").WithSummary("A progress report (multipart: text, claimsDone, version, files); claiming completion needs evidence.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        ledger.MapPost("/{id:guid}/close-out", async (Guid id, CloseOutRequest request, RectificationService service, CancellationToken ct) =>
            {
                await service.CloseOutAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("CloseOutRectificationItem").WithSummary("销号: the supervising organ accepts the evidence (not the person who claimed completion).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        ledger.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest request, RectificationService service, CancellationToken ct) =>
            {
                await service.RejectAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RejectRectificationCompletion").WithSummary("Sends a claimed completion back with the reason.");
        ledger.MapPost("/{id:guid}/extend", async (Guid id, ExtendRequest request, RectificationService service, CancellationToken ct) =>
            {
                await service.ExtendAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ExtendRectificationDeadline").WithSummary("Sets a later deadline with the reason; ends an escalation.");
        ledger.MapPost("/{id:guid}/long-term", async (Guid id, ReasonRequest request, RectificationService service, CancellationToken ct) =>
            {
                await service.MarkLongTermAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkRectificationLongTerm").WithSummary("持续整改: keeps the item open without overdue reports.");
        ledger.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, RectificationQueries queries, CancellationToken ct) =>
            {
                var (name, type, content) = await queries.EvidenceAsync(id, evidenceId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("DownloadRectificationEvidence").WithSummary("Downloads an evidence file (audited).");
    }
}

/// <summary>The form fields of a progress report.</summary>
internal sealed record ProgressForm
{
    [System.ComponentModel.DataAnnotations.StringLength(RectificationItem.ProgressMaxLength)]
    public string? Text { get; init; }

    public bool ClaimsDone { get; init; }

    public Guid? Version { get; init; }
}
