namespace Qingfeng.Features.Roster;

/// <summary>
/// An administrative region (行政区划) keyed by its code: six digits (GB/T 2260) for province,
/// prefecture and county, nine for a township and twelve for a village (统计用区划代码).
/// </summary>
public sealed class Region
{
    private Region()
    {
    }

    public Region(string code, string name, RegionLevel level, string? parentCode)
    {
        var error = Validate(code, level, parentCode);
        if (error is not null)
        {
            throw new DomainRuleException(error, code);
        }

        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        TreeKey = TreeKeyOf(code, level);
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public RegionLevel Level { get; private set; }

    public string? ParentCode { get; private set; }

    /// <summary>The significant prefix of the code (2, 4, 6, 9 or 12 digits): a region's subtree is every key starting with it.</summary>
    public string TreeKey { get; private set; } = "";

    public static int SignificantDigits(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.Prefecture => 4,
        RegionLevel.County => 6,
        RegionLevel.Township => 9,
        RegionLevel.Village => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string TreeKeyOf(string code, RegionLevel level) => code[..SignificantDigits(level)];

    /// <summary>Returns a rule code when the code does not fit the level or the parent, otherwise null.</summary>
    public static string? Validate(string code, RegionLevel level, string? parentCode)
    {
        var expectedLength = level <= RegionLevel.County ? 6 : SignificantDigits(level);
        if (code.Length != expectedLength || !code.All(char.IsAsciiDigit))
        {
            return "Region.CodeFormat";
        }

        var key = TreeKeyOf(code, level);
        var ownDigits = key[(level == RegionLevel.Province ? 0 : SignificantDigits(level - 1))..];
        if (code[key.Length..].Any(c => c != '0') || (level <= RegionLevel.County && ownDigits.All(c => c == '0')))
        {
            return "Region.CodeFormat";
        }

        if (level == RegionLevel.Province)
        {
            return parentCode is null ? null : "Region.ParentMismatch";
        }

        var parentKeyLength = SignificantDigits(level - 1);
        if (parentCode is null || parentCode.Length < parentKeyLength || !code.StartsWith(parentCode[..parentKeyLength], StringComparison.Ordinal))
        {
            return "Region.ParentMismatch";
        }

        return null;
    }
}
