using Microsoft.AspNetCore.Http.HttpResults;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

namespace Qingfeng.Features.Talks;

internal static class TalkEndpoints
{
    public static void MapTalkEndpoints(this IEndpointRouteBuilder app)
    {
        var talks = app.MapApiGroup("/talks", "Talks").RequirePermission(Permission.SupervisionRead);
        talks.MapGet("/", async ([AsParameters] TalkQuery query, TalkQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SearchAsync(query, ct)))
            .WithName("ListTalks").WithSummary("Talks within jurisdiction: filters by type, tier, 一把手, date, state and name; paged and sorted.");
        talks.MapGet("/export", async ([AsParameters] TalkQuery query, TalkExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.TalksAsync(query, ct), ApiConventions.ExcelContentType, "talks.xlsx"))
            .WithName("ExportTalks").WithSummary("Excel export of the filtered talks.");
        talks.MapGet("/count", async ([AsParameters] TalkCountQuery query, TalkQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CountAsync(query, ct)))
            .WithName("CountTalks").WithSummary("One-click count of held talks by type, tier, 一把手 only and held date, broken down by type, tier and leader category.");
        talks.MapGet("/tiers", (TalkQueries queries) => TypedResults.Ok(queries.Tiers))
            .WithName("TalkTiers").WithSummary("The configured tier rule of reminder talks: tier → who talks.");
        talks.MapWorkflow(TalkWorkflow.Table, "TalkWorkflow");
        talks.MapGet("/{id:guid}", async (Guid id, TalkQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetTalk").WithSummary("A talk with its plan, outline, record, commitments and follow-up items (the view is audited).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        talks.MapGet("/{id:guid}/documents/{kind}", async (Guid id, TalkDocumentKind kind, TalkDocuments documents, CancellationToken ct) =>
            {
                var (name, content) = await documents.TalkAsync(id, kind, ct);
                return TypedResults.File(content, TalkDocuments.ContentType, name);
            })
            .WithName("TalkDocument").WithSummary("谈话提纲 (Outline) or 谈话记录 (Record) as .docx in official layout.");

        var manage = talks.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapPost("/", async Task<Created<IdResult>> (PlanTalkRequest request, TalkService service, CancellationToken ct) =>
            {
                var id = await service.PlanAsync(request, ct);
                return TypedResults.Created($"/api/v1/talks/{id}", new IdResult(id));
            })
            .WithName("PlanTalk").WithSummary("Plans a talk with an official in jurisdiction; reminder talks need a tier, whose talker is the default.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        manage.MapPut("/{id:guid}/plan", async (Guid id, ReplanTalkRequest request, TalkService service, CancellationToken ct) =>
            {
                await service.ReplanAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ReplanTalk").WithSummary("Changes the plan of a planned talk.");
        manage.MapPut("/{id:guid}/outline", async (Guid id, SetOutlineRequest request, TalkService service, CancellationToken ct) =>
            {
                await service.SetOutlineAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetTalkOutline").WithSummary("Saves the edited outline (谈话提纲).");
        manage.MapPost("/{id:guid}/outline/assemble", async (Guid id, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(new OutlineResult(await service.AssembleOutlineAsync(id, ct))))
            .WithName("AssembleTalkOutline").WithSummary("Assembles the outline from the official's open rectification items and earlier commitments, and saves it.");
        manage.MapPost("/{id:guid}/hold", async (Guid id, HoldTalkRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.HoldAsync(id, request, ct)))
            .WithName("HoldTalk").WithSummary("Records the talk as held (record, commitments); follow-ups become rectification items in the same save.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/{id:guid}/follow-ups", async (Guid id, AddFollowUpsRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AddFollowUpsAsync(id, request, ct)))
            .WithName("AddTalkFollowUps").WithSummary("Adds follow-up items (rectification items) to a held talk.");
        manage.MapPost("/{id:guid}/pledge", async (Guid id, RecordPledgeRequest request, TalkService service, CancellationToken ct) =>
            {
                await service.RecordPledgeAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordTalkPledge").WithSummary("约谈: records the 廉政承诺书 received.");
        manage.MapPost("/{id:guid}/close", async (Guid id, CloseTalkRequest request, TalkService service, CancellationToken ct) =>
            {
                await service.CloseAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("CloseTalk").WithSummary("Closes a held talk with a note and its outcome.");
        manage.MapPost("/{id:guid}/cancel", async (Guid id, CancelTalkRequest request, TalkService service, CancellationToken ct) =>
            {
                await service.CancelAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelTalk").WithSummary("Cancels a planned talk, with the reason.");
        manage.MapPut("/{id:guid}/outcome", async (Guid id, SupervisionOutcomeInput request, TalkService service, CancellationToken ct) =>
            {
                await service.RecordOutcomeAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordTalkOutcome").WithSummary("Records the outcome (problems, clues, funds, rules) of a held talk.");

        var inquiries = app.MapApiGroup("/inquiries", "Talks").RequirePermission(Permission.SupervisionRead);
        inquiries.MapGet("/", async ([AsParameters] InquiryQuery query, TalkQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SearchInquiriesAsync(query, ct)))
            .WithName("ListInquiries").WithSummary("Letters of inquiry within jurisdiction; overdueOnly lists replies past their deadline.");
        inquiries.MapGet("/export", async ([AsParameters] InquiryQuery query, TalkExcel excel, CancellationToken ct) =>
                TypedResults.File(await excel.InquiriesAsync(query, ct), ApiConventions.ExcelContentType, "inquiries.xlsx"))
            .WithName("ExportInquiries").WithSummary("Excel export of the filtered letters of inquiry.");
        inquiries.MapWorkflow(InquiryWorkflow.Table, "InquiryWorkflow");
        inquiries.MapGet("/{id:guid}", async (Guid id, TalkQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetInquiryAsync(id, ct)))
            .WithName("GetInquiry").WithSummary("A letter of inquiry with the reply, countersign, assessment and follow-ups (the view is audited).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        inquiries.MapGet("/{id:guid}/document", async (Guid id, TalkDocuments documents, CancellationToken ct) =>
            {
                var (name, content) = await documents.InquiryNoticeAsync(id, ct);
                return TypedResults.File(content, TalkDocuments.ContentType, name);
            })
            .WithName("InquiryNotice").WithSummary("函询通知书 as .docx in 信函格式.");
        var manageInquiries = inquiries.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manageInquiries.MapPost("/", async Task<Created<IdResult>> (SendInquiryRequest request, TalkService service, CancellationToken ct) =>
            {
                var id = await service.SendInquiryAsync(request, ct);
                return TypedResults.Created($"/api/v1/inquiries/{id}", new IdResult(id));
            })
            .WithName("SendInquiry").WithSummary("Sends a letter of inquiry; the reply is due the configured number of working days later.");
        manageInquiries.MapPost("/{id:guid}/reply", async (Guid id, RecordReplyRequest request, TalkService service, CancellationToken ct) =>
            {
                await service.RecordReplyAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordInquiryReply").WithSummary("Records the written reply; countersign (name and reminder note) unless the official is the 一把手.");
        manageInquiries.MapPost("/{id:guid}/assess", async (Guid id, AssessInquiryRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AssessAsync(id, request, ct)))
            .WithName("AssessInquiry").WithSummary("Assesses the reply and closes the inquiry; follow-ups become rectification items.");
    }
}

public sealed record OutlineResult(string Outline);
