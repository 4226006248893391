using NetEscapades.AspNetCore.SecurityHeaders.Headers.ContentSecurityPolicy;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Response headers for every answer (pages, API, errors): a content security policy that lets only the
/// app's own scripts run, no MIME sniffing, no framing, no referrers, no powerful browser features,
/// same-origin opener and resource policies, and HSTS on HTTPS. The API reference page (Scalar) runs an
/// inline bootstrap script and evaluates code, so it gets its own, wider script policy; it shows no business
/// data, only the public OpenAPI document (its web fonts are switched off rather than fetched from a CDN).
/// </summary>
public static class SecurityHeaders
{
    public const string ApiReferencePolicy = "ApiReference";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(Site(scripts => scripts.Self()))
            .AddPolicy(ApiReferencePolicy, Site(scripts => scripts.Self().UnsafeInline().UnsafeEval())));

    private static HeaderPolicyCollection Site(Action<ScriptSourceDirectiveBuilder> scripts) => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
        .AddCrossOriginResourcePolicy(corp => corp.SameOrigin())
        .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            scripts(csp.AddScriptSrc());
            csp.AddScriptSrcAttr().None();

            // AntDesign positions popups and columns with inline style attributes.
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data().Blob();
            csp.AddFontSrc().Self().Data();

            // The Blazor circuit's WebSocket goes to the same origin.
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}
