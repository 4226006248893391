using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qingfeng.Platform.Api;

/// <summary>
/// Shows in <c>/openapi/v1.json</c> the limits <see cref="InputRules"/> enforces beyond what DataAnnotations already give
/// (<c>maxLength</c>, <c>minimum</c>/<c>maximum</c>, <c>maxItems</c>): every enum as the list of its member names (a flags
/// enum too: contracts list a combination as an array of members), a required member or parameter as not nullable (see
/// also <see cref="RequiredNotNull"/>), the date window of each date (<c>x-date-minimum</c>, <c>x-date-maximum</c>) and the
/// length of each entry of a list of texts (<c>items.maxLength</c>). Clients and the generated input tests read the limits from here.
/// </summary>
internal sealed class InputLimitsSchemaTransformer : IOpenApiSchemaTransformer
{
    public const string DateMinimum = "x-date-minimum";
    public const string DateMaximum = "x-date-maximum";

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = null;
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n))];
            return;
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            RequiredNotNull.Mark(schema, context.JsonTypeInfo);
        }

        // A list of enums: the serializer cannot describe the entries of a custom converter, so they are described here.
        if (context.JsonTypeInfo.ElementType is { } element && (Nullable.GetUnderlyingType(element) ?? element).IsEnum && schema.Items is null or OpenApiSchema { Type: null, Enum: null })
        {
            schema.Items = await context.GetOrCreateSchemaAsync(element, null, cancellationToken);
        }

        var member = MemberOf(context);

        RequiredNotNull.Apply(schema, member);

        if (InputRules.IsDate(type))
        {
            var (earliest, latest) = InputRules.WindowOf(member is null ? [] : InputRules.AttributesOf(member));
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
            schema.Extensions[DateMinimum] = new JsonNodeExtension(JsonValue.Create(earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            schema.Extensions[DateMaximum] = new JsonNodeExtension(JsonValue.Create(latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (member?.GetCustomAttributes(typeof(ItemMaxLengthAttribute), inherit: true).OfType<ItemMaxLengthAttribute>().FirstOrDefault() is { } items
            && schema.Items is OpenApiSchema entry)
        {
            entry.MaxLength = items.Length;
        }
    }

    /// <summary>The property or parameter the schema describes, for its attributes.</summary>
    private static ICustomAttributeProvider? MemberOf(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider
        ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo;
}
