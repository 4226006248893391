using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.PersonResolution;
using Qingfeng.Platform.Files;

namespace Qingfeng.Features.Clues;

public static class CluesFeature
{
    public static IServiceCollection AddClues(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Clues").Get<ClueOptions>() ?? new ClueOptions());
        services.AddSingleton<ClueDeadlines>();
        services.AddScoped<IDeadlineRecount, ClueDeadlineRecount>();
        services.AddSingleton<ViolationCatalog>();
        services.AddSingleton<CategorySuggester>();
        services.AddSingleton<DuplicateDetector>();
        services.AddSingleton<ClueTextGenerator>();
        services.AddSingleton<ClueProtection>();
        services.AddScoped<ClueAccess>();
        services.AddScoped<INotificationLinkFilter, ClueNotificationFilter>();
        services.AddScoped<ClueRepeats>();
        services.AddScoped<ClueService>();
        services.AddScoped<ClueQueries>();
        services.AddScoped<ClueStatistics>();
        services.AddScoped<ClueExcel>();
        services.AddScoped<ClueDocuments>();
        services.AddScoped<Talks.IClueCircle, ClueLetterCircle>();
        services.AddPeriodicSweep<ClueDeadlineSweep>();
        services.AddSingleton<ClueSearchIndexUpgrade>();
        services.AddHostedService(provider => provider.GetRequiredService<ClueSearchIndexUpgrade>());
        return services;
    }

