using System.Buffers.Binary;
using System.Text;

namespace Qingfeng.Features.Clues.Text;

/// <summary>
/// Flags repeat reports (重复件): the same matter about the same official reported again — by the
/// same reporter re-sending, by several reporters, by letter and online — usually paraphrased,
/// reordered, shortened or with a new detail. The caller compares only clues about the same officials.
/// <para>
/// Design: a <b>MinHash signature over character shingles</b>, with containment estimated from it.
/// <list type="bullet">
/// <item>Characters and character 2-grams (measured better than 2+3-grams on the labelled pairs) need no word segmentation and survive reordering and light paraphrase
/// of Chinese text; digits are kept, so amounts and dates count.</item>
/// <item>Petition boilerplate (尊敬的…领导, 我要反映, 请…调查) is removed first so two letters do not look alike
/// merely because both are letters.</item>
/// <item>A signature is stored instead of the text, so a new clue is compared with hundreds of old ones
/// without decrypting their bodies, and the fingerprint reveals nothing readable.</item>
/// <item>Jaccard punishes a terse online report against a long letter about the same matter; the
/// similarity therefore blends Jaccard with the containment of the smaller set, which the signature
/// estimates from the two set sizes: |A∩B| = J·(|A|+|B|)/(1+J).</item>
/// </list>
/// Fingerprint format: <c>m1.{shingle count}.{base64url of 128 × 16-bit minima}</c> —
/// at most 3 + 6 + 342 = 351 characters, so it fits a 512-character column.
/// </para>
/// </summary>
public sealed class DuplicateDetector
{
    /// <summary>The default decision threshold, chosen on the tuning half of the labelled pairs.</summary>
    public const double DefaultThreshold = 0.35;

    public const int SignatureSize = 128;

    public const int MaxFingerprintLength = 512;

    private const string Prefix = "m1.";

    private static readonly string[] Boilerplate =
    [
        "尊敬的", "领导", "您好", "你好", "纪委", "监委", "纪检", "监察", "我要反映", "我要举报", "我反映", "我举报",
        "实名举报", "实名反映", "匿名", "反映", "举报", "希望", "请求", "恳请", "请", "组织", "调查", "核实", "查处",
        "严肃处理", "依法依规", "处理", "重视", "此致", "敬礼", "情况属实", "问题", "一下", "相关",
    ];

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>The similarity at or above which two clue texts are flagged as a repeat.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Weight of containment against Jaccard in <see cref="Similarity"/> (0 = Jaccard only).</summary>
    public double ContainmentWeight { get; init; } = 0.5;

    public bool IsRepeat(string fingerprintA, string fingerprintB) => Similarity(fingerprintA, fingerprintB) >= Threshold;

    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shingles = Shingles(text);
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

        return string.Concat(Prefix, shingles.Count.ToString(CultureInfo.InvariantCulture), ".",
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>A similarity in [0,1] of two fingerprints made by <see cref="Fingerprint"/>.</summary>
    public double Similarity(string fingerprintA, string fingerprintB)
    {
        var (sizeA, signatureA) = Parse(fingerprintA);
        var (sizeB, signatureB) = Parse(fingerprintB);
        if (sizeA == 0 || sizeB == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < signatureA.Length; i += 2)
        {
            if (signatureA[i] == signatureB[i] && signatureA[i + 1] == signatureB[i + 1])
            {
                equal++;
            }
        }

        // Remove the 1/65536 chance that two different minima agree in their low 16 bits.
        const double Collision = 1.0 / 65536;
        var jaccard = Math.Clamp(((double)equal / SignatureSize - Collision) / (1 - Collision), 0, 1);
        var intersection = jaccard * (sizeA + sizeB) / (1 + jaccard);
        var containment = Math.Clamp(intersection / Math.Min(sizeA, sizeB), 0, 1);
        return ((1 - ContainmentWeight) * jaccard) + (ContainmentWeight * containment);
    }

    internal static HashSet<ulong> Shingles(string text)
    {
        var normalized = Normalize(text);
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

    internal static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
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

        return builder.ToString();
    }

    private static (int Size, byte[] Signature) Parse(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var parts = fingerprint.Split('.');
        if (parts.Length != 3 || parts[0] + "." != Prefix || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new FormatException("Not a duplicate-detection fingerprint.");
        }

        var base64 = parts[2].Replace('-', '+').Replace('_', '/');
        var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        return bytes.Length == SignatureSize * 2 ? (size, bytes) : throw new FormatException("Fingerprint signature has the wrong size.");
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
