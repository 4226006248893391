using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Api;

/// <summary>
/// Checks every input of an <c>/api/v1</c> operation against <see cref="InputRules"/> before the handler runs and answers
/// a localised 400 validation ProblemDetails (<c>code</c> <see cref="InputRules.FailedCode"/>, <c>errors</c> by field):
/// JSON bodies and form objects member by member (nested objects and list entries included), query objects
/// (<c>[AsParameters]</c>) and scalar route and query parameters with their attributes. Enums in the query and the route
/// must be a member's name as written (no numbers, no comma lists). Fields are named as the client sent them: JSON
/// members by their JSON names, query and form fields by the key in the request.
/// </summary>
internal static class ValidationFilter
{
    /// <summary>The problems of a request as a page sees them (the same rules as the API; see <see cref="InputRules.Validate(object)"/>).</summary>
    public static IEnumerable<(string Member, string Message)> Validate(object instance) => InputRules.Validate(instance);

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var inputs = context.MethodInfo.GetParameters().Select((p, i) => Input.Of(p, i, isService)).OfType<Input>().ToList();
        if (inputs.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var problems = inputs.SelectMany(input => input.Problems(invocation, culture)).ToList();
            if (problems.Count == 0)
            {
                return await next(invocation);
            }

            var problem = LocalisedProblem.Invalid(InputRules.ErrorsOf(problems));
            return TypedResults.ValidationProblem(problem.Errors, problem.Detail, title: problem.Title, extensions: problem.Extensions);
        };
    }

    /// <summary>How one handler parameter is bound, and so how it is checked and named.</summary>
    private sealed record Input(ParameterInfo Parameter, int Index, InputSource Source)
    {
        public static Input? Of(ParameterInfo parameter, int index, IServiceProviderIsService? isService)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (typeof(HttpContext).IsAssignableFrom(type) || type == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(type)
                || typeof(IFormFileCollection).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type)
                || typeof(System.Security.Claims.ClaimsPrincipal).IsAssignableFrom(type) || parameter.GetCustomAttributes().OfType<IFromServiceMetadata>().Any()
                || (isService?.IsService(parameter.ParameterType) ?? false))
            {
                return null;
            }

            if (parameter.IsDefined(typeof(AsParametersAttribute)))
            {
                return new Input(parameter, index, InputSource.QueryObject);
            }

            if (type.IsClass && type != typeof(string) && !type.IsArray)
            {
                return new Input(parameter, index, parameter.GetCustomAttributes().OfType<IFromFormMetadata>().Any() ? InputSource.Form : InputSource.Body);
            }

            return new Input(parameter, index, InputSource.Scalar);
        }

        public IEnumerable<(string Member, string Message)> Problems(EndpointFilterInvocationContext invocation, CultureInfo culture)
        {
            var value = invocation.Arguments[Index];
            var http = invocation.HttpContext;
            switch (Source)
            {
                case InputSource.Body when value is not null:
                    return InputRules.Validate(value, InputRules.JsonName, culture);
                case InputSource.Form when value is not null:
                    return InputRules.Validate(value, p => SentName(http.Request.HasFormContentType ? http.Request.Form.Keys : [], BindingName(p)), culture);
                case InputSource.QueryObject when value is not null:
                    return QueryObjectProblems(value, http, culture);
                case InputSource.Scalar:
                    return ScalarProblems(Parameter, value, http, culture);
                default:
                    return [];
            }
        }

        private static IEnumerable<(string Member, string Message)> QueryObjectProblems(object query, HttpContext http, CultureInfo culture)
        {
            // An enum sent as a number or a comma list binds to some value; check what was sent, not what it became.
            var unnamed = new List<(string, string)>();
            foreach (var property in query.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
            {
                if (NotAName(property.PropertyType, BindingName(property), http) is { } sent)
                {
                    unnamed.Add((sent, TextCatalog.Instance.Get("Validation.Enum", culture, InputRules.Label(property.Name, culture))));
                }
            }

            var sentNames = unnamed.Select(u => u.Item1).ToHashSet(StringComparer.Ordinal);
            return unnamed.Concat(InputRules.Validate(query, p => SentName(http.Request.Query.Keys, BindingName(p)), culture)
                .Where(p => !sentNames.Contains(p.Member)));
        }

        private static IEnumerable<(string Member, string Message)> ScalarProblems(ParameterInfo parameter, object? value, HttpContext http, CultureInfo culture)
        {
            var name = BindingName(parameter);
            var label = InputRules.Label(parameter.Name!, culture);
            if (NotAName(parameter.ParameterType, name, http) is { } sent)
            {
                return [(sent, TextCatalog.Instance.Get("Validation.Enum", culture, label))];
            }

            var member = http.Request.RouteValues.ContainsKey(name) ? name : SentName(http.Request.Query.Keys, name);
            return InputRules.Check(value, InputRules.AttributesOf(parameter), label, culture) is { } message ? [(member, message)] : [];
        }

        /// <summary>The key under which an enum value that is not a member's name was sent, or null.</summary>
        private static string? NotAName(Type type, string name, HttpContext http)
        {
            var enumType = Nullable.GetUnderlyingType(type) ?? type;
            if (!enumType.IsEnum)
            {
                return null;
            }

            if (http.Request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is string routed)
            {
                return InputRules.IsMemberName(enumType, routed) ? null : name;
            }

            var key = SentName(http.Request.Query.Keys, name);
            return http.Request.Query.TryGetValue(key, out StringValues values) && values.Any(v => !string.IsNullOrEmpty(v) && !InputRules.IsMemberName(enumType, v!))
                ? key
                : null;
        }
    }

    private enum InputSource
    {
        Body,
        Form,
        QueryObject,
        Scalar,
    }

    /// <summary>The name a member binds from: its [FromQuery]/[FromRoute]/[FromForm] name, or its own.</summary>
    internal static string BindingName(ICustomAttributeProvider member)
    {
        var attributes = member.GetCustomAttributes(inherit: true);
        var named = attributes.OfType<IFromQueryMetadata>().Select(a => a.Name)
            .Concat(attributes.OfType<IFromRouteMetadata>().Select(a => a.Name))
            .Concat(attributes.OfType<IFromFormMetadata>().Select(a => a.Name))
            .FirstOrDefault(n => !string.IsNullOrEmpty(n));
        return named ?? member switch
        {
            PropertyInfo property => property.Name,
            ParameterInfo parameter => parameter.Name!,
            _ => "",
        };
    }

    /// <summary>The key the client used for a field bound case-insensitively (as documented when it sent none).</summary>
    internal static string SentName(IEnumerable<string> keys, string name) =>
        keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
