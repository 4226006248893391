using Qingfeng.Features.Accounts;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DemoProvince;

/// <summary>
/// A small rectification ledger for Kaiyang county from sources outside Qingfeng (inspection feedback, audit,
/// assessment), in every state: open, in progress, awaiting close-out, overdue and escalated, long-term, closed.
/// Items from talks, reports and recommendations come with those modules' demo data.
/// </summary>
public sealed class DemoRectification(QingfengDatabase database, SupervisionCalendar calendar, FieldEncryption encryption, TimeProvider time)
{
    private static readonly (RectificationSource Source, string Reference, string Problem, string Measures)[] Items =
    [
        (RectificationSource.Inspection, "县委第二巡察组反馈意见第3条", "公务接待未严格执行“一单一函”制度，部分接待无公函。", "修订公务接待管理办法，逐笔核对2025年以来接待清单。"),
        (RectificationSource.Inspection, "县委第二巡察组反馈意见第7条", "“三重一大”事项集体决策记录不完整，个别事项会后补签。", "完善党组会议事规则，建立议题提前送达和会议记录审核制度。"),
        (RectificationSource.Audit, "县审计局经济责任审计报告", "专项资金拨付不及时，滞留资金120万元。", "限期拨付滞留资金，建立专项资金拨付台账。"),
        (RectificationSource.Assessment, "2025年度党风廉政建设责任制考核", "党风廉政建设主体责任清单未细化到班子成员。", "制定班子成员“一岗双责”清单并公示。"),
        (RectificationSource.Inspection, "县委第三巡察组反馈意见第2条", "政府采购存在化整为零规避公开招标问题。", "开展采购项目全面自查，完善内控制度。"),
        (RectificationSource.Audit, "县审计局专项审计", "违规发放津补贴共计6.5万元。", "清退违规发放的津补贴，追究相关人员责任。"),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(new DbActor(time, () => UserContext.System));
        if (await db.RectificationItems.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Name == "开阳县纪委监委", cancellationToken);
        if (organ is null)
        {
            return 0;
        }

        var staff = await StaffDirectory.Members(db, [organ.Id], [Roles.SupervisionOffice, Roles.CommissionLeader], demoOnly: true).ToListAsync(cancellationToken);
        var officer = staff.Where(s => s.Role == Roles.SupervisionOffice).Select(s => new SupervisionActor(s.UserId, s.DisplayName)).FirstOrDefault()
            ?? new SupervisionActor(Guid.Empty, "开阳县监督检查室");
        var leader = staff.Where(s => s.Role == Roles.CommissionLeader).Select(s => new SupervisionActor(s.UserId, s.DisplayName)).FirstOrDefault()
            ?? new SupervisionActor(Guid.Empty, "开阳县纪委监委领导");
        var principals = await DemoSubjects.KaiyangPrincipals(db).OrderBy(o => o.Name).AsSubjects().Take(Items.Length).ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        for (var i = 0; i < Math.Min(Items.Length, principals.Count); i++)
        {
            var (source, reference, problem, measures) = Items[i];
            var openedAt = now.AddDays(-90 + (i * 7));
            var openedOn = ChinaTime.DateOf(openedAt);
            var due = i switch
            {
                2 => calendar.AddWorkingDays(openedOn, 20),   // long overdue: escalated to the leadership
                4 => calendar.AddWorkingDays(today, 2),       // due soon
                _ => calendar.AddWorkingDays(openedOn, 80),
            };
            var item = new RectificationItem(organ.Id, principals[i], new RectificationDraft(source, null, reference, problem, measures, due), officer, openedAt);
            switch (i)
            {
                case 0:
                    item.Report("已修订公务接待管理办法并印发执行，完成接待清单核对。", claimsDone: false, evidenceCount: 0, officer, openedAt.AddDays(20));
                    Attach(item.Report("整改已完成，附制度文件和核对台账。", claimsDone: true, evidenceCount: 1, officer, openedAt.AddDays(40)), "公务接待管理办法（修订）.txt");
                    item.CloseOut("佐证材料齐全，同意销号。", new SupervisionOutcome { ProblemsFound = 4, RulesAdopted = 1 }, leader, openedAt.AddDays(45));
                    break;
                case 1:
                    item.Report("已起草议事规则修订稿，待党组会审议。", claimsDone: false, evidenceCount: 0, officer, openedAt.AddDays(15));
                    break;
                case 2:
                    item.Report("已拨付60万元，剩余资金正在办理。", claimsDone: false, evidenceCount: 0, officer, openedAt.AddDays(25));
                    item.Escalate(today, calendar.EscalationDay(due), now);
                    break;
                case 3:
                    Attach(item.Report("班子成员责任清单已制定并公示。", claimsDone: true, evidenceCount: 1, officer, openedAt.AddDays(30)), "班子成员一岗双责清单.txt");
                    break;
                case 5:
                    item.MarkLongTerm("涉及人员较多，清退工作需分批进行。", leader, openedAt.AddDays(10));
                    break;
            }

            db.RectificationItems.Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Math.Min(Items.Length, principals.Count);
    }

    /// <summary>A short synthetic evidence file, sealed like an uploaded one.</summary>
    private void Attach(RectificationProgress progress, string fileName)
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"{Path.GetFileNameWithoutExtension(fileName)}\n（演示数据，内容为虚构）\n");
        var evidence = new RectificationEvidence(progress.Id, fileName, "text/plain", content.Length);
        evidence.Seal(encryption.EncryptBytes(content, evidence.AssociatedData));
        progress.Evidence.Add(evidence);
    }
}
