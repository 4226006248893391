using System.Text;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.PersonResolution;

/// <summary>A mention read into its parts.</summary>
public sealed record ParsedMention(string? Name, string? Latin, string? MaskedSurname, UnitText Unit, string? Post, bool PrincipalWord)
{
    public bool IsMasked => MaskedSurname is not null;

    /// <summary>The name as the decision key keeps it: the name, or 王某 for a masked name, or the pinyin.</summary>
    public string NameKey => Name ?? (MaskedSurname is { } s ? s + "某" : Latin ?? "");
}

/// <summary>
/// Reads a person phrase as petitions write it — 开阳县交通运输局局长王建华, 王建华（开阳县交通局局长）, 交通局长 王某,
/// 开阳县发改局＋副局长＋李某某 — into name, unit and post. Posts are found from the title list (longest first, 副局长
/// before 局长); the name is the piece that starts with a roster surname, or the roster name or homophone that ends a
/// unit piece; when neither is found, the segmenter's person tags are reassembled (a surname it split from the given name).
/// </summary>
public sealed class MentionParser(ChineseSegmenter? segmenter = null)
{
    private static readonly string[] Fillers = ["被反映人", "被举报人", "反映", "举报", "控告", "关于", "同志", "现任", "时任", "担任", "涉嫌", "的"];

    private static readonly char[] Separators =
        [' ', '\t', '\n', '+', '，', ',', '、', '；', ';', '：', ':', '（', '）', '(', ')', '【', '】', '[', ']', '“', '”', '"', '\'', '/', '\\', '|', '。', '.', '-', '—', '·'];

    private static readonly HashSet<char> UnitEnds = [.. "局委厅院校司镇乡村办所站会府行部处科室馆场队社中心团"];

    public ParsedMention Parse(RosterSnapshot roster, PersonMention mention)
    {
        var phrase = string.Join(' ', new[] { mention.Text, mention.UnitText, mention.PostText, mention.Name }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var (name, latin, masked, unitPieces, post, principalWord) = Read(roster, phrase);
        if (!string.IsNullOrWhiteSpace(mention.UnitText))
        {
            unitPieces = [mention.UnitText];
        }

        if (!string.IsNullOrWhiteSpace(mention.PostText))
        {
            var given = Normalise(mention.PostText);
            post = PostTitles.All.FirstOrDefault(t => given.Contains(t, StringComparison.Ordinal)) ?? given;
        }

        var unit = roster.UnitOf(string.Concat(unitPieces));
        return new ParsedMention(name, latin, masked, unit, post, principalWord);
    }

    private (string? Name, string? Latin, string? Masked, List<string> Units, string? Post, bool PrincipalWord) Read(RosterSnapshot roster, string phrase)
    {
        var text = Normalise(phrase);
        var principalWord = false;
        foreach (var word in PostTitles.PrincipalWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                principalWord = true;
                text = text.Replace(word, " ", StringComparison.Ordinal);
            }
        }

        foreach (var filler in Fillers)
        {
            text = text.Replace(filler, " ", StringComparison.Ordinal);
        }

        var (withoutPosts, post) = TakePosts(roster, text);
        var pieces = Rejoin(roster, withoutPosts.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        string? name = null, latin = null, masked = null;
        var units = new List<string>();
        foreach (var piece in pieces)
        {
            if (name is null && latin is null && masked is null)
            {
                if (PersonNames.IsMasked(piece, out var surname))
                {
                    masked = surname;
                    continue;
                }

                if (PersonNames.Latin(piece) is { } letters)
                {
                    latin = letters;
                    continue;
                }

                if (LooksLikeName(roster, piece))
                {
                    name = piece;
                    continue;
                }

                if (SplitName(roster, piece) is { } split)
                {
                    if (split.Unit.Length > 0)
                    {
                        units.Add(split.Unit);
                    }

                    if (split.Masked)
                    {
                        masked = split.Name;
                    }
                    else
                    {
                        name = split.Name;
                    }

                    continue;
                }
            }

            if (PersonNames.Latin(piece) is null)
            {
                units.Add(piece);
            }
        }

        if (name is null && latin is null && masked is null && segmenter is not null)
        {
            name = Reassemble(roster, string.Concat(units));
            if (name is not null)
            {
                units = [.. units.Select(u => u.Replace(name, "", StringComparison.Ordinal)).Where(u => u.Length > 0)];
            }
        }

        return (name, latin, masked, units, post, principalWord);
    }

    /// <summary>A surname typed apart from the given name (王 建华) joined back.</summary>
    private static List<string> Rejoin(RosterSnapshot roster, string[] pieces)
    {
        var joined = new List<string>(pieces.Length);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i + 1 < pieces.Length && pieces[i].Length == 1 && roster.Surnames.Contains(pieces[i]) && pieces[i + 1].Length is 1 or 2 && PersonNames.IsHan(pieces[i + 1]))
            {
                joined.Add(pieces[i] + pieces[i + 1]);
                i++;
                continue;
            }

            joined.Add(pieces[i]);
        }

