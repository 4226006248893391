namespace Qingfeng.Features.Accountability;

/// <summary>Accountability (问责) decisions and their 通报 (domain.md 2.4, A13, A17).</summary>
public static class AccountabilityFeature
{
    public static IServiceCollection AddAccountability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(AccountabilityOptions.Section).Get<AccountabilityOptions>() ?? new AccountabilityOptions());
        services.AddSingleton<AccountabilityLimits>();
        services.AddScoped<AccountabilityService>();
        services.AddScoped<AccountabilityQueries>();
        services.AddScoped<AccountabilityDocuments>();
        services.AddScoped<AccountabilityExcel>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountability(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/accountability", "Accountability").RequirePermission(Permission.SupervisionRead);
        group.MapQuery("/", (AccountabilityQueries queries, AccountabilityQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListAccountability", "Accountability decisions within jurisdiction: filters by target, form, cause, state, leader category, impact period, date and text; paged.")
            .WithDescription("Accountability decisions (问责) about units' party organisations and leading cadres within the caller's jurisdiction; filters by target, form (检查, 通报, 改组, 诫勉, 组织调整或者组织处理, 纪律处分), cause, state, leader category, 一把手 only, running impact period (影响期), date and text; paged. Daily-supervision readers (SupervisionRead).");
        group.MapExcelExport("/export", (AccountabilityExcel excel, AccountabilityQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "accountability.xlsx",
            "ExportAccountability", "Excel export of the filtered decisions.")
            .WithDescription("The filtered decisions as an .xlsx workbook (audited); same filters and jurisdiction as ListAccountability.");
        group.MapGet("/notice", async ([AsParameters] AccountabilityNoticeQuery query, AccountabilityDocuments documents, CancellationToken ct) =>
            {
                var (name, content) = await documents.NoticeAsync(query, ct);
                return TypedResults.File(content, AccountabilityDocuments.ContentType, name);
            })
            .WithName("AccountabilityNotice").WithSummary("One 通报 (internal or public) covering the given decisions, as .docx in official layout.")
            .ProducesFile(AccountabilityDocuments.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("One 通报 covering the given decisions as .docx in official layout (audited): internal or public (`scope`; by default public only when every decision is to be announced publicly). Every id must be a decision within the caller's jurisdiction that is not revoked, else 404.");
        group.MapWorkflow(AccountabilityWorkflow.Table, "AccountabilityWorkflow");
        group.MapGetById((AccountabilityQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetAccountability", "One decision with its cause, impact period and ledger item (the view is audited).")
            .WithDescription("One decision with its forms, cause (the clue, ledger item or decision record it came from), facts, basis, impact period (影响期), ledger item, `version`, `mayChange` and the actions open to the caller. The view is audited; a decision outside the caller's jurisdiction answers 404.");

        var manage = group.MapGroup("").RequirePermission(Permission.AccountabilityManage);
        manage.MapCreate((AccountabilityService service, SaveAccountabilityRequest request, CancellationToken ct) => service.CreateAsync(request, ct),
                "RecordAccountability", "Records a decision against a unit's party organisation or a leading cadre, linked to its cause; the required rectification opens a ledger item.")
            .WithDescription("Records a 问责 decision against a unit's party organisation (Organisation) or a leading cadre (LeadingCadre) within the caller's jurisdiction, linked to its cause (a clue the caller may see, a rectification item, a decision record); `rectificationMeasures` opens the required rectification as a ledger item in the same save. Party-conduct office and leadership only (AccountabilityManage). Forms must suit the target (改组 only for organisations; 诫勉, 组织处理 and 纪律处分 only for cadres), 通报 needs a notice scope and 组织处理 its measure, else 422; a subject or cause out of the caller's reach answers 404.");
        manage.MapUpdate("/{id:guid}", (AccountabilityService service, Guid id, SaveAccountabilityRequest request, CancellationToken ct) => service.UpdateAsync(id, request, ct),
                "UpdateAccountability", "Corrects a decision not yet carried out (version required).")
            .WithDescription("Corrects the facts of a decision not yet carried out; the subject stays and the target cannot change (422). AccountabilityManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); send the `version` you read: a stale one, or a decision carried out or revoked, answers 409.");
        manage.MapAction("/{id:guid}/execute", (AccountabilityService service, Guid id, ExecuteAccountabilityRequest request, CancellationToken ct) => service.ExecuteAsync(id, request, ct),
                "ExecuteAccountability", "Records that the decision was carried out (检查 received, 通报 issued, measure executed).")
            .WithDescription("Records that a decision was carried out on the given day (检查 received, 通报 issued, measure executed). AccountabilityManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a decision not in Decided answers 409, a day before the decision 422.");
        manage.MapAction("/{id:guid}/revoke", (AccountabilityService service, Guid id, RevokeAccountabilityRequest request, CancellationToken ct) => service.RevokeAsync(id, request, ct),
                "RevokeAccountability", "Revokes a decision (e.g. on appeal), with the reason; its impact period ends.")
            .WithDescription("Revokes a decision (e.g. on appeal, 申诉) with the reason; its impact period (影响期) ends. AccountabilityManage and the owning organ (or one a delegation, 提级监督 or 片区协作, hands the unit to; others that can read it get 403); a decision already revoked answers 409.");
        return app;
    }
}
