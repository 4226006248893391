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
            "ListDecisionRecords", "三重一大 decision records within jurisdiction: filters and paging.")
            .WithDescription("三重一大 decision records (major decisions, important appointments, major projects, large expenditures) of units within the caller's jurisdiction, with their findings; filtered and paged. Daily-supervision readers (SupervisionRead).");
        decisions.MapExcelExport("/export", (DecisionExcel excel, DecisionQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "decisions.xlsx",
            "ExportDecisionRecords", "Excel export of the filtered records.")
            .WithDescription("The filtered decision records as an .xlsx workbook (audited); same filters and jurisdiction as ListDecisionRecords.");
        decisions.MapWorkflow(DecisionWorkflow.Table, "DecisionWorkflow");
        decisions.MapGetById((DecisionQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetDecisionRecord", "One record with the findings of its checks and their ledger items and clues.")
            .WithDescription("One 三重一大 record with the findings of its checks (not decided collectively, the 一把手 not speaking last 末位表态, no quorum, agenda too late, a large expenditure not decided collectively, the 一把手 in charge of an area of 五个不直接分管) and their rectification items and clues; a record outside the caller's jurisdiction answers 404.");

        // Here 201 answers the bare id (a JSON string), not an IdResult: the published contract of this operation.
        var manage = decisions.MapGroup("").RequirePermission(Permission.SupervisionManage);
        manage.MapCreate((DecisionService service, SaveDecisionRequest request, CancellationToken ct) => service.CreateAsync(request, ct), id => id,
                "CreateDecisionRecord", "Records a decision; the checks run and their findings open ledger items (and clues where configured).")
            .WithDescription("Records a 三重一大 decision of a unit within the caller's jurisdiction (`unitId`, or an official's current unit) and runs the configured checks: each finding opens a rectification item for the unit's 一把手 and, where configured, registers a clue (问题线索) about the 一把手 — or recommends one when the caller may not register clues. Answers 201 with the record's id as a bare JSON string. Supervision staff (SupervisionManage); a unit outside the jurisdiction answers 404, inconsistent figures (more members present than in total…) 422.");
        manage.MapUpdate("/{id:guid}", (DecisionService service, Guid id, SaveDecisionRequest request, CancellationToken ct) => service.UpdateAsync(id, request, ct),
                "UpdateDecisionRecord", "Corrects a record and re-runs the checks (one finding per check, never duplicated).")
            .WithDescription("Corrects a record and re-runs the checks: one finding per check, never duplicated, and a finding that no longer holds is cleared; the unit cannot change. SupervisionManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); send the `version` you read: a stale one answers 409.");
        return app;
    }
}
