using DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// A bordered approval-form table (审批表) across the full 版心, on a four-column grid
/// (label, value, label, value). Labels are 黑体 and centred; values are 仿宋 and left-aligned;
/// opinion cells end with "签名：…　年　月　日" at the right, filled in when the step is recorded.
/// Missing values show <see cref="OfficialDocument.Blank"/>.
/// </summary>
public sealed class FormTable
{
    // Label, value, label, value as shares of the 版心 (they add to 1).
    private static readonly double[] Shares = [0.22, 0.28, 0.22, 0.28];

    /// <summary>Signature placeholder for an opinion not yet given.</summary>
    public const string SignaturePlaceholder = "签名：　　　　　　　　年　　月　　日";

    private readonly List<Func<int[], TableRow>> _rows = [];

    /// <summary>Two label/value pairs on one row.</summary>
    public FormTable Fields(string label, string? value, string secondLabel, string? secondValue)
    {
        _rows.Add(widths => new TableRow(
            LabelCell(widths[0], 1, label),
            ValueCell(widths[1], 1, OfficialDocument.OrBlank(value)),
            LabelCell(widths[2], 1, secondLabel),
            ValueCell(widths[3], 1, OfficialDocument.OrBlank(secondValue))));
        return this;
    }

    /// <summary>One label and a value spanning the rest of the row.</summary>
    public FormTable Field(string label, string? value) => Text(label, value, lines: 1);

    /// <summary>One label and a multi-line value (paragraphs split at line breaks), at least <paramref name="lines"/> lines high.</summary>
    public FormTable Text(string label, string? value, int lines = 4)
    {
        _rows.Add(widths => Row(lines,
            LabelCell(widths[0], 1, label),
            ValueCell(widths[1] + widths[2] + widths[3], 3, OfficialDocument.OrBlank(value))));
        return this;
    }

    /// <summary>
    /// An opinion row: the opinion (blank when not given), then "签名：name　date" at the right, or
    /// <see cref="SignaturePlaceholder"/> while the step is open.
    /// </summary>
    public FormTable Opinion(string label, string? opinion, string? signer, DateOnly? signedOn, int lines = 3)
    {
        var signature = signer is null && signedOn is null
            ? SignaturePlaceholder
            : "签名：" + OrSpaces(signer, 4) + "　　" + (signedOn is { } date ? OfficialDocument.FormatDate(date) : "　　年　　月　　日");
        _rows.Add(widths =>
        {
            var width = widths[1] + widths[2] + widths[3];
            // Bottom-aligned: the space above the signature is where an open step's opinion is written by hand.
            var cell = new TableCell(CellProperties(width, 3, TableVerticalAlignmentValues.Bottom));
            if (!string.IsNullOrWhiteSpace(opinion))
            {
                cell.Append(Lines(opinion));
            }
            cell.Append(OfficialDocument.Para(OfficialStyles.FormText, signature, JustificationValues.Right));
            return Row(lines, LabelCell(widths[0], 1, label), cell);
        });
        return this;
    }

    internal Table ToTable(int totalWidth)
    {
        var widths = RuledTable.Widths(Shares, totalWidth);
        var table = RuledTable.Create(totalWidth, widths, sideMargin: 108);
        foreach (var row in _rows)
        {
            table.Append(row(widths));
        }
        return table;
    }

    private static TableRow Row(int lines, params TableCell[] cells)
    {
        var row = new TableRow(new TableRowProperties(
            new CantSplit(),
            new TableRowHeight { Val = (uint)(lines * OfficialStyles.FormLine + 56), HeightType = HeightRuleValues.AtLeast }));
        row.Append(cells);
        return row;
    }

    private static TableCell LabelCell(int width, int span, string label) =>
        new(CellProperties(width, span, TableVerticalAlignmentValues.Center),
            OfficialDocument.Para(OfficialStyles.FormLabel, label));

    private static TableCell ValueCell(int width, int span, string value)
    {
        var cell = new TableCell(CellProperties(width, span, TableVerticalAlignmentValues.Center));
        cell.Append(Lines(value));
        return cell;
    }

    private static TableCellProperties CellProperties(int width, int span, TableVerticalAlignmentValues alignment)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = RuledTable.Dxa(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }
        properties.Append(new TableCellVerticalAlignment { Val = alignment });
        return properties;
    }

    private static List<Paragraph> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? [OfficialDocument.Para(OfficialStyles.FormText, null)]
            : [.. text.Split('\n').Select(line => OfficialDocument.Para(OfficialStyles.FormText, line.TrimEnd('\r')))];

    private static string OrSpaces(string? value, int width) =>
        string.IsNullOrWhiteSpace(value) ? new string('　', width) : value.Trim();
}
