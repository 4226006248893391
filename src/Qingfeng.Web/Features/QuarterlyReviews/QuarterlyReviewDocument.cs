using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.QuarterlyReviews;

/// <summary>
/// 一把手监督情况季度梳理分析报告: the office's quarterly dossier as an internal report — the figures, a table per
/// 一把手, the officials to watch with the office's notes, and its conclusions.
/// </summary>
public static class QuarterlyReviewDocument
{
    public const string ContentType = ApiConventions.WordContentType;

    public static string Title(QuarterlyDossier dossier) =>
        string.Create(CultureInfo.InvariantCulture, $"{dossier.OrganName}{dossier.Year}年第{OfficialDocument.ChineseNumber(dossier.Quarter)}季度“一把手”监督情况梳理分析报告");

    public static byte[] ToDocx(QuarterlyDossier dossier, DateOnly date)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var t = dossier.Totals;
        var document = new OfficialDocument()
            .Marks("内部资料", null)
            .Title(Title(dossier));

        // Clue figures only for a reader who may see clues (they count only the clues that reader may see); for anyone else
        // the report leaves them out, sentence and columns, rather than print zeros that would read as data.
        var withClues = t.CluesReceived is not null;
        var clueSentence = withClues
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"本机关受理涉及上述人员的问题线索{t.CluesReceived}件，处置{t.CluesDisposed}件，立案{t.CasesFiled}件，给予党纪政务处分{t.Sanctioned}人；其中反映违反中央八项规定精神问题的线索{t.EightPointClues}件。")
            : "";
        document.Heading1(1, "基本情况");
        document.Paragraph(string.Create(
            CultureInfo.InvariantCulture,
            $"本季度（{OfficialDocument.FormatDate(dossier.From)}至{OfficialDocument.FormatDate(dossier.To)}），对联系的{t.Officials}名“一把手”进行了梳理分析。{clueSentence}" +
            $"季度末整改台账中尚未销号的事项{t.RectificationOpen}项，其中超期{t.RectificationOverdue}项；本季度销号{t.RectificationClosed}项。" +
            $"开展谈话{t.Talks}人次，发出函询{t.Inquiries}件，作出问责决定{t.Accountability}项。"));

        document.Heading1(2, "分人员情况");
        var grid = withClues
            ? new DataGrid(["序号", "姓名", "单位及职务", "受理线索", "处置线索", "立案", "八项规定", "在改整改", "超期整改", "谈话函询", "问责", "述责述廉", "研判"], [0.6, 1.2, 2.6, 0.8, 0.8, 0.6, 0.8, 0.8, 0.8, 0.8, 0.6, 1.0, 1.0])
            : new DataGrid(["序号", "姓名", "单位及职务", "在改整改", "超期整改", "谈话函询", "问责", "述责述廉", "研判"], [0.6, 1.4, 3.4, 0.9, 0.9, 0.9, 0.7, 1.1, 1.1]);
        var number = 0;
        foreach (var r in dossier.Rows.Items)
        {
            string[] clueCells = withClues ? [Count(r.CluesReceived), Count(r.CluesDisposed), Count(r.CasesFiled), Count(r.EightPointClues)] : [];
            grid.Row(
            [
                (++number).ToString(CultureInfo.InvariantCulture),
                r.Name,
                r.UnitName + r.Position,
                .. clueCells,
                Count(r.RectificationOpen),
                Count(r.RectificationOverdue),
                Count(r.Talks + r.Inquiries),
                Count(r.Accountability),
                r.DutyReportGrade ?? (r.DutyReportState is { } state ? TextCatalog.Instance.Get($"Enum.DutyReportState.{state}", zh) : "—"),
                r.Assessment is { } a ? TextCatalog.Instance.Get($"Enum.ReviewAssessment.{a}", zh) : "",
            ]);
        }

        document.Grid(grid);
        if (dossier.Rows.Total > dossier.Rows.Items.Count)
        {
            document.Paragraph(string.Create(CultureInfo.InvariantCulture, $"（表中列出前{dossier.Rows.Items.Count}名，共{dossier.Rows.Total}名。）"));
        }

        document.Heading1(3, "需要关注的人员");
        var watch = dossier.Rows.Items.Where(r => r.Assessment is ReviewAssessment.NeedsAttention or ReviewAssessment.Concern || !string.IsNullOrWhiteSpace(r.Note)).ToList();
        if (watch.Count == 0)
        {
            document.Paragraph("本季度未发现需要重点关注的人员。");
        }

        var item = 0;
        foreach (var r in watch)
        {
            var assessment = r.Assessment is { } a ? "（" + TextCatalog.Instance.Get($"Enum.ReviewAssessment.{a}", zh) + "）" : "";
            document.Item(++item, $"{r.UnitName}{r.Position}{r.Name}{assessment}：{OfficialDocument.OrBlank(r.Note)}");
        }

        document.Heading1(4, "分析结论");
        var paragraphs = dossier.Conclusion.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length == 0)
        {
            document.Paragraph(OfficialDocument.Blank);
        }

        foreach (var paragraph in paragraphs)
        {
            document.Paragraph(paragraph);
        }

        return document.Signature(dossier.OrganName, date).ToBytes();
    }

    private static string Count(int? value) => value is null or 0 ? "—" : value.Value.ToString(CultureInfo.InvariantCulture);
}
