namespace Qingfeng.Features.Roster;

public enum OfficialSort
{
    Name,
    Unit,
    Category,
    Position,
}

/// <summary>Filter, sort and page for the officials list (page numbers start at 1).</summary>
public sealed record OfficialQuery : PageRequest
{
    /// <summary>Name, pinyin (zhangwei) or initials (zw).</summary>
    [StringLength(32)]
    public string? Search { get; init; }

    [StringLength(128)]
    public string? Unit { get; init; }

    [StringLength(12)]
    [RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")]
    public string? RegionCode { get; init; }

    public LeaderCategory? Category { get; init; }

    public bool? PrincipalOnly { get; init; }

    public OfficialSort? Sort { get; init; }

    public bool? Descending { get; init; }
}

public sealed record OfficialListItem(
    Guid Id,
    string Name,
    Gender Gender,
    DateOnly? BirthDate,
    string? UnitName,
    string Position,
    bool IsPrincipal,
    LeaderCategory? Category,
    OfficialRank Rank,
    string RegionKey,
    Guid? UnitId);

public sealed record TenureItem(Guid Id, string UnitName, string PostTitle, bool IsPrincipal, DateOnly Start, DateOnly? End);

public sealed record FamilyMemberItem(FamilyRelation Relation, string Name, string? Employer, string? Position);

public sealed record OfficialProfile(
    Guid Id,
    string Name,
    string NamePinyin,
    Gender Gender,
    DateOnly? BirthDate,
    Guid? UnitId,
    string? UnitName,
    string? RegionPath,
    string Position,
    bool IsPrincipal,
    LeaderCategory? Category,
    OfficialRank Rank,
    IReadOnlyList<TenureItem> Tenures,
    IReadOnlyList<FamilyMemberItem>? Family);

public sealed record UnitQuery : PageRequest
{
    [StringLength(64)]
    public string? Search { get; init; }

    [StringLength(12)]
    [RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")]
    public string? RegionCode { get; init; }

    public UnitKind? Kind { get; init; }

    /// <summary>Only units located directly in <see cref="RegionCode"/>, not in the regions below it.</summary>
    public bool? DirectOnly { get; init; }
}

public sealed record UnitListItem(Guid Id, string Name, UnitKind Kind, ManagingLevel ManagingLevel, string Sector, string RegionCode, string RegionName, int OfficialCount);

/// <summary>Head counts within the user's jurisdiction, for the workbench.</summary>
public sealed record RosterSummary(int Officials, int Principals, int Units);

public sealed record RegionNode(string Code, string Name, RegionLevel Level, bool HasChildren);

public sealed record RegionChildren(IReadOnlyList<RegionNode> Regions, IReadOnlyList<UnitListItem> Units);
