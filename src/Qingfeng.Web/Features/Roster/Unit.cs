namespace Qingfeng.Features.Roster;

/// <summary>A unit (单位): party committee, department, SOE, township, hospital, village committee…</summary>
public sealed class Unit : Entity
{
    private Unit()
    {
    }

    public Unit(string name, UnitKind kind, ManagingLevel managingLevel, string sector, Region region, Unit? parent = null)
    {
        Name = name;
        Kind = kind;
        ManagingLevel = managingLevel;
        Sector = sector;
        RegionCode = region.Code;
        RegionKey = region.TreeKey;
        ParentId = parent?.Id;
    }

    public string Name { get; private set; } = "";

    public UnitKind Kind { get; private set; }

    public ManagingLevel ManagingLevel { get; private set; }

    /// <summary>Sector (行业领域), e.g. 卫生健康, 交通运输, 金融.</summary>
    public string Sector { get; private set; } = "";

    public string RegionCode { get; private set; } = "";

    /// <summary>Copy of the region's tree key, so that jurisdiction filters need no join.</summary>
    public string RegionKey { get; private set; } = "";

    public Guid? ParentId { get; private set; }

    public List<Post> Posts { get; private set; } = [];
}

/// <summary>A post (职务) in a unit; a principal post makes its holder a 一把手.</summary>
public sealed class Post : Entity
{
    private Post()
    {
    }

    public Post(Unit unit, string title, bool isPrincipal, LeaderCategory? category, OfficialRank rank)
    {
        UnitId = unit.Id;
        Unit = unit;
        Title = title;
        IsPrincipal = isPrincipal;
        LeaderCategory = isPrincipal ? category : null;
        Rank = rank;
    }

    public Guid UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    public string Title { get; private set; } = "";

    public bool IsPrincipal { get; private set; }

    public LeaderCategory? LeaderCategory { get; private set; }

    public OfficialRank Rank { get; private set; }
}
