namespace Qingfeng.Features.Clues.Documents;

/// <summary>The particulars of the reported or investigated official that the clue and case forms print.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Unit">Work unit (工作单位), e.g. "县交通运输局".</param>
/// <param name="Post">Post (职务), e.g. "党组书记、局长".</param>
/// <param name="IsPrincipalLeader">Whether the official is the 一把手 of the unit or party organisation.</param>
/// <param name="ManagementAuthority">干部管理权限, e.g. "县委管理".</param>
/// <param name="Gender">性别, when known.</param>
/// <param name="BornOn">出生年月, when known (printed as year and month).</param>
/// <param name="PoliticalStatus">政治面貌, e.g. "中共党员".</param>
/// <param name="Rank">职级, e.g. "正科级".</param>
public sealed record PersonParticulars(
    string Name,
    string? Unit,
    string? Post,
    bool IsPrincipalLeader,
    string? ManagementAuthority,
    string? Gender = null,
    DateOnly? BornOn = null,
    string? PoliticalStatus = null,
    string? Rank = null)
{
    /// <summary>"县交通运输局党组书记、局长": unit and post run together as forms print them.</summary>
    public string UnitAndPost => (Unit ?? "") + (Post ?? "");

    internal string? BornOnText => BornOn is { } date
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月")
        : null;
}
