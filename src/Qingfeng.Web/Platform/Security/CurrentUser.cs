using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Scoped holder of the acting user. Filled from the request for endpoints (middleware) and from
/// the circuit's authentication state for interactive components; services never touch HttpContext.
/// </summary>
public sealed class CurrentUser
{
    private UserContext _context = UserContext.Anonymous;

    public UserContext Context => _context;

    public void Set(ClaimsPrincipal principal, string? ipAddress) => _context = UserContext.FromPrincipal(principal, ipAddress);

    public void Set(UserContext context) => _context = context;

    /// <summary>Returns the context, or throws when nobody is signed in.</summary>
    public UserContext Require() => _context.IsAuthenticated
        ? _context
        : throw new UnauthorizedAccessException("Not signed in.");
}

internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }
}

/// <summary>
/// Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state, and has the circuit end with its
/// user's session (<see cref="RevalidatingAuthenticationStateProvider.WatchSessions"/>).
/// </summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authenticationStateProvider,
    CurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor) : CircuitHandler, IDisposable
{
    private string? _ipAddress;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ipAddress = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        (authenticationStateProvider as RevalidatingAuthenticationStateProvider)?.WatchSessions();
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.Set(state.User, _ipAddress);
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        currentUser.Set(state.User, _ipAddress);
    }
}
