using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Qingfeng.Features.Accounts;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Keeps an open page (a Blazor circuit) only as long as its user's session lasts. Once the circuit is open
/// (<see cref="WatchSessions"/>), a change of the user's stamp in this process (sign-out elsewhere, password or role
/// change, lockout, "sign out everywhere") is checked at once, and a circuit whose stamp is no longer current becomes
/// anonymous: the page goes to the sign-in page and every service refuses it. Every minute the stamp is checked again as
/// well, for changes made by another process. A statically rendered request does not watch: it ends with its response.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly SessionStamps _sessions;
    private readonly ILogger _logger;
    private bool _watching;

    public RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionStamps sessions)
        : base(loggerFactory)
    {
        _sessions = sessions;
        _logger = loggerFactory.CreateLogger<RevalidatingAuthenticationStateProvider>();
    }

    /// <summary>Called when the circuit opens: from then on a change of the user's stamp is checked at once.</summary>
    public void WatchSessions()
    {
        if (!_watching)
        {
            _watching = true;
            _sessions.Changed += OnStampChanged;
        }
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        _sessions.IsCurrentAsync(authenticationState.User, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _watching)
        {
            _sessions.Changed -= OnStampChanged;
        }

        base.Dispose(disposing);
    }

    /// <summary>Raised on the thread that wrote the user row: only a circuit of that user checks, and not on that thread.</summary>
    private void OnStampChanged(Guid userId)
    {
        Task<AuthenticationState> current;
        try
        {
            current = GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return; // the circuit has not received its user yet
        }

        if (current.IsCompletedSuccessfully && SessionStamps.UserIdOf(current.Result.User) == userId)
        {
            _ = Task.Run(() => RevalidateAsync(current.Result));
        }
    }

    private async Task RevalidateAsync(AuthenticationState state)
    {
        try
        {
            if (!await _sessions.IsCurrentAsync(state.User))
            {
                SetAuthenticationState(Task.FromResult(Anonymous));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The minute's revalidation tries again; a failure here must not end the circuit.
            _logger.LogWarning(e, "Checking the session of an open page failed.");
        }
    }
}
