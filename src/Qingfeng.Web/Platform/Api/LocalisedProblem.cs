using Microsoft.AspNetCore.Mvc;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Api;

/// <summary>A ProblemDetails in the request's language: the title by status, the detail and a stable <c>code</c> from the catalog.</summary>
public static class LocalisedProblem
{
    public static ProblemDetails Create(int status, string code, params object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        var details = new ProblemDetails
        {
            Status = status,
            Title = TextCatalog.Instance.Get("Problem.Title." + status.ToString(CultureInfo.InvariantCulture), culture),
            Detail = TextCatalog.Instance.Get(code, culture, arguments),
        };
        details.Extensions["code"] = code;
        return details;
    }

    /// <summary>
    /// Refused input: a 400 validation problem with the stable code <see cref="InputRules.FailedCode"/>, the first message as
    /// its detail and every message by field (named as the client sent it).
    /// </summary>
    public static HttpValidationProblemDetails Invalid(IDictionary<string, string[]> errors)
    {
        var culture = CultureInfo.CurrentUICulture;
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = TextCatalog.Instance.Get("Problem.Title.400", culture),
            Detail = TextCatalog.Instance.Get(InputRules.FailedCode, culture, errors.Values.SelectMany(m => m).FirstOrDefault() ?? ""),
        };
        problem.Extensions["code"] = InputRules.FailedCode;
        return problem;
    }

    /// <summary>
    /// Completes every problem the app writes, framework-made ones too (401 and 403 from policies, 404, 413, 415, 500): the
    /// title in the request's language and, where the writer gave none, the stable <c>code</c> of its status and its text.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var culture = CultureInfo.CurrentUICulture;
        if (problem.Status is not { } status)
        {
            return;
        }

        if (TextCatalog.Instance.Find($"Problem.Title.{status}", culture) is { } title)
        {
            problem.Title = title;
        }

        if (!problem.Extensions.ContainsKey("code"))
        {
            var code = CodeOf(status);
            problem.Extensions["code"] = code;
            problem.Detail ??= TextCatalog.Instance.Get(code, culture);
        }
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Rule.Unauthenticated",
        StatusCodes.Status403Forbidden => "Rule.Forbidden",
        StatusCodes.Status404NotFound => "Rule.NotFound",
        StatusCodes.Status409Conflict => "Rule.Concurrency",
        StatusCodes.Status413PayloadTooLarge => "Rule.TooLarge",
        StatusCodes.Status415UnsupportedMediaType => "Rule.UnsupportedMediaType",
        StatusCodes.Status503ServiceUnavailable => "Rule.DatabaseUnavailable",
        >= 500 => "Rule.ServerError",
        _ => "Rule.BadRequest",
    };

    /// <summary>Sets the status and writes the problem from middleware (outside any endpoint).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, params object[] arguments)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Create(status, code, arguments),
        });
    }
}