    public static IEndpointRouteBuilder MapClues(this IEndpointRouteBuilder app)
    {
        var clues = app.MapApiGroup("/clues", "Clues").RequirePermission(Permission.ClueRead);
        clues.MapQuery("/", (ClueQueries queries, ClueQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListClues", "The caller's clue queue: filters, full-text search, 一把手 first, paged.")
            .WithDescription("The caller's queue of problem clues (问题线索) and cases (案件) under need-to-know: users of the handling organ who are its case managers (案管室) or leaders, the named handler, investigator or reviewer, and the petition office (信访室) while a clue is at intake; a recused user (回避) never sees it. Filters by state, source, disposal method (处置方式), violation category, region, receipt dates, due status and 一把手 only, full-text search over the content (every word must match; searches are audited); 一把手 clues first by default; paged.");
        clues.MapExcelExport("/export", (ClueExcel excel, ClueQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "clues.xlsx",
            "ExportClues", "Excel export of the filtered queue.")
            .WithDescription("The filtered queue as an .xlsx workbook, under the same need-to-know rule and filters as ListClues; the export is audited.");
        clues.MapGet("/workload", async (ClueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.WorkloadAsync(ct)))
            .WithName("ClueWorkload").WithSummary("Counts of the caller's pending, overdue and due-soon clues.")
            .WithDescription("Counts of the clues where the caller has the next step: all, overdue, due soon and about a 一把手; only clues the caller may see.");
        clues.MapGetById((ClueQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetClue", "A clue with its history and the actions open to the caller (the view is audited).")
            .WithDescription("One clue with its content, reported persons, history, deadline, disposal method, case dates, sanctions, outcome, attachments, the letters and talks of its 谈话函询, its `version` and the actions the caller may take now (`availableActions`). The reporter (举报人) is shown only to the petition office. The view is audited; a clue outside the caller's need-to-know, or one the caller is recused from, answers 404.");
        clues.MapPost("/", async Task<Created<RegisterClueResult>> (RegisterClueRequest request, ClueService service, CancellationToken ct) =>
            {
                var result = await service.RegisterAsync(request, ct);
                return TypedResults.Created($"/api/v1/clues/{result.Id}", result);
            })
            .RequirePermission(Permission.ClueRegister)
            .WithName("RegisterClue").WithSummary("Registers a clue (登记); returns its number and any likely repeats.")
            .WithDescription("Registers (登记) a problem clue (问题线索) under the organ's next number of the year: received by letter, visit, phone or the 12388 platform, transferred (巡视, 巡察, 审计, judicial organs…) or found in supervision. Reported persons are roster officials within the caller's jurisdiction (`officialId`) or names as written. Petition office, case management, supervision offices and stationed teams (ClueRegister); answers 201 with the number and likely repeats (重复件) among earlier clues the caller may see. A real-name report without the reporter's name, a receipt date in the future or an unknown category answers 422, an official outside the jurisdiction 404.");
        clues.MapGet("/{id:guid}/repeat-candidates", async (Guid id, ClueRepeats repeats, CancellationToken ct) =>
                TypedResults.Ok(await repeats.CandidatesAsync(id, ct)))
            .WithName("ClueRepeatCandidates").WithSummary("Clues of the organ that may report the same matter (重复件), with reasons and shared passages.")
            .WithDescription("Likely repeats (重复件) of a clue among the organ's clues received within two years before or after it that the caller may see (need-to-know and recusals apply; no other clue is named or counted): compared by text (a fingerprint, never the stored text) and by the reported persons, linked or typed as free text. Each candidate has its number, date, state, score, a reason in words (same person, text similarity, facts alike and unlike, shared passages), the passages both texts share (at least 8 characters, from both decrypted texts), whether the caller may confirm it (MarkRepeat into an earlier clue) or dismiss it, and the kept dismissal if any. The view is audited; a clue the caller may not see answers 404.");
        clues.MapAction("/{id:guid}/repeat-dismissals", (ClueRepeats repeats, Guid id, DismissRepeatRequest request, CancellationToken ct) => repeats.DismissAsync(id, request, ct),
            "DismissClueRepeat", "Keeps the decision that a candidate is not a repeat of the clue (who, when, why).")
            .WithDescription("Keeps the decision that a candidate (`otherClueId`) is not a repeat of the clue: who, when, why and the pair are stored and audited, and the pair is not flagged again (the candidate list shows it as dismissed). Both clues must be visible to the caller (else 404); only officers of the organ that owns the clue who may merge a repeat (petition office, case management) or its leaders decide (403 otherwise, also for a collaborating organ that sees the clue); a pair already decided answers 409.");
        clues.MapPost("/{id:guid}/actions", async (Guid id, ClueActionRequest request, ClueService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ActAsync(id, request, ct)))
            .WithName("ActOnClue").WithSummary("Takes one workflow action (see ClueAction); illegal moves answer 409, missing inputs 422.")
            .WithDescription("Takes one step of the clue and case lifecycle (see ClueWorkflow): 提交案管 and 分办, proposing and approving the disposal method (处置方式: 谈话函询, 初步核实, 暂存待查, 予以了结), the 函询 letter and reply, 立案审查调查, 审理, the decision with sanctions, 移送检察机关 and appeals. Each action has its roles and required inputs, and a handler's, investigator's or reviewer's step is that named officer's alone. Approving 初核 or 谈话函询 about a 一把手 (as configured), or filing a case about a 一把手 (or every case, where configured), waits in AwaitingPartyCommittee for the same-level party committee's approval. An action the state does not allow or a stale `version` answers 409, a step that is not the caller's 403, a missing input 422.");
        clues.MapAction("/{id:guid}/recusals", (ClueService service, Guid id, RecuseRequest request, CancellationToken ct) => service.RecuseAsync(id, request, ct),
            "RecuseFromClue", "回避: declare a conflict (or, as a leader, withdraw an officer); access ends at once.")
            .WithDescription("回避: the caller declares a conflict of interest with the clue, or a commission leader withdraws another officer of the organ (`userId`); that officer loses access at once. Needs a clue the caller can see (else 404); only a leader withdraws someone else (403); a second recusal of the same officer answers 409.");
        clues.MapUpdate("/{id:guid}/outcome", (ClueService service, Guid id, RecordOutcomeRequest request, CancellationToken ct) => service.RecordOutcomeAsync(id, request, ct),
            "RecordClueOutcome", "Records problems and clues found, funds paid out and recovered.")
            .WithDescription("Records what handling the clue achieved (监督成效): problems and further clues found, funds paid out to citizens and recovered (yuan), replacing the earlier figures. The clue's handler or investigator, or its case managers and leaders; anyone else who sees the clue gets 403.");
        clues.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile file, ClueService service, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(await service.AttachAsync(id, file.FileName, file.Length, stream, ct));
            })
            .DisableAntiforgery()
            .WithName("AttachToClue").WithSummary("Attaches a file (pdf, jpg, png, docx, xlsx, txt, mp3; at most 10 MB), stored encrypted.")
            .WithDescription("Attaches a file (multipart `file`: pdf, jpg, png, docx, xlsx, txt or mp3, at most 10 MB, its content checked against its type) to a clue the caller can see; stored encrypted. A clue whose active life has ended answers 409, a file over the limit 413, a wrong type or content 422.");
        clues.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClueQueries queries, CancellationToken ct) =>
            {
                var (name, type, content) = await queries.AttachmentAsync(id, attachmentId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("DownloadClueAttachment").WithSummary("Downloads an attachment (audited).")
            .ProducesFile(AttachmentRules.ContentTypes)
            .WithDescription("Downloads an attachment of a clue the caller can see, decrypted, under its original name and type; every download is audited. An attachment of a clue outside the caller's need-to-know answers 404.");
        clues.MapWordDocument("/{id:guid}/documents/{kind}", (ClueDocuments documents, Guid id, ClueDocumentKind kind, CancellationToken ct) => documents.BuildAsync(id, kind, ct),
            "ClueDocument", "Generates a lifecycle document (.docx) for the clue.")
            .WithDescription("An official document of the clue's lifecycle as .docx (GB/T 9704 layout), filled from what the workflow recorded: InquiryLetter (函询通知书), DisposalApproval (处置审批表), VerificationReport (初核报告) or CaseFilingApproval (立案审批表). Needs a clue the caller can see (else 404); every document is audited.");
        clues.MapGet("/assignees", async ([FromQuery] ClueAction action, ClueService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AssigneesAsync(action, ct)))
            .WithName("ClueAssignees").WithSummary("Officers of the caller's organ who can be given the step an action assigns.")
            .WithDescription("The officers of the caller's organ who may be given the step an action assigns: handlers for ProposeAllocation (supervision offices, stationed teams, investigation offices), investigators for StartInvestigation, trial officers for TransferToReview; none for other actions.");
        clues.MapGet("/workflow", () => TypedResults.Ok(ClueWorkflow.Transitions))
            .WithName("ClueWorkflow").WithSummary("The lifecycle as data: every action, its states, roles and required inputs.")
            .WithDescription("The clue and case lifecycle as data: for each ClueAction the states it starts from, its target (null when the clue decides, e.g. from the approved disposal method), the roles that may take it, whether only the named handler, investigator or reviewer may, and the inputs it requires. Reference data for building buttons and forms.");
        clues.MapGet("/categories", (ClueProtection protection) => TypedResults.Ok(protection.Categories.All))
            .WithName("ClueCategories").WithSummary("Violation categories (versioned reference data).")
            .WithDescription("The violation categories (versioned reference data: the Eight-point Rules 中央八项规定精神, the six disciplines 六大纪律 of the 纪律处分条例 and the 职务违法 and 职务犯罪 of the 监察法), with the codes to send in RegisterClue's `categories` and the keywords and patterns that suggest each. Codes are never renamed or reused.");
        clues.MapPost("/category-suggestions", (SuggestCategoriesRequest request, ClueProtection protection) =>
                TypedResults.Ok(protection.SuggestCategories(request.Text)))
            .WithName("SuggestClueCategories").WithSummary("Suggests up to three violation categories from a text, with the phrases that triggered each.")
            .WithDescription("Suggests up to three violation categories for the text of a report, strongest first, each with its score and the phrases that triggered it (`triggers`: the phrase as written, its positions, the pattern `rule` that matched it and whether it followed a negation), for the registering officer to confirm; nothing is stored.");
        clues.MapGet("/person-suggestions", async ([AsParameters] PersonSuggestionQuery query, PersonResolver resolver, CancellationToken ct) =>
                TypedResults.Ok(await resolver.ResolveAsync(new PersonMention { Text = query.Text, FactsOn = query.FactsOn }, ct)))
            .WithName("SuggestReportedPersons").WithSummary("Resolves a reported person typed as free text to roster officials, with a score and reasons per candidate.")
            .WithDescription("Resolves a reported person as a petition writes them (开阳县交通运输局局长王建华, 王某 with unit and post, a pinyin) to roster officials within the caller's jurisdiction: the name, unit and post read from the text, the ranked candidates (exact name, homophones and near-homophones, 2/3-character variants, masked names narrowed by unit and post), each with its score and one reason per point (`code`, `points`, `detail`, `text` in the caller's language), and the decision: `AutoLinked` (one candidate clearly ahead: registration would link it), `Pending` (an officer picks) or `NoCandidate`. Officers' earlier decisions about the same mention are applied. Nothing is stored.");
        clues.MapGet("/link-queue", async ([AsParameters] LinkQueueQuery query, ClueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.LinkQueueAsync(query, ct)))
            .WithName("ClueLinkQueue").WithSummary("待关联: active clues with a reported person waiting for a roster link, with candidates and reasons; paged.")
            .WithDescription("The 待关联 queue: active clues the caller may see (need-to-know, recusals included) with a reported person typed as text that the resolver did not link clearly, newest first, paged. Each waiting person comes with the resolver's candidates within the caller's jurisdiction, their scores and reasons, and `mayLink` tells whether the caller may decide (case management, leaders, the petition office at intake, the clue's handler or investigator).");
        clues.MapGet("/{id:guid}/persons/{personId:guid}/candidates", async (Guid id, Guid personId, ClueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.PersonCandidatesAsync(id, personId, ct)))
            .WithName("ClueReportedPersonCandidates").WithSummary("The roster candidates for one reported person of a clue, with reasons.")
            .WithDescription("The resolver's reading of one reported person of a clue the caller may see (the text kept at registration, the date of the facts), with ranked candidates within the caller's jurisdiction and a reason per point. A clue or person outside the caller's need-to-know answers 404.");
        clues.MapPost("/{id:guid}/persons/{personId:guid}/link", async (Guid id, Guid personId, LinkPersonRequest request, ClueService service, CancellationToken ct) =>
                TypedResults.Ok(await service.LinkPersonAsync(id, personId, request, ct)))
            .WithName("LinkClueReportedPerson").WithSummary("关联: links a reported person to a roster official, or states that the person is not on the roster.")
            .WithDescription("关联: an officer picks or confirms the roster official (`officialId`, within the caller's jurisdiction) a reported person is, or states `notOnRoster`, with a `reason`. The clue re-runs what depends on the link: principal flag (一把手) and with it the priority, the party-committee step and the countersign rule, leader category, region and unit; the history shows the link, the decision (same / not the same, by whom, why, when) is kept and reused for the same mention later, the link is audited and the repeat check runs again (`possibleRepeats`). Case management, leaders, the petition office while the clue is at intake, and the clue's handler or investigator; others who see the clue get 403, a clue outside the caller's need-to-know or an official outside the jurisdiction 404, a finished clue or a stale `version` 409, an official already linked to another person of the clue 422.");

        var statistics = app.MapApiGroup("/clue-statistics", "Clues").RequirePermission(Permission.ClueStatistics);
        statistics.MapQuery("/funnel", (ClueStatistics stats, FunnelQuery query, CancellationToken ct) => stats.FunnelAsync(query, ct),
            "ClueFunnel", "Clues → disposed by method → filed → sanctioned → transferred, with outcomes, by a dimension.")
            .WithDescription("The clue funnel (线索处置情况): clues received → disposed of by method (谈话函询, 初步核实, 暂存待查, 予以了结) → cases filed (立案) → sanctioned → transferred to the procuratorate, with outcomes, broken down by prefecture, county, leader category, violation category, source or month. Commission leadership and case management only (ClueStatistics); counts only the clues the caller may see.");
        statistics.MapExcelExport("/funnel/export", (ClueExcel excel, FunnelQuery query, CancellationToken ct) => excel.ExportFunnelAsync(query, ct), "clue-funnel.xlsx",
            "ExportClueFunnel", "Excel export of the funnel table.")
            .WithDescription("The funnel table as an .xlsx workbook; same filters and permission as ClueFunnel.");
        return app;
    }
}
