using Qingfeng.Features.Roster;

namespace Qingfeng.Features.Supervision;

/// <summary>The subject criteria every supervision ledger offers, read the same way everywhere.</summary>
public static class SubjectFilter
{
    /// <summary>
    /// The records about this unit, this official, this leader category, or about a 一把手 only; a criterion left null (or
    /// <paramref name="principalOnly"/> not true) does not filter.
    /// </summary>
    public static IQueryable<T> About<T>(this IQueryable<T> records, Guid? unitId = null, Guid? officialId = null, LeaderCategory? category = null, bool? principalOnly = null)
        where T : class, ISupervisedRecord
    {
        if (unitId is { } unit)
        {
            records = records.Where(x => x.Subject.UnitId == unit);
        }

        if (officialId is { } official)
        {
            records = records.Where(x => x.Subject.OfficialId == official);
        }

        if (category is { } leaderCategory)
        {
            records = records.Where(x => x.Subject.LeaderCategory == leaderCategory);
        }

        if (principalOnly == true)
        {
            records = records.Where(x => x.Subject.IsPrincipal);
        }

        return records;
    }
}
