using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Organs;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Features.Clues;

/// <summary>
/// The need-to-know rule (domain.md 12): <see cref="ClueViewer.Visible"/> is the filter every clue query uses;
/// here it is compiled and evaluated over clues brought through the real workflow.
/// </summary>
public sealed class ClueAccessTests
{
    private readonly ClueScenario _s = new();
    private readonly Guid _otherOrgan = Guid.NewGuid();

    [Fact]
    public void Case_managers_and_leaders_see_every_clue_of_their_organ_in_every_state()
    {
        foreach (var role in new[] { Roles.CaseManagement, Roles.CommissionLeader })
        {
            var viewer = Viewer(role);

            Assert.True(viewer.SeesAllOfOrgan);
            Assert.True(Sees(viewer, _s.Registered()), role);
            Assert.True(Sees(viewer, _s.At(ClueState.Assigned)), role);
            Assert.True(Sees(viewer, _s.At(ClueState.Decided)), role);
        }
    }

    [Fact]
    public void Nobody_sees_a_clue_of_another_organ()
    {
        var foreign = new ClueScenario().At(ClueState.Assigned);

        foreach (var role in new[] { Roles.CaseManagement, Roles.CommissionLeader, Roles.PetitionOffice, Roles.SupervisionOffice })
        {
            Assert.False(Sees(Viewer(role), foreign), role);
        }
    }

    [Fact]
    public void A_signed_out_user_a_user_without_organ_and_a_role_without_clue_access_see_nothing()
    {
        var clue = _s.At(ClueState.Assigned);

        Assert.False(Sees(new ClueViewer(UserContext.Anonymous with { OrganId = _s.OrganId, Roles = Set(Roles.CaseManagement) }, []), clue));
        Assert.False(Sees(new ClueViewer(User(Roles.CaseManagement) with { OrganId = null }, []), clue));
        Assert.False(Sees(Viewer(Roles.PartyConductOffice), clue));
        Assert.False(Sees(Viewer(Roles.SystemAdmin), clue));
    }

    [Fact]
    public void An_officer_outside_the_leadership_sees_only_the_clues_assigned_to_them()
    {
        var clue = _s.At(ClueState.InReview);

        Assert.True(Sees(Viewer(_s.Handler), clue));
        Assert.True(Sees(Viewer(_s.Investigator), clue));
        Assert.True(Sees(Viewer(_s.Reviewer), clue));
        Assert.False(Sees(Viewer(Roles.SupervisionOffice), clue));
        Assert.False(Sees(Viewer(Roles.InvestigationOffice), clue));
        Assert.False(Sees(Viewer(Roles.TrialOffice), clue));
    }

    [Fact]
    public void Registering_a_clue_gives_no_lasting_access()
    {
        var registrar = ClueScenario.Officer(Roles.SupervisionOffice, "登记人");
        var clue = new Clue("开阳县-2026-00002", _s.OrganId, ClueSource.FoundInSupervision, ClueScenario.ReceivedOn, false, [new(null, "甲某某", null, null, false, null, "520121", null)], []);
        clue.Registered(registrar, ClueScenario.Now, _s.Deadlines);
        Assert.False(Sees(Viewer(registrar), clue));

        clue.Apply(ClueAction.SubmitToCaseManagement, new(), registrar, ClueScenario.Now, _s.Deadlines);
        clue.Apply(ClueAction.ProposeAllocation, new() { AssigneeId = _s.Handler.UserId }, _s.CaseManager, ClueScenario.Now, _s.Deadlines);
        clue.Apply(ClueAction.ApproveAllocation, new(), _s.Leader, ClueScenario.Now, _s.Deadlines);

        Assert.False(Sees(Viewer(registrar), clue));
        Assert.True(Sees(Viewer(_s.Handler), clue));
    }

    [Fact]
    public void The_petition_office_sees_clues_at_intake_only_even_those_it_registered()
    {
        var registered = _s.Registered();
        var submitted = _s.At(ClueState.CaseManagement);

        Assert.True(Sees(Viewer(Roles.PetitionOffice), registered));
        Assert.True(Sees(Viewer(_s.Petition), registered));
        Assert.False(Sees(Viewer(Roles.PetitionOffice), submitted));
        Assert.False(Sees(Viewer(_s.Petition), submitted));
    }

    [Fact]
    public void A_petition_officer_who_is_also_assigned_sees_the_clue_past_intake()
    {
        var clue = _s.At(ClueState.Assigned);
        var both = new ClueActor(_s.Handler.UserId, _s.Handler.Name, Set(Roles.PetitionOffice, Roles.SupervisionOffice));

        Assert.True(Sees(Viewer(both), clue));
    }

    [Fact]
    public void A_recused_officer_sees_the_clue_no_more_whatever_their_role()
    {
        var clue = _s.At(ClueState.Assigned);
        var caseManager = ClueScenario.Officer(Roles.CaseManagement, "回避的案管");
        clue.Recuse(_s.Handler.UserId, _s.Handler.Name, "近亲属", _s.Leader, ClueScenario.Now);
        clue.Recuse(caseManager.UserId, caseManager.Name, "同学", _s.Leader, ClueScenario.Now);

        Assert.False(Sees(Viewer(_s.Handler), clue));
        Assert.False(Sees(Viewer(caseManager), clue));
        Assert.True(Sees(Viewer(Roles.CaseManagement), clue));
    }

