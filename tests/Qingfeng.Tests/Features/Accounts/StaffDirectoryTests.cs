using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Accounts;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Features.Accounts;

/// <summary>"The users of these organs with these roles", asked once for every sweep, picker and demo seeder.</summary>
public sealed class StaffDirectoryTests : IAsyncLifetime
{
    private static readonly Guid Kaiyang = Guid.CreateVersion7();
    private static readonly Guid Xifeng = Guid.CreateVersion7();
    private static readonly Guid Elsewhere = Guid.CreateVersion7();

    private readonly SqliteConnection _connection = new("Data Source=:memory:;Foreign Keys=False");
    private SqliteQingfengDb _db = null!;
    private QingfengUser _officer = null!;
    private QingfengUser _leader = null!;
    private QingfengUser _demoOfficer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(Ct);
        _db = new SqliteQingfengDb(new DbContextOptionsBuilder<SqliteQingfengDb>().UseSqlite(_connection).Options);
        await _db.Database.EnsureCreatedAsync(Ct);
        var roles = new[] { Roles.SupervisionOffice, Roles.CommissionLeader, Roles.CaseManagement }.ToDictionary(r => r, r => new QingfengRole(r));
        _db.Roles.AddRange(roles.Values);
        QingfengUser User(string name, Guid? organ, bool demo, params string[] held)
        {
            var user = new QingfengUser { UserName = name, DisplayName = name, OrganId = organ, IsDemo = demo };
            _db.Users.Add(user);
            _db.UserRoles.AddRange(held.Select(r => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[r].Id }));
            return user;
        }

        _officer = User("开阳监督室", Kaiyang, false, Roles.SupervisionOffice);
        _leader = User("开阳领导", Kaiyang, false, Roles.CommissionLeader, Roles.SupervisionOffice);
        _demoOfficer = User("开阳演示", Kaiyang, true, Roles.SupervisionOffice);
        User("开阳案管", Kaiyang, false, Roles.CaseManagement);
        User("息烽监督室", Xifeng, false, Roles.SupervisionOffice);
        User("他处监督室", Elsewhere, false, Roles.SupervisionOffice);
        User("无机关", null, false, Roles.SupervisionOffice);
        await _db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Members_are_the_users_of_the_organs_holding_the_roles_one_row_per_role()
    {
        var members = await StaffDirectory.Members(_db, [Kaiyang, Xifeng], [Roles.SupervisionOffice, Roles.CommissionLeader]).ToListAsync(Ct);

        string[] expected = ["开阳演示/supervision", "开阳监督室/supervision", "开阳领导/leader", "开阳领导/supervision", "息烽监督室/supervision"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), members.Select(m => $"{m.DisplayName}/{m.Role}").Order(StringComparer.Ordinal));
        Assert.All(members.Where(m => m.UserId == _leader.Id), m => Assert.Equal(Kaiyang, m.OrganId));
    }

    [Fact]
    public async Task The_demo_province_asks_for_its_own_users_and_every_role_when_none_is_named()
    {
        var demo = await StaffDirectory.Members(_db, [Kaiyang], roles: null, demoOnly: true).ToListAsync(Ct);
        var everyone = await StaffDirectory.Members(_db, [Kaiyang], roles: null).ToListAsync(Ct);

        Assert.Equal([_demoOfficer.Id], demo.Select(m => m.UserId));
        Assert.Equal(5, everyone.Count);
    }

    [Fact]
    public async Task Users_holding_any_of_the_roles_come_once_and_compose_further()
    {
        var users = await StaffDirectory.Users(_db, [Kaiyang], [Roles.SupervisionOffice, Roles.CommissionLeader])
            .Where(u => u.Id != _demoOfficer.Id).OrderBy(u => u.DisplayName).Select(u => u.Id).ToListAsync(Ct);

        Assert.Equal(new[] { _officer.Id, _leader.Id }.Order(), users.Order());
        Assert.Empty(await StaffDirectory.Users(_db, [], [Roles.SupervisionOffice]).ToListAsync(Ct));
    }
}
