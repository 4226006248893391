using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Qingfeng.Features.Accounts;

public static class AccountsFeature
{
    public const string PolicyScheme = "Qingfeng";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        services.AddScoped<AccountPolicy>();
        services.AddScoped<AccountService>();
        services.AddScoped<LoginService>();
        services.AddScoped<TwoFactorService>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<ApiTokenPrincipals>();
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<QingfengDb>>().CreateDbContext());

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
            })
            .AddPolicyScheme(PolicyScheme, PolicyScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<QingfengUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<QingfengRole>()
            .AddEntityFrameworkStores<QingfengDb>()
            .AddUserStore<QingfengUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<QingfengClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "qingfeng.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Clamp(security.IdleTimeoutMinutes, 1, 24 * 60));
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnValidatePrincipal = SessionStamps.ValidateCookieAsync;
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(o =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(RolePermissions.PolicyName(permission), p => p.RequireRole(RolePermissions.RolesFor(permission)));
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (LoginService login) =>
        {
            await login.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = culture == "en" ? "en" : "zh-CN";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
            return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        var account = app.MapApiGroup("/account", "Accounts");
        account.MapPost("/tokens", async (IssueTokenRequest request, AccountService accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.IssueTokenAsync(request, ct)))
            .WithName("IssueApiToken").WithSummary("Issues an API token for the signed-in user (shown once).")
            .WithDescription("Issues a personal API token (Bearer) for the signed-in user, valid for the configured number of days. The plain token is in this answer only; the server keeps its hash. Any signed-in user, for themself.");
        account.MapPost("/password", async (ChangePasswordRequest request, AccountService accounts, CancellationToken ct) =>
            {
                await accounts.ChangePasswordAsync(request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangePassword").WithSummary("Changes the signed-in user's password; every sign-in cookie of the user stops working (API tokens keep working).")
            .WithDescription("Changes the signed-in user's own password after checking the current one; every sign-in cookie of the user stops working (API tokens keep working). A wrong current password answers 422 (Account.PasswordIncorrect) and counts as a failed sign-in (five lock the account); a password the policy refuses answers 422 (Account.PasswordRejected).");
        account.MapGet("/tokens", async (AccountService accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListTokensAsync(ct)))
            .WithName("ListApiTokens").WithSummary("The signed-in user's API tokens (names and dates only).")
            .WithDescription("The signed-in user's own API tokens with their creation, expiry and revocation times; the tokens themselves are never shown again.");
        account.MapDelete("/tokens/{id:guid}", async (Guid id, AccountService accounts, CancellationToken ct) =>
            {
                await accounts.RevokeTokenAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiToken").WithSummary("Revokes one of the signed-in user's API tokens.")
            .WithDescription("Revokes one of the signed-in user's own API tokens; it stops working at once. A token of another user answers 404.");

        var users = app.MapApiGroup("/users", "Accounts");
        users.MapGet("/", async (AccountService accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListUsersAsync(ct)))
            .WithName("ListUsers").WithSummary("User accounts (system and security administrators).")
            .WithDescription("User accounts with their organ, roles, two-factor and lockout state. Only the system administrator (UsersManage) and the security administrator (RolesAssign) may call it (三员分立); business roles get 403.");
        users.MapGet("/organs", async (AccountService accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListOrgansAsync(ct)))
            .RequirePermission(Permission.UsersManage)
            .WithName("ListOrgans").WithSummary("Organs to choose from when creating a user (system administrator).")
            .WithDescription("The organs (纪委监委, 派驻纪检监察组, township commissions) a new user can belong to. System administrator only (UsersManage).");
        users.MapPost("/", async (CreateUserRequest request, AccountService accounts, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/users/{await accounts.CreateUserAsync(request, ct)}"))
            .RequirePermission(Permission.UsersManage)
            .WithName("CreateUser").WithSummary("Creates a user account (system administrator).")
            .WithDescription("Creates a user account in an organ, without roles: the security administrator grants them (三员分立). System administrator only (UsersManage); a user name already taken or a password the policy refuses answers 422 (Account.CreateFailed).");
        users.MapUpdate("/{id:guid}/roles", (AccountService accounts, Guid id, SetRolesRequest request, CancellationToken ct) => accounts.SetRolesAsync(id, request, ct),
                "SetUserRoles", "Replaces a user's roles (security administrator).")
            .RequirePermission(Permission.RolesAssign)
            .WithDescription("Replaces all roles of a user (leader, petition, casemgmt, supervision, investigation, trial, partyconduct, stationed, inspection; or one of sysadmin, secadmin, auditadmin alone) and ends the user's sign-in sessions so that the new roles apply at the next sign-in. Security administrator only (RolesAssign). An unknown role or an administrator role combined with another answers 422, changing one's own roles 409 (Account.OwnRoles), an unknown user 404.");
        users.MapAction("/{id:guid}/unlock", (AccountService accounts, Guid id, CancellationToken ct) => accounts.UnlockAsync(id, ct),
                "UnlockUser", "Ends a lockout (security administrator).")
            .RequirePermission(Permission.RolesAssign)
            .WithDescription("Ends a user's lockout after failed sign-ins and resets the failure count (audited). Security administrator only (RolesAssign); an unknown user answers 404.");
        users.MapAction("/{id:guid}/sign-out", (AccountService accounts, Guid id, CancellationToken ct) => accounts.SignOutEverywhereAsync(id, ct),
                "SignOutUserEverywhere", "Ends every sign-in session of a user at once; API tokens are not affected (security administrator).")
            .RequirePermission(Permission.RolesAssign)
            .WithDescription("Ends every sign-in session of a user at once: each cookie is refused on its next request. API tokens are not affected (the user revokes those). Security administrator only (RolesAssign); an unknown user answers 404.");
        return app;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
