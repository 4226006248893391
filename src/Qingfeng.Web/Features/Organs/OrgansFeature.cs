namespace Qingfeng.Features.Organs;

public static class OrgansFeature
{
    public static IServiceCollection AddOrgans(this IServiceCollection services) =>
        services.AddScoped<DelegationService>();

    public static IEndpointRouteBuilder MapOrgans(this IEndpointRouteBuilder app)
    {
        var delegations = app.MapApiGroup("/delegations", "Jurisdiction").RequirePermission(Permission.JurisdictionManage);
        delegations.MapGet("/", async (DelegationService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListDelegations").WithSummary("Escalations and area-collaboration assignments over the organs below yours.");
        delegations.MapPost("/escalations", async (EscalateRequest request, DelegationService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/delegations/{await service.EscalateAsync(request, ct)}"))
            .WithName("Escalate").WithSummary("提级监督: your commission takes over a unit; its home organ is recused.");
        delegations.MapPost("/group-assignments", async (GroupDelegationRequest request, DelegationService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/delegations/{await service.AssignToGroupAsync(request, ct)}"))
            .WithName("AssignToGroup").WithSummary("片区协作: an area collaboration group supervises a unit; its home member is recused.");
        delegations.MapAction("/{id:guid}/end", (DelegationService service, Guid id, EndDelegationRequest request, CancellationToken ct) => service.EndAsync(id, request, ct),
            "EndDelegation", "Ends a delegation on the given day.");
        delegations.MapGet("/organs", async (DelegationService service, CancellationToken ct) => TypedResults.Ok(await service.SubordinatesAsync(ct)))
            .WithName("SubordinateOrgans").WithSummary("The organs directly below yours.");
        delegations.MapGet("/groups", async (DelegationService service, CancellationToken ct) => TypedResults.Ok(await service.GroupsAsync(ct)))
            .WithName("CollaborationGroups").WithSummary("Area collaboration groups of the organs below yours.");
        delegations.MapPost("/groups", async (CreateGroupRequest request, DelegationService service, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/delegations/groups/{await service.CreateGroupAsync(request, ct)}"))
            .WithName("CreateCollaborationGroup").WithSummary("Creates an area collaboration group of organs below yours.");
        return app;
    }
}
