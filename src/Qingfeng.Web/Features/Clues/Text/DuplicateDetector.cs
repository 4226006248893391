using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Qingfeng.Features.Clues.Text;

/// <summary>
/// Flags repeat reports (重复件): the same matter reported again — by the same reporter re-sending, by several
/// reporters, by letter, online form, 12388 call or a verification summary — usually paraphrased, reordered,
/// shortened or with a new detail. <see cref="RepeatMatcher"/> adds the reported persons; this class reads the text.
/// <para>
/// Design: a <b>MinHash signature over character shingles</b>, with containment estimated from it, plus a short
/// list of <b>facts</b> (amounts, relatives, places, projects, counterparts, times) that tell a retelling from a
/// look-alike different matter of the same kind.
/// <list type="bullet">
/// <item>Characters and character 2-grams need no word segmentation and survive reordering and light paraphrase of
/// Chinese text. Before shingling the text is normalised: amounts to yuan (两万块钱 = 2万元 = 20000元), unit names to
/// their usual abbreviation (交通运输局 → 交通局), 王某某 to 王某, and petition and genre boilerplate (尊敬的…领导, 来电人反映,
/// 经初步了解…存在以下问题, 一是…二是, 涉嫌违反…) is removed so two texts do not look alike merely by genre.</item>
/// <item>A signature is stored instead of the text, so a new clue is compared with hundreds of old ones without
/// decrypting their bodies. Neither part is readable: the minima are 16 bits of hashes of shingles, each fact is
/// 3 bits of its kind and 13 bits of a hash of its value (many values share a bucket).</item>
/// <item>Jaccard punishes a terse online report against a long letter about the same matter; the text similarity
/// therefore blends Jaccard with the containment of the smaller set, estimated from the two set sizes:
/// |A∩B| = J·(|A|+|B|)/(1+J).</item>
/// </list>
/// Fingerprint format: <c>m2.{shingle count}.{base64url of 128 × 16-bit minima}.{base64url of ≤ 24 × 16-bit facts}</c> —
/// at most 3 + 6 + 342 + 1 + 64 = 416 characters, so it fits a 512-character column. Version 1 (<c>m1.</c>, no facts)
/// is still read; <c>ClueSearchIndexUpgrade</c> re-fingerprints such clues at start-up.
/// </para>
/// </summary>
public sealed class DuplicateDetector
{
    /// <summary>The text-only decision threshold (no persons known): chosen on the tuning part of the labelled pairs.</summary>
    public const double DefaultThreshold = 0.42;

    public const int SignatureSize = 128;

    public const int MaxFingerprintLength = 512;

    public const string Prefix = "m2.";

    private const string LegacyPrefix = "m1.";

    private const int MaxFacts = 24;

    private static readonly string[] Boilerplate =
    [
        "尊敬的", "领导", "您好", "你好", "纪委", "监委", "纪检", "监察", "我要", "实名", "匿名", "反映", "举报", "希望", "请求",
        "恳请", "请", "组织", "调查", "核实", "查处", "严肃处理", "依法依规", "处理", "重视", "此致", "敬礼", "情况属实", "问题",
        "一下", "相关", "经初步了解", "经初步核实", "经查", "存在以下", "以上", "有待进一步", "涉嫌违反", "中央八项规定精神",
        "廉洁纪律", "来电人", "来信人", "要求", "未留姓名", "被反映人", "单位职务", "问题类别", "主要问题", "至今未见", "现补充",
        "补充", "再次", "本人", "我在", "我于", "曾", "之前", "已经", "没有回音", "一是", "二是", "三是", "四是", "五是", "六是", "县",
    ];

    /// <summary>Unit names as written in full and as abbreviated (the abbreviation is kept).</summary>
    internal static readonly (string Full, string Short)[] UnitAbbreviations =
    [
        ("交通运输局", "交通局"), ("发展和改革局", "发改局"), ("发展改革局", "发改局"), ("卫生健康局", "卫健局"), ("卫生和健康局", "卫健局"),
        ("人力资源和社会保障局", "人社局"), ("人力资源社会保障局", "人社局"), ("住房和城乡建设局", "住建局"), ("住房城乡建设局", "住建局"),
        ("市场监督管理局", "市场监管局"), ("农业农村局", "农业局"), ("生态环境局", "环保局"), ("文化广电旅游局", "文旅局"),
        ("文化和旅游局", "文旅局"), ("应急管理局", "应急局"), ("综合行政执法局", "执法局"), ("城市管理局", "城管局"), ("乡村振兴局", "乡村振兴局"),
    ];