    [Fact]
    public void A_clue_delegated_to_a_collaboration_group_is_seen_by_its_members_and_never_by_the_recused_home_organ()
    {
        var group = Guid.NewGuid();
        var clue = _s.At(ClueState.Assigned);
        clue.DelegateTo(group, _s.OrganId);

        Assert.False(Sees(Viewer(Roles.CaseManagement), clue));
        Assert.False(Sees(Viewer(_s.Handler), clue));
        Assert.True(Sees(Viewer(Roles.CaseManagement, _otherOrgan, group), clue));
        Assert.False(Sees(Viewer(Roles.CaseManagement, _otherOrgan, Guid.NewGuid()), clue));
        Assert.False(Sees(Viewer(Roles.CaseManagement, _otherOrgan), clue));
    }

    [Fact]
    public void Belonging_to_a_group_keeps_the_clues_of_the_own_organ_in_sight()
    {
        var viewer = Viewer(Roles.CaseManagement, _s.OrganId, Guid.NewGuid());

        Assert.True(Sees(viewer, _s.At(ClueState.Assigned)));
    }

    [Fact]
    public void A_clue_escalated_away_from_the_viewers_organ_is_hidden_even_from_its_leaders()
    {
        var clue = _s.At(ClueState.Assigned);
        clue.DelegateTo(null, _s.OrganId);

        Assert.False(Sees(Viewer(Roles.CommissionLeader), clue));
    }

    [Fact]
    public void Only_the_petition_office_reads_who_reported()
    {
        Assert.True(Viewer(Roles.PetitionOffice).SeesReporter);
        Assert.True(Viewer(Roles.PetitionOffice).IsPetitionOffice);
        Assert.False(Viewer(Roles.CommissionLeader).SeesReporter);
        Assert.False(Viewer(Roles.CaseManagement).IsPetitionOffice);
        Assert.False(Viewer(Roles.SupervisionOffice).SeesAllOfOrgan);
        Assert.False(Viewer(Roles.PetitionOffice).SeesAllOfOrgan);
    }

    [Fact]
    public void The_viewer_acts_as_the_signed_in_user()
    {
        var user = User(Roles.SupervisionOffice);

        var actor = new ClueViewer(user, []).Actor;

        Assert.Equal((user.UserId, user.DisplayName), (actor.UserId, actor.Name));
        Assert.Equal(user.Roles, actor.Roles);
    }

    [Fact]
    public async Task The_viewer_carries_the_groups_of_the_users_organ_and_is_kept_for_the_same_user()
    {
        await using var database = await GroupDatabase.CreateAsync();
        var currentUser = new CurrentUser();
        var access = new ClueAccess(currentUser, new JurisdictionService(database, currentUser, TimeProvider.System));
        var ct = TestContext.Current.CancellationToken;

        currentUser.Set(User(Roles.CaseManagement) with { OrganId = database.MemberOrgan });
        var member = await access.ViewerAsync(ct);
        Assert.Equal([database.GroupId], member.Groups);
        Assert.Same(member, await access.ViewerAsync(ct));

        currentUser.Set(User(Roles.CaseManagement) with { OrganId = database.OutsideOrgan });
        var outsider = await access.ViewerAsync(ct);
        Assert.NotSame(member, outsider);
        Assert.Empty(outsider.Groups);

        currentUser.Set(User(Roles.CaseManagement) with { OrganId = null });
        Assert.Empty((await access.ViewerAsync(ct)).Groups);
    }

    [Fact]
    public async Task Nobody_signed_in_has_no_viewer()
    {
        await using var database = await GroupDatabase.CreateAsync();
        var nobody = new CurrentUser();
        var access = new ClueAccess(nobody, new JurisdictionService(database, nobody, TimeProvider.System));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => access.ViewerAsync(TestContext.Current.CancellationToken));
    }

    private static bool Sees(ClueViewer viewer, Clue clue) => viewer.Visible().Compile()(clue);

    private static HashSet<string> Set(params string[] roles) => new(roles, StringComparer.Ordinal);

    private UserContext User(string role) => new(Guid.NewGuid(), "user", "某干部", _s.OrganId, "开阳县纪委监委", Set(role), null);

    private ClueViewer Viewer(string role) => new(User(role), []);

    private ClueViewer Viewer(string role, Guid organ, params Guid[] groups) => new(User(role) with { OrganId = organ }, groups);

    private ClueViewer Viewer(ClueActor officer) =>
        new(new UserContext(officer.UserId, "user", officer.Name, _s.OrganId, "开阳县纪委监委", officer.Roles, null), []);

    /// <summary>
    /// An in-memory SQLite database holding one collaboration group of two organs and a third organ outside it
    /// (foreign keys off: the organs' regions are not needed here).
    /// </summary>
    private sealed class GroupDatabase : IDbContextFactory<QingfengDb>, IAsyncDisposable
    {
        private readonly SqliteConnection _connection = new("Data Source=:memory:;Foreign Keys=False");

        private GroupDatabase()
        {
        }

        public Guid MemberOrgan { get; private set; }

        public Guid OutsideOrgan { get; private set; }

        public Guid GroupId { get; private set; }

        public static async Task<GroupDatabase> CreateAsync()
        {
            var database = new GroupDatabase();
            await database._connection.OpenAsync();
            await using var db = database.CreateDbContext();
            await db.Database.EnsureCreatedAsync();
            var a = new Organ("甲镇纪委", OrganKind.TownshipCommission, "520121100");
            var b = new Organ("乙镇纪委", OrganKind.TownshipCommission, "520121101");
            var c = new Organ("丙镇纪委", OrganKind.TownshipCommission, "520121102");
            var group = new CollaborationGroup("第一片区", [a, b]);
            db.AddRange(a, b, c, group);
            await db.SaveChangesAsync();
            (database.MemberOrgan, database.OutsideOrgan, database.GroupId) = (a.Id, c.Id, group.Id);
            return database;
        }

        public QingfengDb CreateDbContext() =>
            new SqliteQingfengDb(new DbContextOptionsBuilder<SqliteQingfengDb>().UseSqlite(_connection).Options);

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
