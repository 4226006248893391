using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DemoProvince;

/// <summary>
/// A 述责述廉 campaign of the Kaiyang commission with reports in every state: a draft, one at the first level, one returned at the
/// second level, approved ones with secret votes cast (scoring still open, so no mean shows yet).
/// </summary>
public sealed class DemoDutyReports(QingfengDatabase database, DutyReportOptions options, TimeProvider time)
{
    private static readonly string[] Scorers = ["ky.leader", "ky.supervision", "ky.partyconduct"];
    private static readonly (int, int, int)[] Scores = [(92, 88, 90), (85, 79, 83), (72, 68, 75)];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(new DbActor(time, () => UserContext.System));
        if (await db.DutyReports.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Name == "开阳县纪委监委", cancellationToken);
        if (organ is null)
        {
            return 0;
        }

        string[] names = [.. Scorers, "ky.stationed"];
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => new SupervisionActor(u.Id, u.DisplayName), cancellationToken);
        if (users.Count < names.Length)
        {
            return 0;
        }

        var principals = await DemoSubjects.KaiyangPrincipals(db).OrderBy(o => o.NamePinyin).AsSubjects().Take(6)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var campaign = new DutyReportCampaign(organ.Id, "开阳县2026年度一把手述责述廉", now.Year, ChinaTime.DateOf(now).AddDays(14), options);
        campaign.SetScorers([.. Scorers.Select(n => (users[n].UserId, users[n].Name))]);
        db.Add(campaign);
        HashSet<string> stationed = ["stationed"], supervision = ["supervision"], partyConduct = ["partyconduct"];
        for (var i = 0; i < principals.Count; i++)
        {
            var report = new DutyReport(campaign, principals[i], i < 2 ? ReportMode.OnSite : ReportMode.Written);
            db.Add(report);
            if (i == 5)
            {
                continue; // still a draft
            }

            report.Write([.. campaign.TemplateItems.Select((item, n) => $"（演示）关于“{item}”：本人认真履行职责，具体情况如下……")]);
            report.Submit();
            if (i == 4)
            {
                continue; // waits for the stationed team
            }

            report.Approve(campaign, users["ky.stationed"], stationed, "同意", now);
            if (i == 3)
            {
                report.Return(campaign, users["ky.supervision"], supervision, "问题查摆不深入，对“三重一大”执行情况述而不评，请补充具体事例。", ChinaTime.DateOf(now).AddDays(7), now);
                continue;
            }

            report.Approve(campaign, users["ky.supervision"], supervision, null, now);
            report.Approve(campaign, users["ky.partyconduct"], partyConduct, "同意提交全会", now);
            var scores = Scores[i];
            report.Vote(campaign, users["ky.leader"].UserId, scores.Item1);
            report.Vote(campaign, users["ky.supervision"].UserId, scores.Item2);
            report.Vote(campaign, users["ky.partyconduct"].UserId, scores.Item3);
        }

        await db.SaveChangesAsync(cancellationToken);
        return principals.Count;
    }
}
