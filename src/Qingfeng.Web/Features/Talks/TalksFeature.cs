using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

/// <summary>Talks (谈话) and letters of inquiry (函询) of daily supervision.</summary>
public static class TalksFeature
{
    public static IServiceCollection AddTalks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Talks").Get<TalkOptions>() ?? new TalkOptions());
        services.AddSingleton<TalkTierRule>();
        services.AddScoped<TalkService>();
        services.AddScoped<TalkQueries>();
        services.AddScoped<TalkExcel>();
        services.AddScoped<TalkDocuments>();
        services.AddPeriodicSweep<InquiryReplySweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapTalks(this IEndpointRouteBuilder app)
    {
        var talks = app.MapApiGroup("/talks", "Talks").RequirePermission(Permission.SupervisionRead);
        talks.MapQuery("/", (TalkQueries queries, TalkQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListTalks", "Talks within jurisdiction: filters by type, tier, 一把手, date, state and name; paged and sorted.");
        talks.MapExcelExport("/export", (TalkExcel excel, TalkQuery query, CancellationToken ct) => excel.TalksAsync(query, ct), "talks.xlsx",
            "ExportTalks", "Excel export of the filtered talks.");
        talks.MapQuery("/count", (TalkQueries queries, TalkCountQuery query, CancellationToken ct) => queries.CountAsync(query, ct),
            "CountTalks", "One-click count of held talks by type, tier, 一把手 only and held date, broken down by type, tier and leader category.");
        talks.MapGet("/tiers", (TalkQueries queries) => TypedResults.Ok(queries.Tiers))
            .WithName("TalkTiers").WithSummary("The configured tier rule of reminder talks: tier → who talks.");
        talks.MapWorkflow(TalkWorkflow.Table, "TalkWorkflow");
        talks.MapGetById((TalkQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetTalk", "A talk with its plan, outline, record, commitments and follow-up items (the view is audited).");
        talks.MapWordDocument("/{id:guid}/documents/{kind}", (TalkDocuments documents, Guid id, TalkDocumentKind kind, CancellationToken ct) => documents.TalkAsync(id, kind, ct),
            "TalkDocument", "谈话提纲 (Outline) or 谈话记录 (Record) as .docx in official layout.");

        var manage = talks.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapCreate((TalkService service, PlanTalkRequest request, CancellationToken ct) => service.PlanAsync(request, ct),
                "PlanTalk", "Plans a talk with an official in jurisdiction; reminder talks need a tier, whose talker is the default.");
        manage.MapUpdate("/{id:guid}/plan", (TalkService service, Guid id, ReplanTalkRequest request, CancellationToken ct) => service.ReplanAsync(id, request, ct),
            "ReplanTalk", "Changes the plan of a planned talk.");
        manage.MapUpdate("/{id:guid}/outline", (TalkService service, Guid id, SetOutlineRequest request, CancellationToken ct) => service.SetOutlineAsync(id, request, ct),
            "SetTalkOutline", "Saves the edited outline (谈话提纲).");
        manage.MapPost("/{id:guid}/outline/assemble", async (Guid id, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(new OutlineResult(await service.AssembleOutlineAsync(id, ct))))
            .WithName("AssembleTalkOutline").WithSummary("Assembles the outline from the official's open rectification items and earlier commitments, and saves it.");
        manage.MapPost("/{id:guid}/hold", async (Guid id, HoldTalkRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.HoldAsync(id, request, ct)))
            .WithName("HoldTalk").WithSummary("Records the talk as held (record, commitments); follow-ups become rectification items in the same save.");
        manage.MapPost("/{id:guid}/follow-ups", async (Guid id, AddFollowUpsRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AddFollowUpsAsync(id, request, ct)))
            .WithName("AddTalkFollowUps").WithSummary("Adds follow-up items (rectification items) to a held talk.");
        manage.MapAction("/{id:guid}/pledge", (TalkService service, Guid id, RecordPledgeRequest request, CancellationToken ct) => service.RecordPledgeAsync(id, request, ct),
            "RecordTalkPledge", "约谈: records the 廉政承诺书 received.");
        manage.MapAction("/{id:guid}/close", (TalkService service, Guid id, CloseTalkRequest request, CancellationToken ct) => service.CloseAsync(id, request, ct),
            "CloseTalk", "Closes a held talk with a note and its outcome.");
        manage.MapAction("/{id:guid}/cancel", (TalkService service, Guid id, CancelTalkRequest request, CancellationToken ct) => service.CancelAsync(id, request, ct),
            "CancelTalk", "Cancels a planned talk, with the reason.");
        manage.MapUpdate("/{id:guid}/outcome", (TalkService service, Guid id, SupervisionOutcomeInput request, CancellationToken ct) => service.RecordOutcomeAsync(id, request, ct),
            "RecordTalkOutcome", "Records the outcome (problems, clues, funds, rules) of a held talk.");

        var inquiries = app.MapApiGroup("/inquiries", "Talks").RequirePermission(Permission.SupervisionRead);
        inquiries.MapQuery("/", (TalkQueries queries, InquiryQuery query, CancellationToken ct) => queries.SearchInquiriesAsync(query, ct),
            "ListInquiries", "Letters of inquiry within jurisdiction; overdueOnly lists replies past their deadline.");
        inquiries.MapExcelExport("/export", (TalkExcel excel, InquiryQuery query, CancellationToken ct) => excel.InquiriesAsync(query, ct), "inquiries.xlsx",
            "ExportInquiries", "Excel export of the filtered letters of inquiry.");
        inquiries.MapWorkflow(InquiryWorkflow.Table, "InquiryWorkflow");
        inquiries.MapGetById((TalkQueries queries, Guid id, CancellationToken ct) => queries.GetInquiryAsync(id, ct),
            "GetInquiry", "A letter of inquiry with the reply, countersign, assessment and follow-ups (the view is audited).");
        inquiries.MapWordDocument("/{id:guid}/document", (TalkDocuments documents, Guid id, CancellationToken ct) => documents.InquiryNoticeAsync(id, ct),
            "InquiryNotice", "函询通知书 as .docx in 信函格式.");
        var manageInquiries = inquiries.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manageInquiries.MapCreate((TalkService service, SendInquiryRequest request, CancellationToken ct) => service.SendInquiryAsync(request, ct),
            "SendInquiry", "Sends a letter of inquiry; the reply is due the configured number of working days later.");
        manageInquiries.MapAction("/{id:guid}/reply", (TalkService service, Guid id, RecordReplyRequest request, CancellationToken ct) => service.RecordReplyAsync(id, request, ct),
            "RecordInquiryReply", "Records the written reply; countersign (name and reminder note) unless the official is the 一把手.");
        manageInquiries.MapPost("/{id:guid}/assess", async (Guid id, AssessInquiryRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AssessAsync(id, request, ct)))
            .WithName("AssessInquiry").WithSummary("Assesses the reply and closes the inquiry; follow-ups become rectification items.");
        return app;
    }
}

public sealed record OutlineResult(string Outline);
