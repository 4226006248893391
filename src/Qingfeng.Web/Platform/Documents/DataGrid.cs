using System.Globalization;
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
        var sum = shares.Sum();
        var widths = shares.Select(s => (int)Math.Round(totalWidth * s / sum)).ToArray();
        widths[^1] = totalWidth - widths[..^1].Sum();
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Dxa(totalWidth), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 8, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 8, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 8, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = Dxa(w) })));
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
                    new TableCellWidth { Width = Dxa(widths[i]), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                OfficialDocument.Para(style, cells[i], JustificationValues.Center)));
        }

        return row;
    }

    private static string Dxa(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
