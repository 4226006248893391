using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qingfeng.Platform.Api;

/// <summary>
/// The answers every <c>/api/v1</c> operation documents, derived from what the operation is rather than annotated on each:
/// every operation can be refused as unauthenticated (401), forbidden (403), too frequent (429) or unanswerable while the
/// database is down (503), and its input as invalid (400); an operation on a record named in its path, and any write (which
/// names the records it touches), can find none (404); a write can meet a newer version or a state that does not allow it
/// (409) and a business rule (422); a body can be too large (413) or of another content type (415). An answer the endpoint declares with a body of its
/// own (a typed 422 of the roster import, say) is kept. Problems are <c>application/problem+json</c> with the schemas <see cref="ProblemSchemas"/> describes; a
/// download (see <see cref="ApiConventions.ProducesFile"/>) is a binary body of its content types.
/// </summary>
internal sealed class ResponseConventions : IOpenApiOperationTransformer
{
    private static readonly (int Status, string Description)[] Always =
    [
        (StatusCodes.Status401Unauthorized, "Not signed in: no, an expired or a revoked token or cookie (code Rule.Unauthenticated)."),
        (StatusCodes.Status403Forbidden, "The caller's role or jurisdiction does not allow this operation (code Rule.Forbidden, or the rule that refused)."),
        (StatusCodes.Status429TooManyRequests, "Too many requests from this caller; the Retry-After header says when to try again (code Rule.TooManyRequests)."),
        (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; the Retry-After header says when to try again (code Rule.DatabaseUnavailable)."),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (!IsApi(description))
        {
            return Task.CompletedTask;
        }

        var responses = operation.Responses ??= [];
        var write = !HttpMethods.IsGet(description.HttpMethod ?? "");
        var onRecord = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && p.Type == typeof(Guid));
        var withBody = operation.RequestBody is not null;

        Problem(responses, context, StatusCodes.Status400BadRequest, "The input is invalid: errors names each refused field (code Validation.Failed), or the body could not be read (code Rule.BadRequest).", ProblemSchemas.Validation);
        foreach (var (status, text) in Always)
        {
            Problem(responses, context, status, text);
        }

        if (onRecord || write)
        {
            Problem(responses, context, StatusCodes.Status404NotFound, "No such record, or it lies outside the caller's jurisdiction or need-to-know (code Rule.NotFound).");
        }

        if (write)
        {
            Problem(responses, context, StatusCodes.Status409Conflict, "The record changed since it was read (code Rule.Concurrency) or its state does not allow this action.");
            Problem(responses, context, StatusCodes.Status422UnprocessableEntity, "A business rule refuses the request; code names the rule and detail explains it.");
        }

        if (withBody)
        {
            Problem(responses, context, StatusCodes.Status413PayloadTooLarge, "The request or a file in it is larger than allowed (code Rule.TooLarge).");
            Problem(responses, context, StatusCodes.Status415UnsupportedMediaType, "The body is not of the content type documented (code Rule.UnsupportedMediaType).");
        }

        foreach (var response in responses.Values.OfType<OpenApiResponse>())
        {
            DescribeFiles(response);
        }

        return Task.CompletedTask;
    }

    private static bool IsApi(ApiDescription description) =>
        description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;

    private static void Problem(OpenApiResponses responses, OpenApiOperationTransformerContext context, int status, string text, string schema = ProblemSchemas.Problem)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (responses.TryGetValue(key, out var declared) && declared.Content?.Keys.Any(k => k != "application/problem+json") == true)
        {
            return;
        }

        responses[key] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }

    /// <summary>A body that is not JSON is a file: binary, whatever schema the generator guessed for it.</summary>
    private static void DescribeFiles(OpenApiResponse response)
    {
        foreach (var (contentType, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
        {
            if (!contentType.Contains("json", StringComparison.Ordinal))
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
    }
}

/// <summary>
/// The problem bodies as they are sent: RFC 9457 members plus the stable <c>code</c> of the refusal (from the text catalog)
/// and the <c>traceId</c> to quote to the administrators; a validation problem adds <c>errors</c>, the messages by field.
/// </summary>
internal sealed class ProblemSchemas : IOpenApiDocumentTransformer
{
    public const string Problem = "ProblemDetails";
    public const string Validation = "HttpValidationProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = (document.Components ??= new OpenApiComponents()).Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schemas[Problem] = Describe(validation: false);
        schemas[Validation] = Describe(validation: true);
        return Task.CompletedTask;
    }

    private static OpenApiSchema Describe(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("A URI reference naming the kind of problem."),
            ["title"] = Text("What went wrong, in the request's language (zh-CN by default)."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("This occurrence explained, in the request's language."),
            ["instance"] = Text("The request that failed."),
            ["code"] = Text("The stable code of the rule or refusal (e.g. Rule.NotFound, Clue.Recused, Validation.Failed): branch on this, not on the texts."),
            ["traceId"] = Text("The request's trace id, for the administrators' logs."),
        };
        if (validation)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The refused fields, named as the client sent them, each with its messages; absent when the body could not be read at all (broken JSON, a form without its file).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation ? "A refused input (RFC 9457) with the messages by field." : "A refusal or failure (RFC 9457) with its stable code.",
            Properties = properties,
            Required = new HashSet<string>(["status", "title", "code"], StringComparer.Ordinal),
        };

        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
    }
}

