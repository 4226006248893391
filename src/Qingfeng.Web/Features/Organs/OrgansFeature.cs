namespace Qingfeng.Features.Organs;

public static class OrgansFeature
{
    public static IServiceCollection AddOrgans(this IServiceCollection services) =>
        services.AddScoped<DelegationService>();

    public static IEndpointRouteBuilder MapOrgans(this IEndpointRouteBuilder app)
    {
        var delegations = app.MapApiGroup("/delegations", "Jurisdiction").RequirePermission(Permission.JurisdictionManage);
        delegations.MapGet("/", async (DelegationService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListDelegations").WithSummary("Escalations and area-collaboration assignments over the organs below yours.")
            .WithDescription("提级监督 (escalated supervision) and 片区协作 (area collaboration) delegations that the caller's commission holds or that concern the organs directly below it, those in force first. Commission leadership only (JurisdictionManage).");
        delegations.MapPost("/escalations", async (EscalateRequest request, DelegationService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/delegations/{await service.EscalateAsync(request, ct)}"))
            .WithName("Escalate").WithSummary("提级监督: your commission takes over a unit; its home organ is recused.")
            .WithDescription("提级监督: the caller's commission takes over the supervision of a unit in its jurisdiction from the organ directly below that normally supervises it; that home organ is recused for the period. Commission leadership only (JurisdictionManage). A unit outside the jurisdiction answers 404, a unit already delegated 409 (Delegation.AlreadyDelegated), no organ below covering the unit or an end before the start 422.");
        delegations.MapPost("/group-assignments", async (GroupDelegationRequest request, DelegationService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/delegations/{await service.AssignToGroupAsync(request, ct)}"))
            .WithName("AssignToGroup").WithSummary("片区协作: an area collaboration group supervises a unit; its home member is recused.")
            .WithDescription("片区协作: hands the supervision of a unit to an area collaboration group (片区协作组); the unit's home organ (directly below the caller's commission) must be a member and is recused. Commission leadership only (JurisdictionManage). An unknown unit or group answers 404, a unit already delegated 409, a home organ outside the group or a group of fewer than two organs 422.");
        delegations.MapAction("/{id:guid}/end", (DelegationService service, Guid id, EndDelegationRequest request, CancellationToken ct) => service.EndAsync(id, request, ct),
            "EndDelegation", "Ends a delegation on the given day.")
            .WithDescription("Ends a delegation on the given last day; the home organ supervises the unit again from the next day. Commission leadership only, for delegations the caller's commission holds or over organs below it (else 404); a delegation already ended by then answers 409, a day before its start 422.");
        delegations.MapGet("/organs", async (DelegationService service, CancellationToken ct) => TypedResults.Ok(await service.SubordinatesAsync(ct)))
            .WithName("SubordinateOrgans").WithSummary("The organs directly below yours.")
            .WithDescription("The organs directly below the caller's commission (e.g. the township commissions of a county), to choose from for 片区协作. Commission leadership only (JurisdictionManage).");
        delegations.MapGet("/groups", async (DelegationService service, CancellationToken ct) => TypedResults.Ok(await service.GroupsAsync(ct)))
            .WithName("CollaborationGroups").WithSummary("Area collaboration groups of the organs below yours.")
            .WithDescription("The area collaboration groups (片区协作组) that include an organ directly below the caller's commission, with their members. Commission leadership only (JurisdictionManage).");
        delegations.MapPost("/groups", async (CreateGroupRequest request, DelegationService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/delegations/groups/{await service.CreateGroupAsync(request, ct)}"))
            .WithName("CreateCollaborationGroup").WithSummary("Creates an area collaboration group of organs below yours.")
            .WithDescription("Creates an area collaboration group (片区协作组) of organs directly below the caller's commission. Commission leadership only (JurisdictionManage); an organ that is not directly below answers 422 (Delegation.NotSubordinate).");
        return app;
    }
}