        return joined;
    }

    /// <summary>Full-width forms to ASCII, 〇 and odd spaces to plain ones.</summary>
    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).Replace('\u3000', ' ');

    /// <summary>Takes the titles out (the first is the post); keeps a unit's last character a title begins with (交通局长 → 交通局 + 局长).</summary>
    private static (string Remainder, string? Post) TakePosts(RosterSnapshot roster, string text)
    {
        var builder = new StringBuilder(text.Length);
        string? post = null;
        var i = 0;
        while (i < text.Length)
        {
            var title = PostTitles.All.FirstOrDefault(t => string.CompareOrdinal(text, i, t, 0, t.Length) == 0 && i + t.Length <= text.Length);
            if (title is null)
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            post ??= title;
            var previous = builder.Length > 0 ? builder[^1] : ' ';
            var start = builder.Length;
            while (start > 0 && Array.IndexOf(Separators, builder[start - 1]) < 0)
            {
                start--;
            }

            var piece = builder.ToString(start, builder.Length - start);
            if (UnitEnds.Contains(title[0]) && previous != title[0] && PersonNames.IsHanChar(previous) && !piece.Any(UnitEnds.Contains)
                && !PersonNames.IsMasked(piece, out _) && !(piece.Length <= 4 && IsKnownName(roster, piece)))
            {
                // 交通局长: the 局 ends the unit and begins the title.
                builder.Append(title[0]);
            }

            builder.Append(' ');
            i += title.Length;
        }

        return (builder.ToString(), post);
    }

    private static bool LooksLikeName(RosterSnapshot roster, string piece) =>
        piece.Length is >= 2 and <= 4
        && PersonNames.IsHan(piece)
        && roster.Surnames.Contains(PersonNames.SurnameOf(piece))
        && !roster.IsRegionName(piece)
        && (!UnitEnds.Contains(piece[^1]) || roster.ByName(piece).Count > 0);

    /// <summary>A unit piece that ends (or begins) with a name: 开阳县交通运输局王建华, 交通局王某, 王建华开阳县交通局.</summary>
    private static (string Unit, string Name, bool Masked)? SplitName(RosterSnapshot roster, string piece)
    {
        if (piece.Length < 4 || !PersonNames.IsHan(piece))
        {
            return null;
        }

        for (var length = 2; length <= 3; length++)
        {
            var tail = piece[^(length + 1)..];
            if (tail.EndsWith("某某", StringComparison.Ordinal) || tail.EndsWith('某'))
            {
                var maskedAt = piece.IndexOf('某', StringComparison.Ordinal);
                if (maskedAt >= 2 && roster.Surnames.Contains(piece.Substring(maskedAt - 1, 1)))
                {
                    return (piece[..(maskedAt - 1)], piece.Substring(maskedAt - 1, 1), true);
                }
            }
        }

        foreach (var length in (int[])[3, 2, 4])
        {
            if (piece.Length <= length + 1)
            {
                continue;
            }

            var tail = piece[^length..];
            var before = piece[^(length + 1)];
            if (UnitEnds.Contains(before) && IsKnownName(roster, tail))
            {
                return (piece[..^length], tail, false);
            }

            var head = piece[..length];
            var after = piece[length..];
            if (IsKnownName(roster, head) && (roster.UnitOf(after).Regions.Count > 0 || UnitEnds.Contains(after[^1])))
            {
                return (after, head, false);
            }
        }

        return null;
    }

    private static bool IsKnownName(RosterSnapshot roster, string text) =>
        roster.Surnames.Contains(PersonNames.SurnameOf(text))
        && (roster.ByName(text).Count > 0 || roster.ByPinyin(PersonNames.Pinyin(text)).Count > 0 || roster.ByNearKey(PersonNames.NearKey(text)).Count > 0
            || roster.ByShortForm(text).Count > 0);

    /// <summary>The segmenter's person words, a surname it cut from the given name joined back (王/建华 → 王建华).</summary>
    private string? Reassemble(RosterSnapshot roster, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var words = segmenter!.Tag(text);
        for (var i = 0; i < words.Count; i++)
        {
            var (word, tag) = words[i];
            if (tag.StartsWith("nr", StringComparison.Ordinal) && word.Length is >= 2 and <= 4 && roster.Surnames.Contains(PersonNames.SurnameOf(word)))
            {
                return word;
            }

            if (word.Length == 1 && roster.Surnames.Contains(word) && i + 1 < words.Count && words[i + 1].Word.Length is 1 or 2 && PersonNames.IsHan(words[i + 1].Word))
            {
                var joined = word + words[i + 1].Word;
                if (IsKnownName(roster, joined))
                {
                    return joined;
                }
            }
        }

        return null;
    }
}
