using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Qingfeng.Platform.Security;

/// <summary>Limits per fixed window (<c>Security:RateLimiting</c>). Login is strict; the API is generous.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in posts from one IP address per window.</summary>
    public int LoginPermitsPerWindow { get; set; } = 20;

    /// <summary>Sign-in posts naming one user per window (lockout still acts after 5 wrong passwords).</summary>
    public int LoginPermitsPerUserPerWindow { get; set; } = 10;

    public int LoginWindowSeconds { get; set; } = 300;

    /// <summary>API calls per signed-in user (or per IP address when anonymous) per window.</summary>
    public int ApiPermitsPerWindow { get; set; } = 1200;

    public int ApiWindowSeconds { get; set; } = 60;
}

/// <summary>
/// Brute-force and flooding limits on ASP.NET Core's rate limiter: sign-in posts partitioned by IP address
/// and by the user name typed, API calls by user. A refusal is a localised 429 ProblemDetails with Retry-After.
/// </summary>
public static class RateLimits
{
    private const string LoginUserKey = "qf.login.user";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Security:RateLimiting").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLoginPost(context)
                    ? Window("login-ip:" + IpOf(context), options.LoginPermitsPerWindow, options.LoginWindowSeconds)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLoginPost(context) && context.Items[LoginUserKey] is string user
                    ? Window("login-user:" + user, options.LoginPermitsPerUserPerWindow, options.LoginWindowSeconds)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? Window("api:" + (context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "ip:" + IpOf(context)), options.ApiPermitsPerWindow, options.ApiWindowSeconds)
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = (context, cancellationToken) => RejectAsync(context, IsLoginPost(context.HttpContext) ? options.LoginWindowSeconds : options.ApiWindowSeconds);
        });
        return services;
    }

    /// <summary>Reads the user name of a sign-in post (the form is buffered for the page) so that it can partition the limit. Runs after authentication.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLoginPost(context) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (form["Input.UserName"].ToString().Trim() is { Length: > 0 } user)
                {
                    context.Items[LoginUserKey] = user.ToUpperInvariant();
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsLoginPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase);

    private static string IpOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Window(string key, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, seconds)),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, int windowSeconds)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : windowSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await LocalisedProblem.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Rule.TooManyRequests", seconds);
    }
}
