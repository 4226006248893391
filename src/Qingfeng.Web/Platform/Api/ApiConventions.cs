using Qingfeng.Platform.Security;

namespace Qingfeng.Platform.Api;

/// <summary>Route-group conventions for <c>/api/v1</c>: authenticated, validated, ProblemDetails on errors.</summary>
public static class ApiConventions
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/v1" + prefix)
            .WithTags(tag)
            .RequireAuthorization()
            .AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(RolePermissions.PolicyName(permission));
}
