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
            "ListRectificationItems", "The rectification ledger (整改台账) within jurisdiction: filters, sorting, paging.")
            .WithDescription("The rectification ledger (整改台账) within the caller's jurisdiction: the items raised by talks, 函询, 述责述廉 comments, inspections (巡察), recommendations, audits, 三重一大 checks and accountability, each with its unit, responsible official, deadline and escalation. Filters by source, state, timing (on time, due soon, overdue, closed on time or late), escalation, unit, official, source record, 一把手 only and deadline; sorted and paged. Daily-supervision readers (SupervisionRead).");
        ledger.MapExcelExport("/export", (RectificationExcel excel, RectificationQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "rectification.xlsx",
            "ExportRectificationItems", "Excel export of the filtered ledger.")
            .WithDescription("The filtered ledger as an .xlsx workbook (audited); same filters and jurisdiction as ListRectificationItems.");
        ledger.MapQuery("/statistics", (RectificationQueries queries, RectificationQuery query, CancellationToken ct) => queries.StatisticsAsync(query, ct),
            "RectificationStatistics", "On time, due soon, overdue, escalated, long-term, closed on time and late: overall and per source.")
            .WithDescription("Counts over the filtered ledger: on time, due soon, overdue, escalated, long-term (持续整改), closed on time and closed late, overall and per source. Same filters and jurisdiction as ListRectificationItems.");
        ledger.MapExcelExport("/statistics/export", (RectificationExcel excel, RectificationQuery query, CancellationToken ct) => excel.ExportStatisticsAsync(query, ct), "rectification-statistics.xlsx",
            "ExportRectificationStatistics", "Excel export of the statistics.")
            .WithDescription("The rectification statistics as an .xlsx workbook; same filters as RectificationStatistics.");
        ledger.MapWorkflow(RectificationWorkflow.Table, "RectificationWorkflow");
        ledger.MapGetById((RectificationQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetRectificationItem", "One item with its progress, evidence list, history and the actions open to the caller.")
            .WithDescription("One ledger item with its measures (整改措施), progress reports and their evidence, history, `version`, `mayChange` and the actions open to the caller; an item outside the caller's jurisdiction answers 404.");
        // Here 201 answers the bare id (a JSON string), not an IdResult: the published contract of this operation.
        ledger.MapCreate((RectificationService service, CreateRectificationItemRequest request, CancellationToken ct) => service.CreateAsync(request, ct), id => id,
                "CreateRectificationItem", "Opens an item from a source outside Qingfeng (inspection feedback, audit, assessment…).")
            .RequirePermission(Permission.SupervisionManage)
            .WithDescription("Opens a ledger item from a source outside Qingfeng (巡察 feedback, audit, assessment…) for a unit and its responsible official (usually the 一把手) within the caller's jurisdiction; due by default the configured number of working days from today. The item belongs to the caller's organ, which closes it out; answers 201 with its id as a bare JSON string. Supervision staff (SupervisionManage); a unit or official outside the jurisdiction answers 404, a deadline in the past 422.");
        ledger.MapUpdate("/{id:guid}/measures", (RectificationService service, Guid id, SetMeasuresRequest request, CancellationToken ct) => service.SetMeasuresAsync(id, request, ct),
            "SetRectificationMeasures", "Sets the rectification measures (整改措施).")
            .WithDescription("Sets the rectification measures (整改措施) of an item not yet closed. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); send the `version` you read: a stale one, or a closed item, answers 409.");
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
            .WithDescription("A progress report as a multipart form (`text`, `claimsDone`, `version`, evidence `files`: pdf, jpg, png, docx, xlsx, txt or mp3, at most 10 MB each, stored encrypted). Claiming completion needs measures and at least one evidence file (else 422) and moves the item to AwaitingCloseOut for 销号. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a stale `version`, or an item awaiting close-out or closed, answers 409; a file over the limit 413.");
        ledger.MapAction("/{id:guid}/close-out", (RectificationService service, Guid id, CloseOutRequest request, CancellationToken ct) => service.CloseOutAsync(id, request, ct),
                "CloseOutRectificationItem", "销号: the supervising organ accepts the evidence (not the person who claimed completion).")
            .WithDescription("销号: the supervising office accepts the evidence and closes the item, with a comment and the outcome (监督成效). Needs RectificationCloseOut (leadership, supervision and party-conduct offices) and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); whoever claimed completion may not close it out (409, four eyes), and an item not AwaitingCloseOut or a stale `version` answers 409.");
        ledger.MapAction("/{id:guid}/reject", (RectificationService service, Guid id, ReasonRequest request, CancellationToken ct) => service.RejectAsync(id, request, ct),
            "RejectRectificationCompletion", "Sends a claimed completion back with the reason.")
            .WithDescription("Sends a completion claim back to InProgress with the reason. Needs RectificationCloseOut and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); an item not AwaitingCloseOut or a stale `version` answers 409.");
        ledger.MapAction("/{id:guid}/extend", (RectificationService service, Guid id, ExtendRequest request, CancellationToken ct) => service.ExtendAsync(id, request, ct),
            "ExtendRectificationDeadline", "Sets a later deadline with the reason; ends an escalation.")
            .WithDescription("Sets a later deadline with the reason and ends the item's escalation. Needs RectificationCloseOut and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a closed item or a stale `version` answers 409, a deadline not after the current one (or in the past) 422.");
        ledger.MapAction("/{id:guid}/long-term", (RectificationService service, Guid id, ReasonRequest request, CancellationToken ct) => service.MarkLongTermAsync(id, request, ct),
            "MarkRectificationLongTerm", "持续整改: keeps the item open without overdue reports.")
            .WithDescription("持续整改: keeps the item open as LongTerm, reviewed at its deadline but not reported overdue, with the reason. Needs RectificationCloseOut and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a closed or already long-term item, or a stale `version`, answers 409.");
        ledger.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, RectificationQueries queries, CancellationToken ct) =>
            {
                var (name, type, content) = await queries.EvidenceAsync(id, evidenceId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("DownloadRectificationEvidence").WithSummary("Downloads an evidence file (audited).")
            .ProducesFile(AttachmentRules.ContentTypes)
            .WithDescription("Downloads an evidence file of a progress report, decrypted, under its name and type; every download is audited. An item outside the caller's jurisdiction answers 404.");
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
