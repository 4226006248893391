namespace Qingfeng.Platform.Api;

/// <summary>Route-group conventions for <c>/api/v1</c>: authenticated, validated, ProblemDetails on errors.</summary>
public static class ApiConventions
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/v1" + prefix)
            .WithTags(tag)
            .RequireAuthorization()
            .AddEndpointFilterFactory(ValidationFilter.Create)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();

    /// <summary>
    /// Strict input for every operation: enums by member name only (<see cref="StrictEnumConverter"/>), binding failures
    /// thrown so that they become validation problems naming the field (<see cref="BindingFailures"/>), and the limits
    /// shown in the OpenAPI document (<see cref="InputLimitsSchemaTransformer"/>).
    /// </summary>
    public static IServiceCollection AddStrictInput(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new StrictEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddSchemaTransformer<InputLimitsSchemaTransformer>().AddOperationTransformer<RequestExampleTransformer>());
        return services;
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(RolePermissions.PolicyName(permission));
}
