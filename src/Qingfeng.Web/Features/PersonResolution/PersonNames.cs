using System.Text;
using System.Text.RegularExpressions;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.PersonResolution;

/// <summary>
/// Keys of a Chinese personal name for candidate generation: toneless pinyin per syllable, the near-homophone key
/// (zh/z, ch/c, sh/s, n/l, f/h, an/ang, en/eng, in/ing folded), initials, the 2-character cuts of a 3-character
/// name, and masked names (王某, 王某某, 王XX, 王＊) that keep only the surname.
/// </summary>
public static partial class PersonNames
{
    /// <summary>Two-character surnames read as one surname (欧阳建华 is 欧阳 + 建华).</summary>
    public static readonly IReadOnlySet<string> CompoundSurnames = new HashSet<string>(StringComparer.Ordinal)
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙", "宇文", "端木",
    };

    /// <summary>Whether <paramref name="text"/> is a masked name (王某, 王某某, 王XX, 王**, 王×), returning its surname.</summary>
    public static bool IsMasked(string text, out string surname)
    {
        var match = MaskedPattern().Match(text);
        surname = match.Success ? match.Groups[1].Value : "";
        return match.Success;
    }

    /// <summary>The surname of a full name: a compound surname when the name starts with one, otherwise the first character.</summary>
    public static string SurnameOf(string name) =>
        name.Length >= 3 && CompoundSurnames.Contains(name[..2]) ? name[..2] : name.Length > 0 ? name[..1] : "";

    /// <summary>Toneless pinyin of each character (the surname reading for the first), e.g. 单建华 → shan jian hua.</summary>
    public static string[] Syllables(string name)
    {
        var syllables = new string[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            // The first character takes its surname reading (单 → shan); the others their common reading.
            syllables[i] = i == 0 ? ChinesePinyin.ToPinyin(name[..1]) : ChinesePinyin.ToPinyin(name.Substring(i, 1));
        }

        return syllables;
    }

    /// <summary>Full toneless pinyin (wangjianhua).</summary>
    public static string Pinyin(string name) => string.Concat(Syllables(name));

    /// <summary>The near-homophone key: each syllable folded so that zh/z, ch/c, sh/s, n/l, f/h, an/ang, en/eng, in/ing meet.</summary>
    public static string NearKey(string name) => string.Join('-', Syllables(name).Select(Fold));

    /// <summary>Folds one toneless syllable to its near-homophone class.</summary>
    public static string Fold(string syllable)
    {
        if (syllable.Length == 0)
        {
            return syllable;
        }

        var s = syllable;
        if (s.StartsWith("zh", StringComparison.Ordinal) || s.StartsWith("ch", StringComparison.Ordinal) || s.StartsWith("sh", StringComparison.Ordinal))
        {
            s = s[..1] + s[2..];
        }
        else if (s[0] == 'n')
        {
            s = "l" + s[1..];
        }
        else if (s[0] == 'f')
        {
            s = "h" + s[1..];
        }

        if (s.EndsWith("ng", StringComparison.Ordinal) && s.Length >= 3 && s[^3] is 'a' or 'e' or 'i')
        {
            s = s[..^1];
        }

        return s;
    }

    /// <summary>Initials (wjh).</summary>
    public static string Initials(string name) => string.Concat(Syllables(name).Where(s => s.Length > 0).Select(s => s[0]));

    /// <summary>The two-character cuts of a three-character name (王建华 → 王建, 王华): how a name shortened in a petition looks.</summary>
    public static IEnumerable<string> ShortForms(string name)
    {
        if (name.Length == 3 && !CompoundSurnames.Contains(name[..2]))
        {
            yield return name[..2];
            yield return string.Concat(name[0], name[2]);
        }
    }

    /// <summary>Whether the text is all Han characters.</summary>
    public static bool IsHan(string text) => text.Length > 0 && text.All(IsHanChar);

    public static bool IsHanChar(char c) => c is >= '\u3400' and <= '\u9FFF';

    /// <summary>Lower-case ASCII letters of a pinyin or initials mention (WANG Jianhua → wangjianhua); null when it is not one.</summary>
    public static string? Latin(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (!char.IsWhiteSpace(c) && c is not '-' and not '\'' and not '·')
            {
                return null;
            }
        }

        return builder.Length >= 2 ? builder.ToString() : null;
    }

    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs}{1,2}?)(某某|某|[Xx×＊*]{1,2}|ＸＸ|Ｘ)$")]
    private static partial Regex MaskedPattern();
}
