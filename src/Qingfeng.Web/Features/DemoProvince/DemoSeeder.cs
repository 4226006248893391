using Microsoft.AspNetCore.Identity;
using Qingfeng.Features.Accounts;

namespace Qingfeng.Features.DemoProvince;

/// <summary>The <c>Demo</c> configuration section.</summary>
public sealed class DemoOptions
{
    /// <summary>Generate the demo province into an empty database on start.</summary>
    public bool Seed { get; set; } = true;

    public DemoScale Scale { get; set; } = DemoScale.Demo;

    /// <summary>The published password of every demo account (demo mode on SQLite only).</summary>
    public string Password { get; set; } = "Qingfeng@2026";
}

public sealed record DemoUser(string UserName, string DisplayName, string OrganName, string Role, string Description);

/// <summary>Migrates the database, seeds roles, the demo province and the demo accounts, and prints the logins.</summary>
public sealed class DemoSeeder(
    QingfengDatabase database,
    DemoOptions options,
    SecurityOptions security,
    IServiceScopeFactory scopeFactory,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("sysadmin", "系统管理员", "贵州省纪委监委", Roles.SystemAdmin, "system administrator: accounts (no business data)"),
        new("secadmin", "安全保密管理员", "贵州省纪委监委", Roles.SecurityAdmin, "security administrator: roles, unlocks"),
        new("auditadmin", "安全审计员", "贵州省纪委监委", Roles.AuditAdmin, "audit administrator: audit trail"),
        new("gz.leader", "省纪委领导", "贵州省纪委监委", Roles.CommissionLeader, "provincial commission leader: whole province, family data"),
        new("gz.casemgmt", "省案管室干部", "贵州省纪委监委", Roles.CaseManagement, "provincial case management: roster import"),
        new("gy.supervision", "贵阳市监督检查室干部", "贵阳市纪委监委", Roles.SupervisionOffice, "Guiyang city supervision office"),
        new("ky.leader", "开阳县纪委监委领导", "开阳县纪委监委", Roles.CommissionLeader, "Kaiyang county commission leader: escalation, area collaboration"),
        new("ky.supervision", "开阳县监督检查室干部", "开阳县纪委监委", Roles.SupervisionOffice, "Kaiyang county supervision office"),
        new("ky.casemgmt", "开阳县案管室干部", "开阳县纪委监委", Roles.CaseManagement, "Kaiyang county case management: clue register, allocation, statistics"),
        new("ky.petition", "开阳县信访室干部", "开阳县纪委监委", Roles.PetitionOffice, "Kaiyang county petition office: registers clues, sees reporters"),
        new("ky.investigation", "开阳县审查调查室干部", "开阳县纪委监委", Roles.InvestigationOffice, "Kaiyang county investigation office"),
        new("ky.trial", "开阳县案件审理室干部", "开阳县纪委监委", Roles.TrialOffice, "Kaiyang county trial (case review) office"),
        new("cs.supervision", "赤水市监督检查室干部", "赤水市纪委监委", Roles.SupervisionOffice, "Chishui city supervision office (another county)"),
        new("zs.health", "驻省卫健委纪检监察组干部", "省纪委监委驻省卫生健康委纪检监察组", Roles.StationedTeam, "stationed team: the provincial health commission only"),
        new("ky.partyconduct", "开阳县党风政风监督室干部", "开阳县纪委监委", Roles.PartyConductOffice, "Kaiyang party-conduct office: 述责述廉 review (level 3), accountability"),
        new("ky.stationed", "开阳县派驻第一纪检监察组干部", "开阳县纪委监委派驻第一纪检监察组", Roles.StationedTeam, "Kaiyang stationed team: 述责述廉 review (level 1)"),
        new("ky.inspection", "开阳县委巡察办干部", "中共开阳县委巡察工作领导小组办公室", Roles.InspectionStaff, "Kaiyang county inspection office"),
    ];

    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<QingfengRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new QingfengRole(role));
            }
        }

        if (options.Seed)
        {
            var started = time.GetTimestamp();
            var stats = await DemoProvinceGenerator.GenerateAsync(database, options.Scale, time, cancellationToken);
            logger.LogInformation("Demo province ready ({Stats}) in {Elapsed:0.0} s.", stats, time.GetElapsedTime(started).TotalSeconds);
        }

        var policy = new AccountPolicy(security, database);
        if (!policy.DemoMode || !options.Seed)
        {
            return;
        }

        await SeedUsersAsync(scope.ServiceProvider, cancellationToken);
        var clues = await scope.ServiceProvider.GetRequiredService<DemoClues>().SeedAsync(cancellationToken);
        if (clues > 0)
        {
            logger.LogInformation("Demo clues ready ({Count}).", clues);
        }

        await scope.ServiceProvider.GetRequiredService<DemoRectification>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoDutyReports>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoTalks>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoAccountability>().SeedAsync(cancellationToken);

        logger.LogInformation(
            "Demo logins (password {Password}, two-factor optional in demo mode):{Logins}",
            options.Password,
            string.Concat(Users.Select(u => $"{Environment.NewLine}  {u.UserName,-15} {u.Description}")));
    }

    private async Task SeedUsersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var userManager = services.GetRequiredService<UserManager<QingfengUser>>();
        await using var db = database.Create(DbActor.System);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        foreach (var demo in Users)
        {
            if (await userManager.FindByNameAsync(demo.UserName) is not null || !organs.TryGetValue(demo.OrganName, out var organId))
            {
                continue;
            }

            var user = new QingfengUser { UserName = demo.UserName, DisplayName = demo.DisplayName, OrganId = organId, IsDemo = true };
            var created = await userManager.CreateAsync(user, options.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {demo.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await userManager.AddToRoleAsync(user, demo.Role);
        }
    }
}

public static class DemoProvinceFeature
{
    public static IServiceCollection AddDemoProvince(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions());
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoClues>();
        services.AddSingleton<DemoRectification>();
        services.AddSingleton<DemoDutyReports>();
        services.AddSingleton<DemoTalks>();
        services.AddSingleton<DemoAccountability>();
        return services;
    }
}
