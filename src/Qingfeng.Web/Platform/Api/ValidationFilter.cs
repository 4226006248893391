using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Api;

/// <summary>
/// Validates every argument carrying DataAnnotations and answers 400 with a localised
/// validation ProblemDetails. Error messages are catalog keys (e.g. <c>Validation.Range</c>).
/// </summary>
internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument is string || argument.GetType().IsPrimitive || argument is HttpContext || argument is CancellationToken
                || argument is IFormFile || argument is IFormFileCollection)
            {
                continue;
            }

            foreach (var (member, message) in Validate(argument))
            {
                errors[member] = [.. errors.GetValueOrDefault(member, []), message];
            }
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: TextCatalog.Instance.Get("Problem.Title.400", CultureInfo.CurrentUICulture))
            : await next(context);
    }

    /// <summary>
    /// Checks each property's DataAnnotations and localises the messages by attribute kind: one message per property,
    /// for the first attribute it fails (an empty title is "required", not also "too short").
    /// </summary>
    public static IEnumerable<(string Member, string Message)> Validate(object instance)
    {
        var culture = CultureInfo.CurrentUICulture;
        foreach (var property in instance.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(instance);
            foreach (var attribute in property.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>())
            {
                if (attribute.IsValid(value))
                {
                    continue;
                }

                var field = TextCatalog.Instance.Find("Field." + property.Name, culture) ?? property.Name;
                var message = attribute switch
                {
                    RangeAttribute range => TextCatalog.Instance.Get("Validation.Range", culture, field, range.Minimum, range.Maximum),
                    StringLengthAttribute { MinimumLength: > 0 } length => TextCatalog.Instance.Get("Validation.LengthRange", culture, field, length.MinimumLength, length.MaximumLength),
                    StringLengthAttribute length => TextCatalog.Instance.Get("Validation.Length", culture, field, length.MaximumLength),
                    RequiredAttribute => TextCatalog.Instance.Get("Validation.Required", culture, field),
                    MinLengthAttribute { Length: 1, ErrorMessage: null } => TextCatalog.Instance.Get("Validation.Required", culture, field),
                    MaxLengthAttribute { ErrorMessage: null } most => TextCatalog.Instance.Get("Validation.MaxItems", culture, field, most.Length),
                    _ => TextCatalog.Instance.Get(attribute.ErrorMessage ?? "Validation.Invalid", culture, field),
                };
                yield return (char.ToLowerInvariant(property.Name[0]) + property.Name[1..], message);
                break;
            }
        }
    }
}
