namespace Qingfeng.Features.Roster;

/// <summary>Administrative level of a region (GB/T 2260 for the first three, statistical codes below).</summary>
public enum RegionLevel
{
    Province = 1,
    Prefecture = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>Kind of unit (单位类型).</summary>
public enum UnitKind
{
    PartyCommittee = 1,
    Government = 2,
    Department = 3,
    StateOwnedEnterprise = 4,
    FinancialInstitution = 5,
    DevelopmentZone = 6,
    Township = 7,
    Hospital = 8,
    School = 9,
    VillageOrCommunity = 10,
    PublicInstitution = 11,
}

/// <summary>Which level's party committee manages the unit's leaders (干部管理权限: 省管/市管/县管/乡管).</summary>
public enum ManagingLevel
{
    Provincial = 1,
    Prefectural = 2,
    County = 3,
    Township = 4,
}

/// <summary>
/// Category of a 一把手 for typed case analysis: the four categories of domain.md A2
/// plus township/village leaders, grass-roots institutions, and the heads of city and county
/// departments (who fit none of the four but are 一把手 of their units and are analysed by sector).
/// </summary>
public enum LeaderCategory
{
    CityCountyPartyGovernment = 1,
    ProvincialDepartment = 2,
    ProvincialSoeOrFinance = 3,
    DevelopmentZone = 4,
    TownshipOrVillage = 5,
    GrassRootsInstitution = 6,
    CityCountyDepartment = 7,
}

/// <summary>Rank band used in statistics (省部级 … 一般干部).</summary>
public enum OfficialRank
{
    ProvincialMinisterial = 1,
    DepartmentBureau = 2,
    CountyDivision = 3,
    TownshipSection = 4,
    Other = 5,
}

public enum Gender
{
    Male = 1,
    Female = 2,
}

public enum FamilyRelation
{
    Spouse = 1,
    Child = 2,
    Parent = 3,
    ChildInLaw = 4,
    Sibling = 5,
}
