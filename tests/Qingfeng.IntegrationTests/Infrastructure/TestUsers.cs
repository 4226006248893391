using Qingfeng.Platform.Security;

namespace Qingfeng.IntegrationTests.Infrastructure;

public sealed record TestUser(string UserName, string Organ, string Role);

/// <summary>The personas of the tests, one per organ and role that matters.</summary>
public static class TestUsers
{
    public static readonly TestUser ProvinceLeader = new("t.gz.leader", "贵州省纪委监委", Roles.CommissionLeader);
    public static readonly TestUser ProvinceCaseManagement = new("t.gz.casemgmt", "贵州省纪委监委", Roles.CaseManagement);
    public static readonly TestUser KaiyangLeader = new("t.ky.leader", "开阳县纪委监委", Roles.CommissionLeader);
    public static readonly TestUser KaiyangSupervision = new("t.ky.supervision", "开阳县纪委监委", Roles.SupervisionOffice);
    public static readonly TestUser KaiyangCaseManagement = new("t.ky.casemgmt", "开阳县纪委监委", Roles.CaseManagement);
    public static readonly TestUser KaiyangPetition = new("t.ky.petition", "开阳县纪委监委", Roles.PetitionOffice);
    public static readonly TestUser KaiyangInvestigation = new("t.ky.investigation", "开阳县纪委监委", Roles.InvestigationOffice);
    public static readonly TestUser KaiyangTrial = new("t.ky.trial", "开阳县纪委监委", Roles.TrialOffice);
    public static readonly TestUser KaiyangSupervision2 = new("t.ky.supervision2", "开阳县纪委监委", Roles.SupervisionOffice);
    public static readonly TestUser KaiyangPartyConduct = new("t.ky.partyconduct", "开阳县纪委监委", Roles.PartyConductOffice);
    public static readonly TestUser KaiyangStationed = new("t.ky.stationed", "开阳县纪委监委派驻第一纪检监察组", Roles.StationedTeam);
    public static readonly TestUser ChishuiSupervision = new("t.cs.supervision", "赤水市纪委监委", Roles.SupervisionOffice);
    public static readonly TestUser StationedHealth = new("t.zs.health", "省纪委监委驻省卫生健康委纪检监察组", Roles.StationedTeam);
    public static readonly TestUser SystemAdmin = new("t.sysadmin", "贵州省纪委监委", Roles.SystemAdmin);
    public static readonly TestUser SecurityAdmin = new("t.secadmin", "贵州省纪委监委", Roles.SecurityAdmin);
    public static readonly TestUser AuditAdmin = new("t.auditadmin", "贵州省纪委监委", Roles.AuditAdmin);

    public static IReadOnlyList<TestUser> All { get; } =
    [
        ProvinceLeader, ProvinceCaseManagement, KaiyangLeader, KaiyangSupervision, KaiyangCaseManagement, KaiyangPetition,
        KaiyangInvestigation, KaiyangTrial, KaiyangSupervision2, KaiyangPartyConduct, KaiyangStationed, ChishuiSupervision,
        StationedHealth, SystemAdmin, SecurityAdmin, AuditAdmin,
    ];
}
