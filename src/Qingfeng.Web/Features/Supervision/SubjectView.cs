using Qingfeng.Features.Roster;

namespace Qingfeng.Features.Supervision;

/// <summary>
/// The supervised subject as every record's list row and detail carry it (<c>subject</c> in the API): the unit and, where the
/// record names one, the official (for recommendations and decision records, the unit's 一把手). Members a record does not keep
/// (<see cref="SubjectColumns"/>) read as empty.
/// </summary>
public sealed record SubjectView(
    Guid UnitId,
    string UnitName,
    Guid? OfficialId,
    string? OfficialName,
    string? OfficialPosition,
    bool IsPrincipal,
    LeaderCategory? LeaderCategory)
{
    /// <summary>
    /// The view of a record's subject. Inside an EF Core <c>Select</c> it runs on the subject read with the row (a complex type
    /// is projected whole), so the list stays one query.
    /// </summary>
    public static SubjectView Of(SupervisedSubject subject) => new(
        subject.UnitId,
        subject.UnitName,
        subject.OfficialId,
        subject.OfficialName,
        subject.OfficialPosition,
        subject.IsPrincipal,
        subject.LeaderCategory);
}
