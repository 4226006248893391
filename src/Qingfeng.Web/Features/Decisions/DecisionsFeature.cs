namespace Qingfeng.Features.Decisions;

/// <summary>Stationed supervision of 三重一大 decisions (domain.md §7, A12).</summary>
public static class DecisionsFeature
{
    public static IServiceCollection AddDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DecisionCheckOptions.Section).Get<DecisionCheckOptions>() ?? new DecisionCheckOptions());
        services.AddScoped<DecisionService>();
        services.AddScoped<DecisionQueries>();
        services.AddScoped<DecisionExcel>();
        return services;
    }

    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        var decisions = app.MapApiGroup("/decisions", "Decisions").RequirePermission(Permission.SupervisionRead);
        decisions.MapQuery("/", (DecisionQueries queries, DecisionQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListDecisionRecords", "三重一大 decision records within jurisdiction: filters and paging.");
        decisions.MapExcelExport("/export", (DecisionExcel excel, DecisionQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "decisions.xlsx",
            "ExportDecisionRecords", "Excel export of the filtered records.");
        decisions.MapWorkflow(DecisionWorkflow.Table, "DecisionWorkflow");
        decisions.MapGetById((DecisionQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetDecisionRecord", "One record with the findings of its checks and their ledger items and clues.");

        // Here 201 answers the bare id (a JSON string), not an IdResult: the published contract of this operation.
        var manage = decisions.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapCreate((DecisionService service, SaveDecisionRequest request, CancellationToken ct) => service.CreateAsync(request, ct), id => id,
                "CreateDecisionRecord", "Records a decision; the checks run and their findings open ledger items (and clues where configured).");
        manage.MapUpdate("/{id:guid}", (DecisionService service, Guid id, SaveDecisionRequest request, CancellationToken ct) => service.UpdateAsync(id, request, ct),
                "UpdateDecisionRecord", "Corrects a record and re-runs the checks (one finding per check, never duplicated).");
        return app;
    }
}
