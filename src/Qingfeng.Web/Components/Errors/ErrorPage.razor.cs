using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace Qingfeng.Components.Errors;

/// <summary>
/// The error page of the server: what happened in words, never the exception. A server error shows the request's trace id,
/// which is also logged here beside the path, so that the administrator finds the exception the user quotes.
/// </summary>
public sealed partial class ErrorPage
{
    private string? _reference;

    /// <summary>The status the page was re-executed for (<c>/error/404</c>); none for a server error.</summary>
    [Parameter]
    public int? Status { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private ILogger<ErrorPage> Logger { get; set; } = default!;

    private int Code => Status ?? StatusCodes.Status500InternalServerError;

    protected override void OnInitialized()
    {
        if (Code < StatusCodes.Status500InternalServerError)
        {
            return;
        }

        _reference = Reference(HttpContext);
        if (HttpContext?.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            LogServerError(Logger, _reference, failure.Path, failure.Error.GetType().FullName);
        }
    }

    /// <summary>The trace id of the request (the middle part of ProblemDetails' <c>traceId</c>), or the server's request id without tracing.</summary>
    public static string Reference(HttpContext? http) =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : http?.TraceIdentifier ?? "-";

    [LoggerMessage(Level = LogLevel.Error, Message = "Server error page shown with reference {Reference} for {Path} ({ExceptionType}).")]
    private static partial void LogServerError(ILogger logger, string reference, string path, string? exceptionType);
}
