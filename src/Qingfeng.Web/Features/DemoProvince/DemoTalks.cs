using Qingfeng.Features.Accounts;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;

namespace Qingfeng.Features.DemoProvince;

/// <summary>
/// Talks, letters of inquiry and reminders of the Kaiyang commission with its 一把手: reminder talks at each tier from January
/// to April (one held with a follow-up item in the ledger), a 约谈 awaiting its pledge, a planned integrity talk, one inquiry
/// replied and one overdue, a reminder letter and a pre-holiday reminder. All names come from the synthetic roster.
/// </summary>
public sealed class DemoTalks(QingfengDatabase database, SupervisionCalendar calendar, TalkTierRule tiers, TalkOptions options, TimeProvider time)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(new DbActor(time, () => UserContext.System));
        if (await db.Set<Talk>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Name == "开阳县纪委监委", cancellationToken);
        if (organ is null)
        {
            return 0;
        }

        var officer = await StaffDirectory.Members(db, [organ.Id], [Roles.SupervisionOffice], demoOnly: true)
            .Select(s => new SupervisionActor(s.UserId, s.DisplayName)).FirstOrDefaultAsync(cancellationToken) ?? new SupervisionActor(Guid.Empty, "开阳县监督检查室");
        var principals = await DemoSubjects.KaiyangPrincipals(db).OrderBy(o => o.Name).AsSubjects().Take(6).ToListAsync(cancellationToken);
        if (principals.Count < 6)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var year = today.Month > 4 ? today.Year : today.Year - 1;
        DateOnly On(int month, int day) => new(year, month, day);

        // Reminder talks with 一把手 from January to April.
        var first = ReminderTalk(principals[0], 1, On(1, 12));
        first.Hold(On(1, 15), "（演示）谈话人指出该单位党风廉政建设责任落实不到位的问题，谈话对象逐项作了说明。", "一个月内召开专题民主生活会，逐项整改。", today, options.PledgeDays);
        first.Close("整改措施已落实。", new SupervisionOutcome { ProblemsFound = 2, RulesAdopted = 1 }, today);
        var second = ReminderTalk(principals[1], 2, On(2, 24));
        second.Hold(On(2, 26), "（演示）针对公务接待“一单一函”执行不严的问题进行提醒，谈话对象表示接受。", "严格执行公务接待制度，三个月内完成自查。", today, options.PledgeDays);
        var third = ReminderTalk(principals[2], 3, On(3, 16));
        third.Hold(On(3, 18), "（演示）就干部队伍作风建设进行一般性提醒。", null, today, options.PledgeDays);
        var fourth = ReminderTalk(principals[3], 2, On(4, 8));
        fourth.Hold(On(4, 10), "（演示）就“三重一大”决策程序不规范问题进行提醒。", "完善议事规则，会议记录由专人审核。", today, options.PledgeDays);
        fourth.Close(null, new SupervisionOutcome { ProblemsFound = 1 }, today);

        // A 约谈 held ten days ago: the integrity pledge is still due.
        var summons = new Talk(organ.Id, principals[4], TalkType.Summons, null, null, new TalkPlan(today.AddDays(-12), "县纪委监委谈话室", "县纪委书记", null, "监督检查室干部"), null);
        summons.Hold(today.AddDays(-10), "（演示）就群众反映的项目资金拨付不及时问题进行约谈。", "立即组织资金拨付专项检查，按期提交廉政承诺书。", today, options.PledgeDays);

        // A routine integrity talk planned for next week.
        var planned = new Talk(organ.Id, principals[5], TalkType.Integrity, null, null, new TalkPlan(today.AddDays(7), "县纪委监委谈话室", "县纪委副书记", null, null), "（演示）年度廉政谈话：重申廉洁自律要求。");
        db.AddRange(first, second, third, fourth, summons, planned);

        // The follow-up item of the February talk enters the rectification ledger.
        db.RectificationItems.Add(new RectificationItem(organ.Id, principals[1], new RectificationDraft(
            RectificationSource.Talk, second.Id, second.SourceReference("提醒谈话"), "公务接待未严格执行“一单一函”制度。", "开展公务接待自查，修订接待管理办法。", calendar.AddWorkingDays(On(2, 26), 60)), officer,
            new DateTimeOffset(On(2, 26).ToDateTime(new TimeOnly(16, 0)), ChinaTime.Offset)));

        // Letters of inquiry: one replied (the 一把手 replies directly), one overdue.
        var repliedSent = today.AddDays(-40);
        var replied = new Inquiry(organ.Id, principals[1], "（演示）反映该单位2025年违规发放津补贴问题，请予说明。", repliedSent, ReplyDue(repliedSent), "开纪函〔2026〕3号");
        replied.RecordReply(repliedSent.AddDays(10), "（演示）经核查，所反映津补贴系按县政府文件发放，附相关文件。", null, null, today);
        var overdueSent = today.AddDays(-45);
        var overdue = new Inquiry(organ.Id, principals[3], "（演示）反映该单位工程项目招投标存在围标串标问题，请予说明。", overdueSent, ReplyDue(overdueSent), "开纪函〔2026〕5号");
        db.AddRange(replied, overdue);

        // A reminder letter and a pre-holiday reminder.
        db.Add(Reminder.Letter(organ.Id, principals[2], today.AddDays(-20), "关于落实全面从严治党主体责任的提醒函",
            "（演示）党组会议“第一议题”学习不经常。\n对班子成员廉政风险点排查不深入。", "每月至少召开一次专题学习会。\n开展班子成员廉政风险点全面排查。", "开纪提〔2026〕2号"));
        db.Add(Reminder.Holiday(organ.Id, principals[0], On(2, 13), "春节", On(2, 17),
            $"{principals[0].OfficialName}同志：春节将至，请严格落实中央八项规定精神，带头廉洁过节。——开阳县纪委监委"));

        await db.SaveChangesAsync(cancellationToken);
        return 6;

        Talk ReminderTalk(SupervisedSubject subject, int tier, DateOnly plannedOn) =>
            new(organ.Id, subject, TalkType.Reminder, tier, tiers.TalkerTitle(TalkType.Reminder, tier), new TalkPlan(plannedOn, "县纪委监委谈话室", tiers.TalkerFor(tier), null, "监督检查室干部"), null);

        DateOnly ReplyDue(DateOnly sentOn) => calendar.InquiryReplyDueOn(sentOn);
    }
}
