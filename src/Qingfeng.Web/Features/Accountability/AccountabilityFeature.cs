namespace Qingfeng.Features.Accountability;

/// <summary>Accountability (问责) decisions and their 通报 (domain.md 2.4, A13, A17).</summary>
public static class AccountabilityFeature
{
    public static IServiceCollection AddAccountability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(AccountabilityOptions.Section).Get<AccountabilityOptions>() ?? new AccountabilityOptions());
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
            "ListAccountability", "Accountability decisions within jurisdiction: filters by target, form, cause, state, leader category, impact period, date and text; paged.");
        group.MapExcelExport("/export", (AccountabilityExcel excel, AccountabilityQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "accountability.xlsx",
            "ExportAccountability", "Excel export of the filtered decisions.");
        group.MapGet("/notice", async ([AsParameters] AccountabilityNoticeQuery query, AccountabilityDocuments documents, CancellationToken ct) =>
            {
                var (name, content) = await documents.NoticeAsync(query, ct);
                return TypedResults.File(content, AccountabilityDocuments.ContentType, name);
            })
            .WithName("AccountabilityNotice").WithSummary("One 通报 (internal or public) covering the given decisions, as .docx in official layout.")
            .ProducesFile(AccountabilityDocuments.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapWorkflow(AccountabilityWorkflow.Table, "AccountabilityWorkflow");
        group.MapGetById((AccountabilityQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetAccountability", "One decision with its cause, impact period and ledger item (the view is audited).");

        var manage = group.MapGroup("").RequirePermission(Permission.AccountabilityManage);
        manage.MapCreate((AccountabilityService service, SaveAccountabilityRequest request, CancellationToken ct) => service.CreateAsync(request, ct),
                "RecordAccountability", "Records a decision against a unit's party organisation or a leading cadre, linked to its cause; the required rectification opens a ledger item.");
        manage.MapUpdate("/{id:guid}", (AccountabilityService service, Guid id, SaveAccountabilityRequest request, CancellationToken ct) => service.UpdateAsync(id, request, ct),
                "UpdateAccountability", "Corrects a decision not yet carried out (version required).");
        manage.MapAction("/{id:guid}/execute", (AccountabilityService service, Guid id, ExecuteAccountabilityRequest request, CancellationToken ct) => service.ExecuteAsync(id, request, ct),
                "ExecuteAccountability", "Records that the decision was carried out (检查 received, 通报 issued, measure executed).");
        manage.MapAction("/{id:guid}/revoke", (AccountabilityService service, Guid id, RevokeAccountabilityRequest request, CancellationToken ct) => service.RevokeAsync(id, request, ct),
                "RevokeAccountability", "Revokes a decision (e.g. on appeal), with the reason; its impact period ends.");
        return app;
    }
}
