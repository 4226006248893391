using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Decisions;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.Tests.Features.Supervision;

/// <summary>The supervised subject is one complex type, mapped onto the column names the flattened entities had.</summary>
public sealed class SubjectMappingTests : IAsyncLifetime
{
    private const string All = "UnitId UnitName RegionKey OfficialId OfficialName OfficialPosition IsPrincipal LeaderCategory";

    private readonly SqliteConnection _connection = new("Data Source=:memory:;Foreign Keys=False");
    private SqliteQingfengDb _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Type, string, string> Tables => new()
    {
        // entity, table, the subject's members as "member" or "member=column" where the column has another name
        { typeof(Talk), "Talks", All },
        { typeof(Inquiry), "Inquiries", All },
        { typeof(AccountabilityDecision), "AccountabilityDecisions", All },
        { typeof(Reminder), "Reminders", "UnitId UnitName RegionKey OfficialId OfficialName OfficialPosition IsPrincipal" },
        { typeof(DutyReport), "DutyReports", "UnitId UnitName RegionKey OfficialId OfficialName OfficialPosition=Position" },
        { typeof(RectificationItem), "RectificationItems", "UnitId UnitName RegionKey OfficialId OfficialName IsPrincipal" },
        { typeof(Recommendation), "Recommendations", "UnitId UnitName RegionKey OfficialId=PrincipalId OfficialName=PrincipalName" },
        { typeof(DecisionRecord), "DecisionRecords", "UnitId UnitName RegionKey OfficialId=PrincipalId OfficialName=PrincipalName" },
        { typeof(AdoptedRule), "AdoptedRules", "UnitId RegionKey" },
    };

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(Ct);
        _db = new SqliteQingfengDb(new DbContextOptionsBuilder<SqliteQingfengDb>().UseSqlite(_connection).Options);
        await _db.Database.EnsureCreatedAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_subject_keeps_the_column_names_of_each_table(Type entity, string table, string members)
    {
        var type = _db.Model.FindEntityType(entity)!;
        var store = StoreObjectIdentifier.Table(table);
        var subject = type.FindComplexProperty(nameof(ISupervisedRecord.Subject))!.ComplexType;

        var mapped = subject.GetProperties().ToDictionary(p => p.Name, p => p.GetColumnName(store));

        var expected = members.Split(' ').Select(m => m.Split('=')).ToDictionary(m => m[0], m => m[^1]);
        Assert.Equal(expected.OrderBy(e => e.Key), mapped.OrderBy(e => e.Key)!);
        Assert.Equal(table, type.GetTableName());
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_unit_region_and_official_indexes_stand_on_the_subject_columns(Type entity, string table, string members)
    {
        var type = _db.Model.FindEntityType(entity)!;
        var store = StoreObjectIdentifier.Table(table);
        var columns = type.GetProperties().Where(p => p.Name is SubjectMapping.UnitId or SubjectMapping.RegionKey or SubjectMapping.OfficialId)
            .Select(p => p.GetColumnName(store)).Order().ToList();
        var subjectColumns = members.Split(' ').Select(m => m.Split('=')).Where(m => m[0] is "UnitId" or "RegionKey" or "OfficialId").Select(m => m[^1]).Order();

        Assert.Equal(subjectColumns, columns);
        Assert.Contains(type.GetIndexes(), i => i.Properties.Any(p => p.Name == SubjectMapping.RegionKey));
    }

    [Fact]
    public async Task A_record_writes_its_subject_into_the_flat_columns_and_reads_it_back()
    {
        var subject = new SupervisedSubject(Guid.CreateVersion7(), "开阳县教育局", "520121", Guid.CreateVersion7(), "张三", "局长", true, LeaderCategory.CityCountyPartyGovernment);
        var reminder = Reminder.Letter(Guid.CreateVersion7(), subject, new DateOnly(2026, 12, 1), "提醒函", "问题", "建议", null);
        _db.Add(reminder);
        await _db.SaveChangesAsync(Ct);
        _db.ChangeTracker.Clear();

        var row = await _db.Database.SqlQueryRaw<ReminderRow>(
            "SELECT UnitId, UnitName, RegionKey, OfficialId, OfficialName, OfficialPosition, IsPrincipal FROM Reminders").SingleAsync(Ct);
        Assert.Equal(new ReminderRow(subject.UnitId, "开阳县教育局", "520121", subject.OfficialId!.Value, "张三", "局长", true), row);

        var read = await _db.Reminders.AsNoTracking().Where(r => r.Subject.RegionKey == "520121" && r.Subject.OfficialId == subject.OfficialId).SingleAsync(Ct);
        Assert.Equal(subject with { LeaderCategory = null }, read.Subject);
    }

    private sealed record ReminderRow(Guid UnitId, string UnitName, string RegionKey, Guid OfficialId, string OfficialName, string OfficialPosition, bool IsPrincipal);
}
