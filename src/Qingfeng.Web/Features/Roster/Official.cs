namespace Qingfeng.Features.Roster;

/// <summary>
/// An official (干部) on the roster, with tenure history. Holding a principal post makes them a
/// 一把手 (<see cref="IsPrincipal"/>) of a <see cref="LeaderCategory"/>.
/// </summary>
public sealed class Official : Entity
{
    private Official()
    {
    }

    public Official(string name, string namePinyin, string nameInitials, Gender gender, DateOnly? birthDate)
    {
        Name = name;
        NamePinyin = namePinyin;
        NameInitials = nameInitials;
        Gender = gender;
        BirthDate = birthDate;
    }

    public string Name { get; private set; } = "";

    /// <summary>Full pinyin without tones or spaces (zhangwei), for search.</summary>
    public string NamePinyin { get; private set; } = "";

    /// <summary>Pinyin initials (zw), for search.</summary>
    public string NameInitials { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>Unit of the current main post; null when the official holds no post.</summary>
    public Guid? UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    /// <summary>Tree key of the current unit's region; the jurisdiction filter reads it.</summary>
    public string RegionKey { get; private set; } = "";

    public string Position { get; private set; } = "";

    public bool IsPrincipal { get; private set; }

    public LeaderCategory? LeaderCategory { get; private set; }

    public OfficialRank Rank { get; private set; } = OfficialRank.Other;

    public List<Tenure> Tenures { get; private set; } = [];

    public List<FamilyMember> FamilyMembers { get; private set; } = [];

    /// <summary>Starts a tenure on <paramref name="post"/>; the post and its unit must be loaded.</summary>
    public Tenure BeginTenure(Post post, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(post.Unit);
        if (Tenures.Any(t => t.PostId == post.Id && t.End is null))
        {
            throw new DomainRuleException("Tenure.AlreadyHolding", post.Title);
        }

        if (BirthDate is { } born && start < born.AddYears(18))
        {
            throw new DomainRuleException("Tenure.StartBeforeAdulthood");
        }

        var tenure = new Tenure(this, post, start);
        Tenures.Add(tenure);
        RefreshCurrentPosition();
        return tenure;
    }

    public void EndTenure(Guid tenureId, DateOnly end)
    {
        var tenure = Tenures.SingleOrDefault(t => t.Id == tenureId)
            ?? throw DomainRuleException.NotFound("Tenure.NotFound");
        tenure.Close(end);
        RefreshCurrentPosition();
    }

    public FamilyMember AddFamilyMember(FamilyRelation relation, string name, string? employer, string? position)
    {
        var member = new FamilyMember(Id, relation, name, employer, position);
        FamilyMembers.Add(member);
        return member;
    }

    /// <summary>Derives unit, position and 一把手 status from the open tenures (principal posts first).</summary>
    private void RefreshCurrentPosition()
    {
        var current = Tenures
            .Where(t => t.End is null && t.Post is not null)
            .OrderByDescending(t => t.Post!.IsPrincipal)
            .ThenByDescending(t => t.Start)
            .FirstOrDefault();
        if (current?.Post?.Unit is not { } unit)
        {
            UnitId = null;
            Unit = null;
            Position = "";
            IsPrincipal = false;
            LeaderCategory = null;
            return;
        }

        var post = current.Post;
        UnitId = unit.Id;
        Unit = unit;
        RegionKey = unit.RegionKey;
        Position = post.Title;
        IsPrincipal = post.IsPrincipal;
        LeaderCategory = post.LeaderCategory;
        Rank = post.Rank;
    }
}

/// <summary>A period during which an official held a post (任职经历).</summary>
public sealed class Tenure : Entity
{
    private Tenure()
    {
    }

    internal Tenure(Official official, Post post, DateOnly start)
    {
        OfficialId = official.Id;
        PostId = post.Id;
        Post = post;
        Start = start;
    }

    public Guid OfficialId { get; private set; }

    public Guid PostId { get; private set; }

    public Post? Post { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly? End { get; private set; }

    internal void Close(DateOnly end)
    {
        if (End is not null)
        {
            throw new DomainRuleException("Tenure.AlreadyEnded");
        }

        if (end < Start)
        {
            throw new DomainRuleException("Tenure.EndBeforeStart");
        }

        End = end;
    }
}

/// <summary>A family member (家庭成员) of an official: confidential, shown only to roles that need it.</summary>
public sealed class FamilyMember : Entity
{
    private FamilyMember()
    {
    }

    internal FamilyMember(Guid officialId, FamilyRelation relation, string name, string? employer, string? position)
    {
        OfficialId = officialId;
        Relation = relation;
        Name = name;
        Employer = employer;
        Position = position;
    }

    public Guid OfficialId { get; private set; }

    public FamilyRelation Relation { get; private set; }

    public string Name { get; private set; } = "";

    public string? Employer { get; private set; }

    public string? Position { get; private set; }
}
