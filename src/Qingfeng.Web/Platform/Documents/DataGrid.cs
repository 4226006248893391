using DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// A ruled table of figures or short texts across the 版心 (统计表, 名单): a header row in the form-label style
/// repeated on every page, then one row per line, in the form-text style. Column widths are shares of the width.
/// </summary>
public sealed class DataGrid(IReadOnlyList<string> headers, IReadOnlyList<double> shares)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public DataGrid Row(params IReadOnlyList<string> cells)
    {
        if (cells.Count != headers.Count)
        {
            throw new ArgumentException("A row needs one cell per column.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    internal Table ToTable(int totalWidth)
    {
        var widths = RuledTable.Widths(shares, totalWidth);
        var table = RuledTable.Create(totalWidth, widths, sideMargin: 60);
        table.Append(Line(headers, widths, OfficialStyles.FormLabel, header: true));
        foreach (var row in _rows)
        {
            table.Append(Line(row, widths, OfficialStyles.FormText, header: false));
        }

        return table;
    }

    private static TableRow Line(IReadOnlyList<string> cells, int[] widths, string style, bool header)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(
                    new TableCellWidth { Width = RuledTable.Dxa(widths[i]), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                OfficialDocument.Para(style, cells[i], JustificationValues.Center)));
        }

        return row;
    }
}
