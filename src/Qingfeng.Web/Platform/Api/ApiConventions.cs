using System.Text.Json.Serialization;

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
            .AddEndpointFilterFactory(ValidationFilter.Create);

    /// <summary>Documents a download: <c>200</c> with a binary body of one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, params IReadOnlyList<string> contentTypes) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, contentTypes[0], [.. contentTypes.Skip(1)]);

    /// <summary>
    /// Strict input for every operation: enums by member name only (<see cref="StrictEnumConverter"/>), numbers as JSON numbers
    /// (no "12" for 12), binding failures
    /// thrown so that they become validation problems naming the field (<see cref="BindingFailures"/>), and the limits
    /// shown in the OpenAPI document (<see cref="InputLimitsSchemaTransformer"/>), whose answers and frame follow one convention
    /// (<see cref="ResponseConventions"/>, <see cref="ProblemSchemas"/>, <see cref="DocumentFrame"/>).
    /// </summary>
    public static IServiceCollection AddStrictInput(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new StrictEnumConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o
            .AddSchemaTransformer<InputLimitsSchemaTransformer>()
            .AddOperationTransformer<ResponseConventions>()
            .AddOperationTransformer<RequestExampleTransformer>()
            .AddDocumentTransformer<ProblemSchemas>()
            .AddDocumentTransformer<RequiredNotNull>()
            .AddDocumentTransformer<FlatForms>()
            .AddDocumentTransformer<DocumentFrame>());
        return services;
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(RolePermissions.PolicyName(permission));
}