    private static readonly string[] Relatives =
    [
        "外甥女", "小舅子", "妻弟", "妻子", "老婆", "爱人", "丈夫", "弟弟", "哥哥", "姐姐", "妹妹", "侄子", "侄女", "女儿", "女婿", "儿子",
        "儿媳", "表哥", "表弟", "表妹", "外甥", "岳父", "岳母", "父亲", "母亲", "堂弟", "堂哥", "连襟", "情妇",
    ];

    private static readonly string[] Festivals = ["春节", "中秋", "国庆", "端午", "元旦", "五一", "元宵", "清明", "暑假", "寒假"];

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>The similarity at or above which two clue texts are flagged as a repeat (text only).</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Weight of containment against Jaccard in <see cref="Similarity"/> (0 = Jaccard only).</summary>
    public double ContainmentWeight { get; init; } = 0.5;

    public bool IsRepeat(string fingerprintA, string fingerprintB) => Compare(fingerprintA, fingerprintB).TextScore >= Threshold;

    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (normalized, facts) = Analyse(text);
        var shingles = Shingles(normalized);
        Span<ulong> minima = stackalloc ulong[SignatureSize];
        minima.Fill(ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < SignatureSize; i++)
            {
                var h = Mix(shingle ^ Seeds[i]);
                if (h < minima[i])
                {
                    minima[i] = h;
                }
            }
        }

        Span<byte> bytes = stackalloc byte[SignatureSize * 2];
        for (var i = 0; i < SignatureSize; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[(i * 2)..], (ushort)(shingles.Count == 0 ? 0 : minima[i]));
        }

        var codes = facts.Select(f => (ushort)(((int)f.Kind << 13) | (int)(Hash(f.Value.AsSpan(), 7) & 0x1FFF))).Distinct().Order().Take(MaxFacts).ToArray();
        var factBytes = new byte[codes.Length * 2];
        for (var i = 0; i < codes.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(factBytes.AsSpan(i * 2), codes[i]);
        }

        return string.Concat(Prefix, shingles.Count.ToString(CultureInfo.InvariantCulture), ".", Base64Url(bytes), ".", Base64Url(factBytes));
    }

    /// <summary>Whether a fingerprint is of the current format (an older one is re-made at start-up).</summary>
    public static bool IsCurrent(string? fingerprint) => fingerprint?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The text similarity in [0,1] of two fingerprints made by <see cref="Fingerprint"/> (facts not counted).</summary>
    public double Similarity(string fingerprintA, string fingerprintB) => Compare(fingerprintA, fingerprintB).Text;

    /// <summary>Compares two fingerprints: text similarity and which kinds of facts agree or differ.</summary>
    public TextEvidence Compare(string fingerprintA, string fingerprintB)
    {
        var a = Parse(fingerprintA);
        var b = Parse(fingerprintB);
        if (a.Size == 0 || b.Size == 0)
        {
            return new TextEvidence(0, [], []);
        }

        var equal = 0;
        for (var i = 0; i < a.Signature.Length; i += 2)
        {
            if (a.Signature[i] == b.Signature[i] && a.Signature[i + 1] == b.Signature[i + 1])
            {
                equal++;
            }
        }

        // Remove the 1/65536 chance that two different minima agree in their low 16 bits.
        const double Collision = 1.0 / 65536;
        var jaccard = Math.Clamp(((double)equal / SignatureSize - Collision) / (1 - Collision), 0, 1);
        var intersection = jaccard * (a.Size + b.Size) / (1 + jaccard);
        var containment = Math.Clamp(intersection / Math.Min(a.Size, b.Size), 0, 1);
        var text = ((1 - ContainmentWeight) * jaccard) + (ContainmentWeight * containment);

        var agree = new List<FactKind>();
        var differ = new List<FactKind>();
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            var ofA = a.Facts.Where(f => f >> 13 == (int)kind).ToHashSet();
            var ofB = b.Facts.Where(f => f >> 13 == (int)kind).ToHashSet();
            if (ofA.Count > 0 && ofB.Count > 0)
            {
                (ofA.Overlaps(ofB) ? agree : differ).Add(kind);
            }
        }

        return new TextEvidence(text, agree, differ);
    }

    internal static HashSet<ulong> Shingles(string normalized)
    {
        var shingles = new HashSet<ulong>();
        for (var n = 1; n <= 2; n++)
        {
            for (var i = 0; i + n <= normalized.Length; i++)
            {
                shingles.Add(Hash(normalized.AsSpan(i, n), n));
            }
        }

        return shingles;
    }

    internal static string Normalize(string text) => Analyse(text).Normalized;

    /// <summary>The normalised text (what is shingled) and the facts found in it.</summary>
    internal static (string Normalized, List<(FactKind Kind, string Value)> Facts) Analyse(string text)
    {
        var folded = Amounts.Replace(text.Normalize(NormalizationForm.FormKC), m => Yuan(m) is { } yuan ? yuan.ToString(CultureInfo.InvariantCulture) + "元" : m.Value);
        foreach (var (full, abbreviation) in UnitAbbreviations)
        {
            folded = folded.Replace(full, abbreviation, StringComparison.Ordinal);
        }

        folded = Masked.Replace(folded, "$1某");
        var facts = Facts(folded);
        foreach (var phrase in Boilerplate)
        {
            folded = folded.Replace(phrase, " ", StringComparison.Ordinal);
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return (builder.ToString(), facts);
    }

    private static List<(FactKind Kind, string Value)> Facts(string text)
    {
        var facts = new List<(FactKind, string)>();
        facts.AddRange(YuanAmounts.Matches(text).Select(m => (FactKind.Amount, m.Groups[1].Value)));
        var relatives = Relatives.Where(r => text.Contains(r, StringComparison.Ordinal)).Select(r => r switch { "老婆" or "爱人" => "妻子", "妻弟" => "小舅子", _ => r }).ToHashSet(StringComparer.Ordinal);
        if (relatives.Contains("外甥女"))
        {
            relatives.Remove("外甥");
        }

        facts.AddRange(relatives.Select(r => (FactKind.Relative, r)));
        facts.AddRange(Places.Matches(text).Select(m => m.Groups[1].Value).Where(Named).Select(p => (FactKind.Place, p)));
        facts.AddRange(Projects.Matches(text).Select(m => m.Groups[1].Value).Where(p => Named(p) && !NotProjects.Contains(p)).Select(p => (FactKind.Project, p)));
        facts.AddRange(Counterparts.Matches(text).Select(m => (FactKind.Counterpart, m.Groups[1].Value + m.Groups[2].Value)));
        facts.AddRange(Festivals.Where(f => text.Contains(f, StringComparison.Ordinal)).Select(f => (FactKind.Time, f)));
        facts.AddRange(Months.Matches(text).Select(m => (FactKind.Time, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "月")));
        return facts;
    }

    /// <summary>Whether two characters before 工程/酒店… can be part of a name (not 在工程, 的酒店, 了项目).</summary>
    private static bool Named(string value) => value.AsSpan().IndexOfAny(FunctionCharacters) < 0;

    private static readonly SearchValues<char> FunctionCharacters = SearchValues.Create("在的了个些把给让到拿揽承接是和与及等为从中去来家这那其各该");

    private static readonly HashSet<string> NotProjects = new(["这个", "那个", "一个", "几个", "多个", "所有", "相关", "工程", "项目", "个人", "重点", "建设"], StringComparer.Ordinal);

    /// <summary>An amount of money as people write it: 2万元, 两万块钱, 一万五千元, 5千元, 20000元, 3.5万.</summary>
    private static readonly Regex Amounts = new(@"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百]+)(万)?(?:([一二两三四五六七八九])千)?(千)?(元|块钱|块)?", RegexOptions.CultureInvariant);

    private static readonly Regex YuanAmounts = new(@"([0-9]{3,})元", RegexOptions.CultureInvariant);

    private static readonly Regex Masked = new(@"([\p{IsCJKUnifiedIdeographs}])某某", RegexOptions.CultureInvariant);

    private static readonly Regex Places = new(@"([\p{IsCJKUnifiedIdeographs}]{2})(?:大酒店|酒店|酒楼|农家乐|山庄|会所|茶楼|鱼庄|农庄|宾馆|饭店|餐厅)", RegexOptions.CultureInvariant);

    private static readonly Regex Projects = new(@"([\p{IsCJKUnifiedIdeographs}]{2})(?:工程|项目)(?![款师队])", RegexOptions.CultureInvariant);

    private static readonly Regex Counterparts = new(@"(?:老板|经理|经销商|开发商|负责人|商人)([\p{IsCJKUnifiedIdeographs}])(某)|([\p{IsCJKUnifiedIdeographs}])(老板)", RegexOptions.CultureInvariant);

    private static readonly Regex Months = new(@"(?<![0-9])([0-9]{1,2})月", RegexOptions.CultureInvariant);

    /// <summary>The amount in yuan of a match of <see cref="Amounts"/>, or null when the match is no amount of money (三瓶, 2024年).</summary>
    private static long? Yuan(Match m)
    {
        var (number, wan, thousandsAfter, thousand, yuan) = (m.Groups[1].Value, m.Groups[2].Success, m.Groups[3], m.Groups[4].Success, m.Groups[5].Success);
        if (!wan && !yuan)
        {
            return null;
        }

        var value = Number(number);
        if (value is null)
        {
            return null;
        }

        var amount = wan ? (value.Value * 10000) + (thousandsAfter.Success ? Digit(thousandsAfter.Value[0]) * 1000 : 0)
            : thousand ? value.Value * 1000 : value.Value;
        return amount >= 100 ? (long)Math.Round(amount) : null;
    }

    private static decimal? Number(string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        decimal total = 0, current = 0;
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                default:
                    current = Digit(ch);
                    break;
            }
        }

        return total + current;
    }

    private static int Digit(char ch) => ch switch
    {
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static (int Size, byte[] Signature, ushort[] Facts) Parse(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var parts = fingerprint.Split('.');
        var current = parts.Length == 4 && parts[0] + "." == Prefix;
        var legacy = parts.Length == 3 && parts[0] + "." == LegacyPrefix;
        if (!(current || legacy) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new FormatException("Not a duplicate-detection fingerprint.");
        }

        var bytes = FromBase64Url(parts[2]);
        if (bytes.Length != SignatureSize * 2)
        {
            throw new FormatException("Fingerprint signature has the wrong size.");
        }

        var factBytes = current ? FromBase64Url(parts[3]) : [];
        var facts = new ushort[factBytes.Length / 2];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = BinaryPrimitives.ReadUInt16LittleEndian(factBytes.AsSpan(i * 2));
        }

        return (size, bytes, facts);
    }

    /// <summary>FNV-1a over the UTF-16 code units, salted by the shingle length: stable across processes.</summary>
    private static ulong Hash(ReadOnlySpan<char> chars, int n)
    {
        var hash = 14695981039346656037UL ^ (ulong)n;
        foreach (var ch in chars)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The SplitMix64 finaliser: one independent-looking permutation per seed.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[SignatureSize];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}

/// <summary>The kinds of facts that tell one matter from another of the same kind (at most 8: 3 bits of a fact code).</summary>
public enum FactKind
{
    Amount = 0,
    Relative = 1,
    Place = 2,
    Project = 3,
    Counterpart = 4,
    Time = 5,
}

/// <summary>What two fingerprints share: the text similarity and the kinds of facts that agree or differ.</summary>
public sealed record TextEvidence(double Text, IReadOnlyList<FactKind> Agreeing, IReadOnlyList<FactKind> Differing)
{
    /// <summary>Weight of each kind of fact both texts state alike, and of each they state differently.</summary>
    public const double AgreeWeight = 0.1;

    public const double DifferWeight = 0.3;

    /// <summary>The text score: similarity, plus agreeing facts, minus differing ones.</summary>
    public double TextScore => Text + (AgreeWeight * Agreeing.Count) - (DifferWeight * Differing.Count);
}
