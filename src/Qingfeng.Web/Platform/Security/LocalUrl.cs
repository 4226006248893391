using System.Diagnostics.CodeAnalysis;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Return addresses (<c>returnUrl</c>) that stay inside the app: a path beginning with one slash. Refused, so that a link
/// cannot send a user elsewhere after signing in or switching language: <c>//host</c> and <c>/\host</c> (a browser reads
/// both as another host), absolute and scheme addresses, and any control character (a browser drops tabs and line breaks,
/// so <c>/%09/host</c> becomes <c>//host</c>). What it accepts, ASP.NET Core's local redirect accepts too.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The address when it is local, else <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback = "/") => IsLocal(url) ? url : fallback;
}
