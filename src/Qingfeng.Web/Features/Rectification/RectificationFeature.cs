using Microsoft.AspNetCore.Mvc;
using Qingfeng.Platform.Files;

namespace Qingfeng.Features.Rectification;

public static class RectificationFeature
{
    public static IServiceCollection AddRectification(this IServiceCollection services)
    {
        services.AddScoped<RectificationService>();
        services.AddScoped<RectificationQueries>();
        services.AddScoped<RectificationExcel>();
        services.AddPeriodicSweep<RectificationDeadlineSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapRectification(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapApiGroup("/rectification", "Rectification").RequirePermission(Permission.SupervisionRead);
        ledger.MapQuery("/", (RectificationQueries queries, RectificationQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListRectificationItems", "The rectification ledger (整改台账) within jurisdiction: filters, sorting, paging.");
        ledger.MapExcelExport("/export", (RectificationExcel excel, RectificationQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "rectification.xlsx",
            "ExportRectificationItems", "Excel export of the filtered ledger.");
        ledger.MapQuery("/statistics", (RectificationQueries queries, RectificationQuery query, CancellationToken ct) => queries.StatisticsAsync(query, ct),
            "RectificationStatistics", "On time, due soon, overdue, escalated, long-term, closed on time and late: overall and per source.");
        ledger.MapExcelExport("/statistics/export", (RectificationExcel excel, RectificationQuery query, CancellationToken ct) => excel.ExportStatisticsAsync(query, ct), "rectification-statistics.xlsx",
            "ExportRectificationStatistics", "Excel export of the statistics.");
        ledger.MapWorkflow(RectificationWorkflow.Table, "RectificationWorkflow");
        ledger.MapGetById((RectificationQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetRectificationItem", "One item with its progress, evidence list, history and the actions open to the caller.");
        // Here 201 answers the bare id (a JSON string), not an IdResult: the published contract of this operation.
        ledger.MapCreate((RectificationService service, CreateRectificationItemRequest request, CancellationToken ct) => service.CreateAsync(request, ct), id => id,
                "CreateRectificationItem", "Opens an item from a source outside Qingfeng (inspection feedback, audit, assessment…).")
            .RequirePermission(Permission.SupervisionManage);
        ledger.MapUpdate("/{id:guid}/measures", (RectificationService service, Guid id, SetMeasuresRequest request, CancellationToken ct) => service.SetMeasuresAsync(id, request, ct),
            "SetRectificationMeasures", "Sets the rectification measures (整改措施).");
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
            .WithName("ReportRectificationProgress").WithSummary("A progress report (multipart: text, claimsDone, version, files); claiming completion needs evidence.");
        ledger.MapAction("/{id:guid}/close-out", (RectificationService service, Guid id, CloseOutRequest request, CancellationToken ct) => service.CloseOutAsync(id, request, ct),
                "CloseOutRectificationItem", "销号: the supervising organ accepts the evidence (not the person who claimed completion).");
        ledger.MapAction("/{id:guid}/reject", (RectificationService service, Guid id, ReasonRequest request, CancellationToken ct) => service.RejectAsync(id, request, ct),
            "RejectRectificationCompletion", "Sends a claimed completion back with the reason.");
        ledger.MapAction("/{id:guid}/extend", (RectificationService service, Guid id, ExtendRequest request, CancellationToken ct) => service.ExtendAsync(id, request, ct),
            "ExtendRectificationDeadline", "Sets a later deadline with the reason; ends an escalation.");
        ledger.MapAction("/{id:guid}/long-term", (RectificationService service, Guid id, ReasonRequest request, CancellationToken ct) => service.MarkLongTermAsync(id, request, ct),
            "MarkRectificationLongTerm", "持续整改: keeps the item open without overdue reports.");
        ledger.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, RectificationQueries queries, CancellationToken ct) =>
            {
                var (name, type, content) = await queries.EvidenceAsync(id, evidenceId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("DownloadRectificationEvidence").WithSummary("Downloads an evidence file (audited).").ProducesFile(AttachmentRules.ContentTypes);
        return app;
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
