namespace Qingfeng.Features.Clues;

/// <summary>
/// The address of a clue's page, as notifications carry it: written in one format and read back, so that a notification
/// about a clue can be held back from a reader who may no longer see that clue.
/// </summary>
public static class ClueLinks
{
    public const string Prefix = "/clues/";

    public static string Of(Guid clueId) => Prefix + clueId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The clue a link points to, or <see langword="null"/> for any other address (the queue, statistics…).</summary>
    public static Guid? ClueOf(string link) =>
        link.StartsWith(Prefix, StringComparison.Ordinal) && link.Length >= Prefix.Length + 36
            && Guid.TryParseExact(link.AsSpan(Prefix.Length, 36), "D", out var id)
            && (link.Length == Prefix.Length + 36 || link[Prefix.Length + 36] is '?' or '#' or '/')
            ? id
            : null;
}
