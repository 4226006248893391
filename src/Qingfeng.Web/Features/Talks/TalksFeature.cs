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
        services.AddScoped<IDeadlineRecount, InquiryDeadlineRecount>();
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
            "ListTalks", "Talks within jurisdiction: filters by type, tier, 一把手, date, state and name; paged and sorted.")
            .WithDescription("Talks (谈话) with officials within the caller's jurisdiction: 谈话提醒 (tiered reminder talks), 约谈, 廉政谈话, 任前廉政谈话, 谈心谈话, 诫勉谈话, and talks held on a clue's 谈话函询 (those only for whoever may see the clue). Filters by type, tier, state, 一把手 only, date, unit, official and name; sorted and paged. Daily-supervision readers (SupervisionRead: leadership, case management, supervision and party-conduct offices, stationed teams, inspection staff).");
        talks.MapExcelExport("/export", (TalkExcel excel, TalkQuery query, CancellationToken ct) => excel.TalksAsync(query, ct), "talks.xlsx",
            "ExportTalks", "Excel export of the filtered talks.")
            .WithDescription("The filtered talks as an .xlsx workbook (audited); same filters and jurisdiction as ListTalks.");
        talks.MapQuery("/count", (TalkQueries queries, TalkCountQuery query, CancellationToken ct) => queries.CountAsync(query, ct),
            "CountTalks", "One-click count of held talks by type, tier, 一把手 only and held date, broken down by type, tier and leader category.")
            .WithDescription("One-click count (一键统计) of the talks held (Held or Closed) within the caller's jurisdiction and of the officials talked to, by type, tier, 一把手 only and held date, broken down by type, tier and leader category.");
        talks.MapGet("/tiers", (TalkQueries queries) => TypedResults.Ok(queries.Tiers))
            .WithName("TalkTiers").WithSummary("The configured tier rule of reminder talks: tier → who talks.")
            .WithDescription("The configured tier rule of reminder talks (分级谈话提醒): for each tier, who talks. PlanTalk takes it as the default 谈话人 of a reminder talk.");
        talks.MapWorkflow(TalkWorkflow.Table, "TalkWorkflow");
        talks.MapGetById((TalkQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetTalk", "A talk with its plan, outline, record, commitments and follow-up items (the view is audited).")
            .WithDescription("One talk with its plan, outline (谈话提纲), record (谈话记录), commitments, 廉政承诺书 dates, outcome, follow-up rectification items, `version`, whether the caller's organ may change it (`mayChange`) and the actions open to the caller. The view is audited; a talk outside the caller's jurisdiction, or of a clue the caller may not see, answers 404.");
        talks.MapWordDocument("/{id:guid}/documents/{kind}", (TalkDocuments documents, Guid id, TalkDocumentKind kind, CancellationToken ct) => documents.TalkAsync(id, kind, ct),
            "TalkDocument", "谈话提纲 (Outline) or 谈话记录 (Record) as .docx in official layout.")
            .WithDescription("谈话提纲 (`Outline`) or 谈话记录 (`Record`) of the talk as .docx in official layout (audited); a talk outside the caller's jurisdiction answers 404.");

        var manage = talks.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapCreate((TalkService service, PlanTalkRequest request, CancellationToken ct) => service.PlanAsync(request, ct),
                "PlanTalk", "Plans a talk with an official in jurisdiction; reminder talks need a tier, whose talker is the default.")
            .WithDescription("Plans a talk with an official within the caller's jurisdiction; the talk belongs to the caller's organ. A 谈话提醒 (Reminder) needs a tier, whose talker under the tier rule is the default 谈话人. Supervision staff (SupervisionManage: leadership, supervision and party-conduct offices, stationed teams); an official outside the jurisdiction answers 404, a ClueTalk (held only through a clue's 谈话函询) or a reminder without a tier 422.");
        manage.MapUpdate("/{id:guid}/plan", (TalkService service, Guid id, ReplanTalkRequest request, CancellationToken ct) => service.ReplanAsync(id, request, ct),
            "ReplanTalk", "Changes the plan of a planned talk.")
            .WithDescription("Changes the date, place, talkers, participants and recorder of a talk that is still Planned. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk no longer Planned answers 409.");
        manage.MapUpdate("/{id:guid}/outline", (TalkService service, Guid id, SetOutlineRequest request, CancellationToken ct) => service.SetOutlineAsync(id, request, ct),
            "SetTalkOutline", "Saves the edited outline (谈话提纲).")
            .WithDescription("Saves the edited outline (谈话提纲) of a planned or held talk. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a closed or cancelled talk answers 409.");
        manage.MapPost("/{id:guid}/outline/assemble", async (Guid id, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(new OutlineResult(await service.AssembleOutlineAsync(id, ct))))
            .WithName("AssembleTalkOutline").WithSummary("Assembles the outline from the official's open rectification items and earlier commitments, and saves it.")
            .WithDescription("Drafts the outline (谈话提纲) from the official's open rectification items (整改台账) within jurisdiction and the commitments of earlier talks, saves it on the talk and returns it for editing. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a closed or cancelled talk answers 409.");
        manage.MapPost("/{id:guid}/hold", async (Guid id, HoldTalkRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.HoldAsync(id, request, ct)))
            .WithName("HoldTalk").WithSummary("Records the talk as held (record, commitments); follow-ups become rectification items in the same save.")
            .WithDescription("Records a planned talk as held: date, record (谈话记录) and commitments (表态); each follow-up becomes a rectification item (整改台账) of the official in the same save, and a 约谈 sets the deadline of its 廉政承诺书. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk not Planned answers 409, a held date in the future 422.");
        manage.MapPost("/{id:guid}/follow-ups", async (Guid id, AddFollowUpsRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AddFollowUpsAsync(id, request, ct)))
            .WithName("AddTalkFollowUps").WithSummary("Adds follow-up items (rectification items) to a held talk.")
            .WithDescription("Adds follow-up problems to a held talk, each opened as a rectification item (整改台账) of the official; answers their ids. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk not Held answers 409, an empty list 422.");
        manage.MapAction("/{id:guid}/pledge", (TalkService service, Guid id, RecordPledgeRequest request, CancellationToken ct) => service.RecordPledgeAsync(id, request, ct),
            "RecordTalkPledge", "约谈: records the 廉政承诺书 received.")
            .WithDescription("约谈 only: records the day the 廉政承诺书 (integrity pledge) was received. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk not Held answers 409; a talk that is not a 约谈 (Summons), or a day before the talk, 422.");
        manage.MapAction("/{id:guid}/close", (TalkService service, Guid id, CloseTalkRequest request, CancellationToken ct) => service.CloseAsync(id, request, ct),
            "CloseTalk", "Closes a held talk with a note and its outcome.")
            .WithDescription("Closes a held talk with a closing note and its outcome (监督成效: problems, clues, funds, rules). SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk not Held answers 409.");
        manage.MapAction("/{id:guid}/cancel", (TalkService service, Guid id, CancelTalkRequest request, CancellationToken ct) => service.CancelAsync(id, request, ct),
            "CancelTalk", "Cancels a planned talk, with the reason.")
            .WithDescription("Cancels a planned talk, with the reason. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk not Planned answers 409.");
        manage.MapUpdate("/{id:guid}/outcome", (TalkService service, Guid id, SupervisionOutcomeInput request, CancellationToken ct) => service.RecordOutcomeAsync(id, request, ct),
            "RecordTalkOutcome", "Records the outcome (problems, clues, funds, rules) of a held talk.")
            .WithDescription("Records the outcome (监督成效: problems and clues found, funds paid out and recovered, rules adopted) of a held or closed talk, replacing the earlier one. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a talk in another state answers 409.");

        var inquiries = app.MapApiGroup("/inquiries", "Talks").RequirePermission(Permission.SupervisionRead);
        inquiries.MapQuery("/", (TalkQueries queries, InquiryQuery query, CancellationToken ct) => queries.SearchInquiriesAsync(query, ct),
            "ListInquiries", "Letters of inquiry within jurisdiction; overdueOnly lists replies past their deadline.")
            .WithDescription("Letters of inquiry (函询) to officials within the caller's jurisdiction, sent from the ledger or by a clue's 谈话函询 (those only for whoever may see the clue). Filters by state, overdue reply (`overdueOnly`), 一把手 only, sent date, official and name; sorted and paged. Daily-supervision readers (SupervisionRead).");
        inquiries.MapExcelExport("/export", (TalkExcel excel, InquiryQuery query, CancellationToken ct) => excel.InquiriesAsync(query, ct), "inquiries.xlsx",
            "ExportInquiries", "Excel export of the filtered letters of inquiry.")
            .WithDescription("The filtered letters of inquiry as an .xlsx workbook (audited); same filters and jurisdiction as ListInquiries.");
        inquiries.MapWorkflow(InquiryWorkflow.Table, "InquiryWorkflow");
        inquiries.MapGetById((TalkQueries queries, Guid id, CancellationToken ct) => queries.GetInquiryAsync(id, ct),
            "GetInquiry", "A letter of inquiry with the reply, countersign, assessment and follow-ups (the view is audited).")
            .WithDescription("One letter of inquiry (函询) with the matters to explain, the reply deadline, the written reply and its countersignature (签署意见), the assessment, outcome and follow-up items, `version`, `mayChange` and the actions open to the caller. The view is audited; a letter outside the caller's jurisdiction, or of a clue the caller may not see, answers 404.");
        inquiries.MapWordDocument("/{id:guid}/document", (TalkDocuments documents, Guid id, CancellationToken ct) => documents.InquiryNoticeAsync(id, ct),
            "InquiryNotice", "函询通知书 as .docx in 信函格式.")
            .WithDescription("函询通知书 of the letter as .docx in 信函格式 (audited); a letter outside the caller's jurisdiction answers 404.");
        var manageInquiries = inquiries.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manageInquiries.MapCreate((TalkService service, SendInquiryRequest request, CancellationToken ct) => service.SendInquiryAsync(request, ct),
            "SendInquiry", "Sends a letter of inquiry; the reply is due the configured number of working days later.")
            .WithDescription("Sends a letter of inquiry (函询) to an official within the caller's jurisdiction with the matters to explain; the reply is due the configured number of working days later (15 by default, holidays excluded). The letter belongs to the caller's organ. Supervision staff (SupervisionManage); an official outside the jurisdiction answers 404, a sent date in the future 422.");
        manageInquiries.MapAction("/{id:guid}/reply", (TalkService service, Guid id, RecordReplyRequest request, CancellationToken ct) => service.RecordReplyAsync(id, request, ct),
            "RecordInquiryReply", "Records the written reply; countersign (name and reminder note) unless the official is the 一把手.")
            .WithDescription("Records the official's written reply. Unless the official is the unit's 一把手, the reply carries the countersignature of the unit's principal leader with an education and reminder note (not 一签了之), else 422. The reply to a clue's letter is recorded through the clue (its RecordInquiryReply step, the clue's handler only). SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a letter not awaiting its reply answers 409, a reply date before sending or in the future 422.");
        manageInquiries.MapPost("/{id:guid}/assess", async (Guid id, AssessInquiryRequest request, TalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AssessAsync(id, request, ct)))
            .WithName("AssessInquiry").WithSummary("Assesses the reply and closes the inquiry; follow-ups become rectification items.")
            .WithDescription("Assesses the reply and closes the letter: Accepted (说明属实、予以采信) or FurtherAction (with a note, else 422); each follow-up becomes a rectification item of the official in the same save and their ids are answered. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a letter not Replied answers 409.");
        return app;
    }
}

public sealed record OutlineResult(string Outline);
