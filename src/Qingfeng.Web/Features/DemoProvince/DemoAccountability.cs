using Qingfeng.Features.Accountability;
using Qingfeng.Features.Accounts;
using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DemoProvince;

/// <summary>
/// Kaiyang county's demo accountability decisions and recommendations: the 一把手 of three units whose staff drank on
/// duty ordered to examine themselves and named in one public notice (domain.md A17), an admonishment for a ledger
/// item left undone, a recommendation to a hospital answered with a procurement “十不准”, and one awaiting its reply.
/// All people are synthetic roster officials.
/// </summary>
public sealed class DemoAccountability(QingfengDatabase database, AccountabilityLimits limits, SupervisionCalendar calendar, TimeProvider time)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(new DbActor(time, () => UserContext.System));
        if (await db.AccountabilityDecisions.AnyAsync(cancellationToken) || await db.Recommendations.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Name == "开阳县纪委监委", cancellationToken);
        if (organ is null)
        {
            return 0;
        }

        var officer = await StaffDirectory.Members(db, [organ.Id], [Roles.SupervisionOffice], demoOnly: true)
            .Select(s => new SupervisionActor(s.UserId, s.DisplayName)).FirstOrDefaultAsync(cancellationToken)
            ?? new SupervisionActor(Guid.Empty, "开阳县监督检查室");
        var principals = await DemoSubjects.KaiyangPrincipals(db).OrderByDescending(o => o.Name).AsSubjects().ToListAsync(cancellationToken);
        if (principals.Count < 6)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var decided = today.AddDays(-50);
        var count = 0;

        // A17: three units' staff drank on duty; their 一把手 are ordered to examine themselves, in one public notice.
        foreach (var (p, i) in principals.Take(3).Select((p, i) => (p, i)))
        {
            var decision = new AccountabilityDecision(organ.Id, p, new AccountabilityFacts(
                AccountabilityTarget.LeadingCadre,
                AccountabilityMethod.Examination | AccountabilityMethod.Circulation,
                null,
                AccountabilityCause.Inspection,
                "单位工作人员工作日饮酒，管党治党主体责任落实不力",
                $"{decided.AddDays(-20 - i).ToString("M月d日", CultureInfo.InvariantCulture)}，{p.UnitName}{2 + i}名工作人员工作日中午饮酒，下午工作时间无故脱岗。{p.OfficialName}作为单位主要负责人，对干部职工教育管理监督不力。",
                "《中国共产党问责条例》第七条第一项、第八条第二款",
                "开阳县纪委常委会",
                decided,
                string.Create(CultureInfo.InvariantCulture, $"开纪问〔{decided.Year}〕{i + 1}号"),
                NoticeScope.Public), CauseLink.None, limits);
            var item = new RectificationItem(organ.Id, p, new RectificationDraft(
                RectificationSource.Accountability, decision.Id, decision.DocumentNumber!, decision.Failure, "向县纪委监委作出书面检查，在全单位开展作风纪律专项整顿。", calendar.AddWorkingDays(today, 10 + (i * 5))), officer, now.AddDays(-50));
            decision.LinkRectification(item.Id);
            if (i == 0)
            {
                decision.Execute(decided.AddDays(12), "书面检查已报送，已在全县通报。");
            }

            db.AddRange(decision, item);
            count++;
        }

        // 诫勉 for a ledger item that was left undone past its escalation.
        var neglected = await db.RectificationItems.AsNoTracking().Where(r => r.Escalation == EscalationLevel.Leadership && r.Subject.OfficialId != null)
            .Select(r => new { r.Id, r.Problem, r.Subject.OfficialId }).FirstOrDefaultAsync(cancellationToken);
        var admonished = neglected is null ? null : principals.FirstOrDefault(p => p.OfficialId == neglected.OfficialId);
        if (neglected is not null && admonished is not null)
        {
            db.Add(new AccountabilityDecision(organ.Id, admonished, new AccountabilityFacts(
                AccountabilityTarget.LeadingCadre,
                AccountabilityMethod.Admonishment,
                null,
                AccountabilityCause.Rectification,
                "审计发现问题整改不力，专项资金长期滞留",
                "该单位对审计指出的专项资金滞留问题整改不力，超过整改期限仍未完成，经督办仍未整改到位。",
                "《中国共产党问责条例》第七条第十一项、第八条第二款",
                "开阳县纪委常委会",
                today.AddDays(-10),
                null,
                NoticeScope.Internal), new CauseLink(neglected.Id, neglected.Problem), limits));
            count++;
        }

        // A3: a recommendation to a hospital answered with a procurement “十不准”, and one to another unit awaiting its reply.
        var hospitals = await db.Units.Where(u => u.Kind == UnitKind.Hospital && u.RegionKey.StartsWith("520121")).Select(u => u.Id).ToListAsync(cancellationToken);
        var hospital = principals.FirstOrDefault(p => hospitals.Contains(p.UnitId)) ?? principals[3];
        var answered = new Recommendation(organ.Id, hospital, new RecommendationContent(
            RecommendationKind.Combined,
            "关于规范药品耗材采购管理的纪检监察建议",
            "我委在查办该院原副院长违纪违法案件中，发现该院药品耗材采购管理存在制度漏洞。",
            "一是药品耗材遴选由个别领导说了算，集体决策流于形式。\n二是对供应商准入缺乏监督，存在利益输送风险。",
            ["建立药品耗材遴选集体决策和全程留痕制度", "开展供应商准入清理，建立黑名单制度"],
            today.AddDays(-80)), $"纪建〔{today.AddDays(-80).Year}〕1号", today.AddDays(-80).Year, 1, today.AddDays(-50));
        foreach (var measure in answered.Measures)
        {
            var item = new RectificationItem(organ.Id, hospital, new RectificationDraft(RectificationSource.Recommendation, answered.Id, answered.Number, answered.Title, measure.Text, today.AddDays(-50)), officer, now.AddDays(-80));
            measure.Link(item.Id);
            item.MarkLongTerm("制度已建立，转为持续整改，纳入日常监督。", officer, now.AddDays(-55));
            db.Add(item);
        }

        answered.RecordReply(today.AddDays(-55), "已制定药品耗材采购“十不准”，清理不合规供应商12家，建立供应商黑名单。", null);
        answered.AddRule("药品耗材采购“十不准”", today.AddDays(-60), "不准个人决定采购品种，不准接受供应商宴请和礼品，不准私下接触供应商……");
        answered.AddRule("关键岗位轮岗“五必须”", today.AddDays(-58), "采购、财务、基建等关键岗位满五年必须轮岗。");
        answered.AddCheck(today.AddDays(-20), "回头看：制度已执行，集体决策记录完整。", true, officer);
        db.Add(answered);

        var pending = principals[4];
        var issued = today.AddDays(-12);
        var awaiting = new Recommendation(organ.Id, pending, new RecommendationContent(
            RecommendationKind.Supervision,
            "关于加强公务用车管理的监察建议",
            "日常监督中发现该单位公务用车使用不规范。",
            "公务用车“一车一档”制度未落实，存在公车私用苗头。",
            ["落实公务用车“一车一档”和派车登记制度"],
            issued), $"纪建〔{issued.Year}〕2号", issued.Year, 2, issued.AddDays(30));
        var pendingItem = new RectificationItem(organ.Id, pending, new RectificationDraft(RectificationSource.Recommendation, awaiting.Id, awaiting.Number, awaiting.Title, awaiting.Measures[0].Text, awaiting.ReplyDueOn), officer, now.AddDays(-12));
        awaiting.Measures[0].Link(pendingItem.Id);
        db.AddRange(awaiting, pendingItem);

        await db.SaveChangesAsync(cancellationToken);
        return count + 2;
    }
}
