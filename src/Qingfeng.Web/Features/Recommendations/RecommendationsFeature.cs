using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

/// <summary>Supervision recommendations (纪检监察建议书), their follow-up and the rules units adopted (domain.md 10, A3).</summary>
public static class RecommendationsFeature
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(RecommendationOptions.Section).Get<RecommendationOptions>() ?? new RecommendationOptions());
        services.AddScoped<RecommendationService>();
        services.AddScoped<RecommendationQueries>();
        services.AddScoped<RecommendationDocuments>();
        services.AddScoped<RecommendationExcel>();
        services.AddPeriodicSweep<RecommendationReplySweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecommendations(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/recommendations", "Recommendations").RequirePermission(Permission.SupervisionRead);
        group.MapQuery("/", (RecommendationQueries queries, RecommendationQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListRecommendations", "Supervision recommendations within jurisdiction: filters by kind, state, overdue reply, date, unit and text; paged.")
            .WithDescription("Supervision recommendations (纪检监察建议书, 监察建议) issued to units within the caller's jurisdiction; filters by kind, state, overdue reply, issue date, unit and text; paged. Daily-supervision readers (SupervisionRead).");
        group.MapExcelExport("/export", (RecommendationExcel excel, RecommendationQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "recommendations.xlsx",
            "ExportRecommendations", "Excel export of the filtered recommendations.")
            .WithDescription("The filtered recommendations as an .xlsx workbook (audited); same filters and jurisdiction as ListRecommendations.");
        group.MapQuery("/rules", (RecommendationQueries queries, AdoptedRuleQuery query, CancellationToken ct) => queries.SearchRulesAsync(query, ct),
            "SearchAdoptedRules", "Search of the institutional rules units adopted in response to recommendations (e.g. a procurement “十不准”).")
            .WithDescription("Searches the institutional rules units adopted in response to recommendations (e.g. a procurement “十不准”) within the caller's jurisdiction, by text, unit and adoption date; paged.");
        group.MapWorkflow(RecommendationWorkflow.Table, "RecommendationWorkflow");
        group.MapGetById((RecommendationQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetRecommendation", "One recommendation with its measures and their ledger items, the reply, follow-up checks and adopted rules.")
            .WithDescription("One recommendation with its number, findings, measures and their ledger items, the unit's reply and objection, the follow-up checks (回头看), adopted rules, outcome, `mayChange` and the actions open to the caller. The view is audited; a recommendation outside the caller's jurisdiction answers 404.");
        group.MapWordDocument("/{id:guid}/document", (RecommendationDocuments documents, Guid id, CancellationToken ct) => documents.LetterAsync(id, ct),
            "RecommendationLetter", "The recommendation letter as .docx in 信函格式.")
            .WithDescription("The recommendation letter (纪检监察建议书) as .docx in 信函格式 (audited); a recommendation outside the caller's jurisdiction answers 404.");

        var manage = group.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapCreate((RecommendationService service, IssueRecommendationRequest request, CancellationToken ct) => service.IssueAsync(request, ct),
                "IssueRecommendation", "Issues a recommendation to a unit: numbered, reply due after the configured days, each measure opened in the ledger.")
            .WithDescription("Issues a recommendation to a unit within the caller's jurisdiction: numbered per organ and year, reply due after the configured number of days unless given, each required measure opened as a rectification item of the unit due on the reply date, in the same save. Supervision staff (SupervisionManage); a unit outside the jurisdiction answers 404; an issue date in the future, or a reply date not after the issue date or already past, 422.");
        manage.MapAction("/{id:guid}/reply", (RecommendationService service, Guid id, RecordRecommendationReplyRequest request, CancellationToken ct) => service.ReplyAsync(id, request, ct),
                "RecordRecommendationReply", "Records the unit's written reply (and objection, if any).")
            .WithDescription("Records the unit's written reply (and objection, if any). SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403) (谁建议谁跟踪); a recommendation already replied to answers 409, a reply date before issue 422.");
        manage.MapAction("/{id:guid}/checks", (RecommendationService service, Guid id, AddRecommendationCheckRequest request, CancellationToken ct) => service.AddCheckAsync(id, request, ct),
                "AddRecommendationCheck", "Records a follow-up check (回头看); a satisfactory check after the reply closes the recommendation.")
            .WithDescription("Records a follow-up check (回头看) with its finding; a satisfactory check after the reply closes the recommendation. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a check of a closed recommendation, or a satisfactory one before the reply, answers 409.");
        manage.MapAction("/{id:guid}/rules", (RecommendationService service, Guid id, AddAdoptedRuleRequest request, CancellationToken ct) => service.AddRuleAsync(id, request, ct),
            "AddAdoptedRule", "Records an institutional rule the unit adopted.")
            .WithDescription("Records an institutional rule the unit adopted in response (also after closing). SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); an adoption date before issue answers 422.");
        manage.MapUpdate("/{id:guid}/outcome", (RecommendationService service, Guid id, SupervisionOutcomeInput request, CancellationToken ct) => service.RecordOutcomeAsync(id, request, ct),
            "RecordRecommendationOutcome", "Records the outcome (problems, clues, funds); the rules count follows the rules recorded.")
            .WithDescription("Records the outcome (监督成效: problems and clues found, funds paid out and recovered) of the recommendation; its rules count follows the rules recorded. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403).");
        return app;
    }
}
