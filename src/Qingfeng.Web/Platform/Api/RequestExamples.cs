using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Qingfeng.Platform.Api;

/// <summary>
/// A JSON request body that shows integrators a realistic instance of itself in <c>/openapi/v1.json</c>. The example is a typed
/// instance of the request record, so the compiler checks its members and the app's own serializer writes it: it cannot drift
/// from the contract (enums by name, dates <c>yyyy-MM-dd</c>, numbers as numbers). People in examples are synthetic (张某某),
/// places are the demo province's, ids are <see cref="ExampleIds"/>.
/// </summary>
public interface IRequestExample<TSelf>
    where TSelf : IRequestExample<TSelf>
{
    /// <summary>A realistic body of this request, as an integrator would send it.</summary>
    static abstract TSelf Example { get; }
}

/// <summary>
/// The ids the request examples use for the records they name. They are fixed, so that the document is the same on every run;
/// a client replaces them with ids it read from the API.
/// </summary>
public static class ExampleIds
{
    /// <summary>An official of the roster (e.g. a 一把手).</summary>
    public static readonly Guid Official = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e01");

    /// <summary>A second official of the roster.</summary>
    public static readonly Guid OtherOfficial = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e02");

    /// <summary>A unit (单位) of the roster.</summary>
    public static readonly Guid Unit = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e03");

    /// <summary>An organ: a commission (纪委监委), a township commission or a stationed team.</summary>
    public static readonly Guid Organ = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e04");

    /// <summary>A second organ (e.g. a neighbouring township commission of an area collaboration group).</summary>
    public static readonly Guid OtherOrgan = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e05");

    /// <summary>A problem clue (问题线索).</summary>
    public static readonly Guid Clue = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e06");

    /// <summary>A user account (an officer of the commission).</summary>
    public static readonly Guid User = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e07");

    /// <summary>A second user account.</summary>
    public static readonly Guid OtherUser = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e08");

    /// <summary>An area collaboration group (片区协作组).</summary>
    public static readonly Guid Group = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e09");

    /// <summary>The version of a record as last read (optimistic concurrency).</summary>
    public static readonly Guid Version = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e0a");

    /// <summary>A rectification item (整改台账 entry).</summary>
    public static readonly Guid RectificationItem = new("01939b6e-2f4a-7c21-9d3e-5a1b2c3d4e0b");
}

/// <summary>
/// Puts each JSON request body's example (<see cref="IRequestExample{TSelf}"/>) on its operation's <c>application/json</c> media
/// type, written with the app's JSON options; members left null are left out, as a client would leave them out.
/// </summary>
internal sealed class RequestExampleTransformer(IOptions<HttpJsonOptions> json) : IOpenApiOperationTransformer
{
    private static readonly System.Reflection.MethodInfo ExampleOfType =
        typeof(RequestExampleTransformer).GetMethod(nameof(ExampleOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private readonly JsonSerializerOptions _options = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media)
            && BodyType(context.Description) is { } type && Example(type) is { } example)
        {
            media.Example = JsonSerializer.SerializeToNode(example, type, _options);
        }

        return Task.CompletedTask;
    }

    /// <summary>The request type of a body: a bound body parameter, or the type an endpoint that reads its body itself accepts.</summary>
    private static Type? BodyType(ApiDescription description) =>
        description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type
        ?? description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType).FirstOrDefault(t => t is not null);

    private static object? Example(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestExample<>) && i.GenericTypeArguments[0] == type)
            ? ExampleOfType.MakeGenericMethod(type).Invoke(null, null)
            : null;

    private static T ExampleOf<T>()
        where T : IRequestExample<T> => T.Example;
}
