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
            "ListRecommendations", "Supervision recommendations within jurisdiction: filters by kind, state, overdue reply, date, unit and text; paged.");
        group.MapExcelExport("/export", (RecommendationExcel excel, RecommendationQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "recommendations.xlsx",
            "ExportRecommendations", "Excel export of the filtered recommendations.");
        group.MapQuery("/rules", (RecommendationQueries queries, AdoptedRuleQuery query, CancellationToken ct) => queries.SearchRulesAsync(query, ct),
            "SearchAdoptedRules", "Search of the institutional rules units adopted in response to recommendations (e.g. a procurement “十不准”).");
        group.MapWorkflow(RecommendationWorkflow.Table, "RecommendationWorkflow");
        group.MapGetById((RecommendationQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetRecommendation", "One recommendation with its measures and their ledger items, the reply, follow-up checks and adopted rules.");
        group.MapWordDocument("/{id:guid}/document", (RecommendationDocuments documents, Guid id, CancellationToken ct) => documents.LetterAsync(id, ct),
            "RecommendationLetter", "The recommendation letter as .docx in 信函格式.");

        var manage = group.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapCreate((RecommendationService service, IssueRecommendationRequest request, CancellationToken ct) => service.IssueAsync(request, ct),
                "IssueRecommendation", "Issues a recommendation to a unit: numbered, reply due after the configured days, each measure opened in the ledger.");
        manage.MapAction("/{id:guid}/reply", (RecommendationService service, Guid id, RecordRecommendationReplyRequest request, CancellationToken ct) => service.ReplyAsync(id, request, ct),
                "RecordRecommendationReply", "Records the unit's written reply (and objection, if any).");
        manage.MapAction("/{id:guid}/checks", (RecommendationService service, Guid id, AddRecommendationCheckRequest request, CancellationToken ct) => service.AddCheckAsync(id, request, ct),
                "AddRecommendationCheck", "Records a follow-up check (回头看); a satisfactory check after the reply closes the recommendation.");
        manage.MapAction("/{id:guid}/rules", (RecommendationService service, Guid id, AddAdoptedRuleRequest request, CancellationToken ct) => service.AddRuleAsync(id, request, ct),
            "AddAdoptedRule", "Records an institutional rule the unit adopted.");
        manage.MapUpdate("/{id:guid}/outcome", (RecommendationService service, Guid id, SupervisionOutcomeInput request, CancellationToken ct) => service.RecordOutcomeAsync(id, request, ct),
            "RecordRecommendationOutcome", "Records the outcome (problems, clues, funds); the rules count follows the rules recorded.");
        return app;
    }
}
