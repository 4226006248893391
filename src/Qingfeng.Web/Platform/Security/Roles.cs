namespace Qingfeng.Platform.Security;

/// <summary>
/// The roles of domain.md: three separated administrators (三员分立) who see no business data,
/// and the business roles of a commission, kept apart (查审分离).
/// </summary>
public static class Roles
{
    public const string SystemAdmin = "sysadmin";
    public const string SecurityAdmin = "secadmin";
    public const string AuditAdmin = "auditadmin";

    public const string CommissionLeader = "leader";
    public const string PetitionOffice = "petition";
    public const string CaseManagement = "casemgmt";
    public const string SupervisionOffice = "supervision";
    public const string InvestigationOffice = "investigation";
    public const string TrialOffice = "trial";
    public const string PartyConductOffice = "partyconduct";
    public const string StationedTeam = "stationed";
    public const string InspectionStaff = "inspection";

    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];

    public static readonly IReadOnlyList<string> Business =
    [
        CommissionLeader, PetitionOffice, CaseManagement, SupervisionOffice, InvestigationOffice,
        TrialOffice, PartyConductOffice, StationedTeam, InspectionStaff,
    ];

    public static readonly IReadOnlyList<string> All = [.. Administrators, .. Business];

    public static bool IsAdministrator(string role) => Administrators.Contains(role);
}

/// <summary>What a user may do. Pages and route groups check these; services check them again.</summary>
public enum Permission
{
    RosterRead,
    RosterFamilyRead,
    RosterManage,
    AuditRead,
    UsersManage,
    RolesAssign,

    /// <summary>Decide escalated supervision and area collaboration for the organs below (commission leadership).</summary>
    JurisdictionManage,

    /// <summary>Maintain the holiday schedules (节假日安排) of the working-day calendar.</summary>
    CalendarManage,

    /// <summary>Work on problem clues and cases; what each user sees is narrowed further by need-to-know.</summary>
    ClueRead,

    /// <summary>Register clues (信访室, 案管室, and offices that find clues in their own work).</summary>
    ClueRegister,

    /// <summary>The clue and case funnel statistics of the organ.</summary>
    ClueStatistics,

    /// <summary>Read the daily-supervision records (talks, 述责述廉, rectification, accountability, recommendations, decisions) within jurisdiction.</summary>
    SupervisionRead,

    /// <summary>Record and carry out daily supervision: talks, letters of inquiry, rectification items, recommendations, reminders, decision checks.</summary>
    SupervisionManage,

    /// <summary>Approve the close-out (销号) of a rectification item: the supervising office or the commission leadership.</summary>
    RectificationCloseOut,

    /// <summary>Run 述责述廉 campaigns and review reports at a review level (stationed team, supervision office, party-conduct office).</summary>
    DutyReportReview,

    /// <summary>Decide accountability (问责) and issue its 通报: the party-conduct office and the leadership.</summary>
    AccountabilityManage,
}

/// <summary>The one table from roles to permissions.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Permission, string[]> Map = new()
    {
        [Permission.RosterRead] = [.. Roles.Business],
        [Permission.RosterFamilyRead] = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.InvestigationOffice],
        [Permission.RosterManage] = [Roles.CommissionLeader, Roles.CaseManagement],
        [Permission.AuditRead] = [Roles.AuditAdmin],
        [Permission.UsersManage] = [Roles.SystemAdmin],
        [Permission.RolesAssign] = [Roles.SecurityAdmin],
        [Permission.JurisdictionManage] = [Roles.CommissionLeader],
        [Permission.CalendarManage] = [Roles.SystemAdmin],

        [Permission.ClueRead] =
        [
            Roles.CommissionLeader, Roles.PetitionOffice, Roles.CaseManagement, Roles.SupervisionOffice,
            Roles.InvestigationOffice, Roles.TrialOffice, Roles.StationedTeam,
        ],
        [Permission.ClueRegister] = [Roles.PetitionOffice, Roles.CaseManagement, Roles.SupervisionOffice, Roles.StationedTeam],
        [Permission.ClueStatistics] = [Roles.CommissionLeader, Roles.CaseManagement],

        [Permission.SupervisionRead] =
        [
            Roles.CommissionLeader, Roles.CaseManagement, Roles.SupervisionOffice, Roles.PartyConductOffice,
            Roles.StationedTeam, Roles.InspectionStaff,
        ],
        [Permission.SupervisionManage] = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam],
        [Permission.RectificationCloseOut] = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice],
        [Permission.DutyReportReview] = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam],
        [Permission.AccountabilityManage] = [Roles.CommissionLeader, Roles.PartyConductOffice],
    };

    public static IReadOnlyList<string> RolesFor(Permission permission) => Map[permission];

    public static bool Grants(IEnumerable<string> roles, Permission permission) => roles.Any(Map[permission].Contains);

    public static string PolicyName(Permission permission) => "perm:" + permission;
}
