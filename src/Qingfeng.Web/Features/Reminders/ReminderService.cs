using Qingfeng.Features.Audit;
using Qingfeng.Features.Reminders.Documents;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Reminders;

/// <summary>Issues reminder letters (提醒函) and reads the reminders sent (letters and pre-holiday texts) within jurisdiction.</summary>
public sealed class ReminderService(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, AuditLog audit, TimeProvider time, ExportHeadings headings)
{
    public async Task<Guid> IssueLetterAsync(IssueReminderLetterRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await viewer.SubjectAsync(db, null, request.OfficialId!.Value, cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var sentOn = request.SentOn ?? today;
        if (sentOn > today)
        {
            throw new DomainRuleException("Reminders.SentInFuture");
        }

        var reminder = Reminder.Letter(viewer.OrganId, subject, sentOn, request.Title ?? "", request.Problems!, request.Suggestions!, request.DocumentNumber);
        db.Add(reminder);
        await db.SaveChangesAsync(cancellationToken);
        return reminder.Id;
    }

    public async Task<Paged<ReminderListItem>> SearchAsync(ReminderQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reminders = Filter(db, viewer, query);
        var total = await reminders.CountAsync(cancellationToken);
        var items = await Project(Sort(reminders, query).PageOf(query))
            .ToListAsync(cancellationToken);
        return new Paged<ReminderListItem>(items, total, query.PageNumber, query.Size);
    }

    public async Task<byte[]> ExportAsync(ReminderQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await Project(Sort(Filter(db, viewer, query), query).Take(50_000)).ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(Reminder), null, string.Create(CultureInfo.InvariantCulture, $"rows={items.Count}"), cancellationToken: cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = items.Select(r => new Dictionary<string, object?>
        {
            [H("Reminders.SentOn")] = r.SentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [H("Reminders.Kind")] = EnumText.Label(r.Kind, culture),
            [H("Reminders.Channel")] = EnumText.Label(r.Channel, culture),
            [H("Talks.Official")] = r.Subject.OfficialName,
            [H("Field.Unit")] = r.Subject.UnitName,
            [H("Field.Position")] = r.Subject.OfficialPosition,
            [H("Reminders.Title")] = r.Title,
            [H("Reminders.Holiday")] = r.HolidayName,
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Reminders.SheetName"), query), rows, H("Reminders.SheetName"));
    }

    public async Task<ReminderDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var r = await LoadAsync(db, viewer, id, cancellationToken);
        return new ReminderDetail(r.Id, r.Kind, r.Channel, r.SentOn, SubjectView.Of(r.Subject), r.Title, r.Text, r.Suggestions, r.DocumentNumber, r.HolidayName);
    }

    /// <summary>The 提醒函 as .docx in 信函格式 (audited).</summary>
    public async Task<(string FileName, byte[] Content)> LetterAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var r = await LoadAsync(db, viewer, id, cancellationToken);
        if (r.Kind != ReminderKind.Letter)
        {
            throw new DomainRuleException("Reminders.NotALetter");
        }

        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == r.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        var bytes = new ReminderLetterDocument(
            "中共" + organ.Replace("纪委监委", "纪律检查委员会", StringComparison.Ordinal),
            r.DocumentNumber,
            r.Title,
            r.Subject.OfficialName!,
            r.Subject.UnitName + r.Subject.OfficialPosition,
            r.Text.Split('\n'),
            (r.Suggestions ?? "").Split('\n'),
            r.SentOn).ToDocx();
        await audit.RecordAsync("Document", nameof(Reminder), id.ToString(), "Letter", cancellationToken: cancellationToken);
        return ($"提醒函-{r.Subject.OfficialName}-{r.SentOn:yyyyMMdd}.docx", bytes);
    }

    private static async Task<Reminder> LoadAsync(QingfengDb db, SupervisionViewer viewer, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Reminder>().AsNoTracking().Where(viewer.Visible<Reminder>()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("Supervision.NotFound");

    private static IQueryable<Reminder> Filter(QingfengDb db, SupervisionViewer viewer, ReminderQuery query)
    {
        var reminders = db.Set<Reminder>().AsNoTracking().Where(viewer.Visible<Reminder>());
        if (query.Kind is { } kind)
        {
            reminders = reminders.Where(r => r.Kind == kind);
        }

        reminders = reminders.Within(r => r.SentOn, query.From, query.To);

        reminders = reminders.About(officialId: query.OfficialId);

        if (!string.IsNullOrWhiteSpace(query.Holiday))
        {
            var holiday = query.Holiday.Trim();
            reminders = reminders.Where(r => r.HolidayName == holiday);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
#pragma warning disable CA1307 // Translated to SQL by EF Core.
            reminders = reminders.Where(r => r.Subject.OfficialName!.Contains(text) || r.Subject.UnitName.Contains(text) || r.Title.Contains(text));
#pragma warning restore CA1307
        }

        return reminders;
    }

    private static IQueryable<Reminder> Sort(IQueryable<Reminder> reminders, ReminderQuery query)
    {
        var descending = query.Descending ?? query.Sort is null or "sent";
        return query.Sort switch
        {
            "official" => reminders.OrderBy(r => r.Subject.OfficialName, descending).ThenBy(r => r.Id),
            "kind" => reminders.OrderBy(r => r.Kind, descending).ThenBy(r => r.Id),
            "title" => reminders.OrderBy(r => r.Title, descending).ThenBy(r => r.Id),
            _ => reminders.OrderBy(r => r.SentOn, descending).ThenBy(r => r.Id),
        };
    }

    private static IQueryable<ReminderListItem> Project(IQueryable<Reminder> reminders) =>
        reminders.Select(r => new ReminderListItem(r.Id, r.Kind, r.Channel, r.SentOn, SubjectView.Of(r.Subject), r.Title, r.HolidayName));
}