/// <summary>
/// The document's frame: what the API is, where it is served (<c>Api:PublicUrl</c>, not whatever address fetched the
/// document), how callers authenticate (an API token as <c>Authorization: Bearer</c>, or the sign-in cookie of the web
/// app with its antiforgery token) and the tags in use.
/// </summary>
internal sealed class DocumentFrame(IConfiguration configuration) : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Qingfeng (清风) API",
            Version = "v1",
            Description = "The REST API of Qingfeng, the platform discipline-inspection and supervision commissions (纪委监委) use to supervise "
                + "the principal leaders (一把手) of the units in their jurisdiction: roster, problem clues (问题线索), daily supervision "
                + "(谈话函询, 述责述廉, 整改台账, 问责, 监察建议) and their documents. Every answer is limited to the caller's jurisdiction "
                + "and need-to-know; refusals are RFC 9457 problems with a stable code.",
            Contact = new OpenApiContact { Name = "Qingfeng maintainers" },
        };
        document.Servers = [new OpenApiServer { Url = configuration["Api:PublicUrl"] ?? "http://127.0.0.1:5080", Description = "This instance (Api:PublicUrl)." }];

        var components = document.Components ??= new OpenApiComponents();
        components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token issued to a user (POST /api/v1/account/tokens), sent as Authorization: Bearer <token>.",
            },
            [Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "qingfeng.auth",
                Description = "The web app's sign-in cookie; a write with it also needs the page's antiforgery token (header RequestVerificationToken). Integrations use Bearer tokens.",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] },
        ];

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag { Name = name }));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A <c>[Required]</c> member or parameter is present and not null (the input rules refuse a null there), so its schema
/// offers no null. An inline schema loses its null type at once (<see cref="Apply"/>); the schema transformer marks the
/// required members of an object (<see cref="Mark"/>), because the null alternative the generator wraps a nullable
/// reference in (<c>oneOf: [null, $ref]</c>) only exists in the finished document, where it is taken off.
/// </summary>
internal sealed class RequiredNotNull : IOpenApiDocumentTransformer
{
    private const string Marker = "x-required-not-null";

    public static void Apply(OpenApiSchema schema, ICustomAttributeProvider? member)
    {
        if (member?.IsDefined(typeof(RequiredAttribute), inherit: true) == true && schema.Type is { } declared)
        {
            schema.Type = declared & ~JsonSchemaType.Null;
        }
    }

    public static void Mark(OpenApiSchema schema, JsonTypeInfo type)
    {
        var names = type.Properties.Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true).Select(p => (JsonNode)p.Name).ToArray();
        if (names.Length > 0)
        {
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
            schema.Extensions[Marker] = new JsonNodeExtension(new JsonArray(names));
        }
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Extensions?.TryGetValue(Marker, out var marker) != true || marker is not JsonNodeExtension { Node: JsonArray names })
            {
                continue;
            }

            schema.Extensions.Remove(Marker);
            foreach (var name in names.Select(n => n!.GetValue<string>()))
            {
                if (schema.Properties?.TryGetValue(name, out var property) != true)
                {
                    continue;
                }

                if (property is OpenApiSchema { OneOf: { Count: 2 } choices } && choices.SingleOrDefault(c => c is OpenApiSchema { Type: JsonSchemaType.Null }) is { } none)
                {
                    schema.Properties[name] = choices.Single(c => !ReferenceEquals(c, none));
                }
                else if (property is OpenApiSchema { Type: { } declared } inline)
                {
                    inline.Type = declared & ~JsonSchemaType.Null;
                }
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A form is documented as one flat object whose files are inline binary strings, which generated clients send as
/// multipart: the generator's <c>allOf</c> of the bound record and an inline object, and its references to
/// <c>IFormFile</c> schemas, are what Kiota and NSwag cannot send. Schemas nothing refers to any more are dropped.
/// </summary>
internal sealed class FlatForms : IOpenApiDocumentTransformer
{
    private static OpenApiSchema File => new() { Type = JsonSchemaType.String, Format = "binary" };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var forms = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .Select(o => o.RequestBody?.Content is { } content && content.TryGetValue("multipart/form-data", out var form) ? form : null)
            .OfType<OpenApiMediaType>();
        foreach (var form in forms)
        {
            var parts = form.Schema is OpenApiSchema { AllOf.Count: > 0 } combined
                ? combined.AllOf.Select(p => p is OpenApiSchemaReference reference ? reference.Target : p).OfType<IOpenApiSchema>().ToList()
                : [form.Schema!];
            form.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = parts.Select(p => p.Description).FirstOrDefault(d => d is not null),
                Properties = parts.SelectMany(p => p.Properties ?? new Dictionary<string, IOpenApiSchema>())
                    .ToDictionary(p => p.Key, p => Inline(p.Value), StringComparer.Ordinal),
                Required = new HashSet<string>(parts.SelectMany(p => p.Required ?? new HashSet<string>()), StringComparer.Ordinal),
            };
        }

        await DropUnusedSchemasAsync(document);
    }

    private static IOpenApiSchema Inline(IOpenApiSchema property) => property switch
    {
        OpenApiSchemaReference { Reference.Id: nameof(IFormFile) } => File,
        OpenApiSchemaReference { Reference.Id: nameof(IFormFileCollection) } => new OpenApiSchema { Type = JsonSchemaType.Array, Items = File },
        _ => property,
    };

    private static async Task DropUnusedSchemasAsync(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        while (schemas is not null)
        {
            var text = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
            var unused = schemas.Keys.Where(name => !text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0)
            {
                return;
            }

            unused.ForEach(name => schemas.Remove(name));
        }
    }
}
