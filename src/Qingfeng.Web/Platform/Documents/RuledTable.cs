using DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// The frame of the ruled tables of a document (<see cref="FormTable"/>, <see cref="DataGrid"/>): across the 版心 and
/// centred, a thick outer rule and thin inner rules, a fixed layout on a grid of columns sized by their shares.
/// </summary>
internal static class RuledTable
{
    /// <summary>The columns' widths in twips, each its share of <paramref name="totalWidth"/>; the last takes what rounding leaves.</summary>
    public static int[] Widths(IReadOnlyList<double> shares, int totalWidth)
    {
        var sum = shares.Sum();
        var widths = shares.Select(s => (int)Math.Round(totalWidth * s / sum)).ToArray();
        widths[^1] = totalWidth - widths[..^1].Sum();
        return widths;
    }

    /// <summary>An empty table on the grid of <paramref name="widths"/>, with <paramref name="sideMargin"/> twips inside each cell left and right.</summary>
    public static Table Create(int totalWidth, IEnumerable<int> widths, short sideMargin) => new(
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
                new TableCellLeftMargin { Width = sideMargin, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = sideMargin, Type = TableWidthValues.Dxa })),
        new TableGrid(widths.Select(w => new GridColumn { Width = Dxa(w) })));

    /// <summary>A length in twips as Word writes it.</summary>
    public static string Dxa(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
