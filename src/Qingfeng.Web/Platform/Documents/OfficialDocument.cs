using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// Builds a .docx laid out as a Chinese official document (公文) after GB/T 9704-2012
/// 《党政机关公文格式》: A4, 版心 156×225 mm (margins 37/35/28/26 mm), body in 3号仿宋 on a fixed
/// 28.95 pt line (22 lines a page), title in 2号小标宋, headings "一、" in 黑体 and "（一）" in 楷体,
/// page numbers "— 1 —" in 4号宋体 on the outer side.
/// Two head layouts: plain (secrecy and urgency marks at top left) and 信函格式 (red organ name over a
/// red double line, marks at left and document number at right beneath it, no page number on page one).
/// Call the methods in reading order, then <see cref="ToBytes"/>.
/// </summary>
public sealed class OfficialDocument
{
    /// <summary>Visible blank for a value that is not known yet (never "null").</summary>
    public const string Blank = "＿＿＿＿";

    /// <summary>Width of the 版心 in twentieths of a point (156 mm).</summary>
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    internal const int PageWidth = 11906;   // 210 mm
    internal const int PageHeight = 16838;  // 297 mm
    internal const int MarginTop = 2098;    // 37 mm
    internal const int MarginBottom = 1984; // 35 mm
    internal const int MarginLeft = 1587;   // 28 mm
    internal const int MarginRight = 1474;  // 26 mm
    internal const int BodyLine = 579;      // 28.95 pt: 225 mm / 22 lines
    internal const int BodySize = 32;       // half-points: 3号 = 16 pt
    internal const int Em = 320;            // one 3号 character in twips

    internal const string FangSong = "仿宋_GB2312";
    internal const string XiaoBiaoSong = "方正小标宋简体";
    internal const string HeiTi = "黑体";
    internal const string KaiTi = "楷体_GB2312";
    internal const string SongTi = "宋体";
    internal const string Red = "FF0000";

    private readonly List<OpenXmlElement> _body = [];
    private bool _letterFormat;
    private bool _pageNumbers = true;

    /// <summary>"2026年2月27日": Arabic numerals, no leading zeros (GB/T 9704-2012 7.3.5.1).</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>The value, or <see cref="Blank"/> when it is null or white space.</summary>
    public static string OrBlank(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value.Trim();

    /// <summary>The non-empty lines of a multi-line text, or one <see cref="Blank"/> when there are none.</summary>
    public static IReadOnlyList<string> Lines(string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.Count > 0 ? lines : [Blank];
    }

    /// <summary>一, 二, … 九十九 for heading numbers.</summary>
    public static string ChineseNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        const string digits = "〇一二三四五六七八九";
        var tens = number / 10;
        var units = number % 10;
        var text = tens switch
        {
            0 => "",
            1 => "十",
            _ => digits[tens] + "十",
        };
        return units == 0 ? text : text + digits[units];
    }

    /// <summary>Leaves out the page numbers (for one-page forms).</summary>
    public OfficialDocument WithoutPageNumbers()
    {
        _pageNumbers = false;
        return this;
    }

    /// <summary>Secrecy mark (e.g. "机密") and urgency (e.g. "特急") at the top left, in 3号黑体.</summary>
    public OfficialDocument Marks(string? secrecy, string? urgency)
    {
        foreach (var mark in new[] { secrecy, urgency })
        {
            if (!string.IsNullOrWhiteSpace(mark))
            {
                _body.Add(Para(OfficialStyles.Mark, mark));
            }
        }
        return this;
    }

    /// <summary>
    /// 信函格式 head: the issuing organ in red 小标宋, a red double line (thick over thin) 170 mm long,
    /// then the marks at the left and the document number at the right on the lines beneath it.
    /// </summary>
    public OfficialDocument LetterHead(string organ, string? number, string? secrecy = null, string? urgency = null)
    {
        _letterFormat = true;
        _body.Add(Para(OfficialStyles.LetterHead, organ));
        var overhang = (int)Math.Round(7 * 1440 / 25.4); // (170 - 156) / 2 mm on each side
        _body.Add(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = OfficialStyles.Rule },
                new ParagraphBorders(new BottomBorder { Val = BorderValues.ThickThinSmallGap, Size = 24, Space = 1, Color = Red }),
                new Indentation { Left = (-overhang).ToString(CultureInfo.InvariantCulture), Right = (-overhang).ToString(CultureInfo.InvariantCulture) })));

        var marks = new[] { secrecy, urgency }.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        _body.Add(SplitLine(OfficialStyles.Mark, marks.Count > 0 ? marks[0] : null, number));
        foreach (var mark in marks.Skip(1))
        {
            _body.Add(Para(OfficialStyles.Mark, mark));
        }
        return this;
    }

    /// <summary>
    /// Centred title in 2号小标宋; with <paramref name="spaced"/>, one blank line before it (after a head)
    /// and one after it, as for a letter or report; forms leave the blanks out to stay on one page.
    /// </summary>
    public OfficialDocument Title(string text, bool spaced = true)
    {
        if (spaced && _body.Count > 0)
        {
            _body.Add(Para(OfficialStyles.Body, null));
        }
        _body.Add(Para(OfficialStyles.Title, text));
        if (spaced)
        {
            _body.Add(Para(OfficialStyles.Body, null));
        }
        return this;
    }

    /// <summary>Single line with text at the left margin and, optionally, text at the right margin.</summary>
    public OfficialDocument Line(string? left, string? right = null)
    {
        _body.Add(SplitLine(OfficialStyles.Plain, left, right));
        return this;
    }

    /// <summary>The line above a form table (填报单位 at the left, 编号 at the right), in the form's type size.</summary>
    public OfficialDocument FormCaption(string? left, string? right = null)
    {
        _body.Add(SplitLine(OfficialStyles.FormText, left, right));
        return this;
    }

    /// <summary>主送机关 or addressee, flush left, e.g. "张三同志：".</summary>
    public OfficialDocument Addressee(string text)
    {
        _body.Add(Para(OfficialStyles.Plain, text));
        return this;
    }

    /// <summary>Body paragraph, first line indented two characters.</summary>
    public OfficialDocument Paragraph(string text)
    {
        _body.Add(Para(OfficialStyles.Body, text));
        return this;
    }

    /// <summary>An empty body line.</summary>
    public OfficialDocument BlankLine()
    {
        _body.Add(Para(OfficialStyles.Body, null));
        return this;
    }

    /// <summary>一级标题 "一、…" in 3号黑体.</summary>
    public OfficialDocument Heading1(int number, string text)
    {
        _body.Add(Para(OfficialStyles.Heading1, ChineseNumber(number) + "、" + text));
        return this;
    }

    /// <summary>二级标题 "（一）…" in 3号楷体.</summary>
    public OfficialDocument Heading2(int number, string text)
    {
        _body.Add(Para(OfficialStyles.Heading2, "（" + ChineseNumber(number) + "）" + text));
        return this;
    }

    /// <summary>Third-level item "1.…" as a body paragraph.</summary>
    public OfficialDocument Item(int number, string text)
    {
        _body.Add(Para(OfficialStyles.Body, number.ToString(CultureInfo.InvariantCulture) + "." + text));
        return this;
    }

    /// <summary>Each line of a multi-line text as a body paragraph (<see cref="Lines"/>: one <see cref="Blank"/> when it has none).</summary>
    public OfficialDocument Paragraphs(string? text)
    {
        foreach (var line in Lines(text))
        {
            Paragraph(line);
        }

        return this;
    }

    /// <summary>Third-level items numbered "1.", "2.", …; when there are none, the paragraph <paramref name="none"/> (if given).</summary>
    public OfficialDocument Items(IEnumerable<string> items, string? none = null)
    {
        var number = 0;
        foreach (var item in items)
        {
            Item(++number, item);
        }

        if (number == 0 && none is not null)
        {
            Paragraph(none);
        }

        return this;
    }

    /// <summary>
    /// 落款 for a document without a seal (GB/T 9704-2012 7.3.5.2): one blank line, the organ two
    /// characters from the right, the date beneath it starting two characters further right
    /// (or, when the date is the longer, the date two characters from the right).
    /// </summary>
    public OfficialDocument Signature(string signer, DateOnly date)
    {
        var dateText = FormatDate(date);
        var signerWidth = WidthInEm(signer);
        var dateWidth = WidthInEm(dateText);
        var signerRight = 2.0;
        var dateRight = signerWidth - dateWidth;
        if (dateRight < 2)
        {
            signerRight += 2 - dateRight;
            dateRight = 2;
        }
        _body.Add(Para(OfficialStyles.Body, null));
        _body.Add(RightAligned(signer, signerRight));
        _body.Add(RightAligned(dateText, dateRight));
        return this;
    }

    /// <summary>A form table (审批表) across the full 版心.</summary>
    public OfficialDocument Table(FormTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _body.Add(table.ToTable(TextWidth));
        return this;
    }

    /// <summary>A ruled table of figures (统计表) across the full 版心.</summary>
    public OfficialDocument Grid(DataGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        _body.Add(grid.ToTable(TextWidth));
        return this;
    }

    /// <summary>
    /// 版记 after the text: "抄送：…。" and, except in 信函格式, the printing organ and date
    /// ("2026年11月28日印发") between thick outer and thin inner separator lines (GB/T 9704-2012 8, 10.1).
    /// The standard puts it at the foot of the last page; it follows the text after a blank line here,
    /// because floating tables pinned to the page foot do not survive LibreOffice and WPS.
    /// </summary>
    public OfficialDocument Distribution(IReadOnlyList<string> copyTo, string? printedBy = null, DateOnly? printedOn = null)
    {
        ArgumentNullException.ThrowIfNull(copyTo);
        var rows = new List<(string Left, string? Right)>();
        if (copyTo.Count > 0)
        {
            rows.Add(("抄送：" + string.Join("，", copyTo) + "。", null));
        }
        var withPrinting = !_letterFormat && printedBy is not null && printedOn is not null;
        if (withPrinting)
        {
            rows.Add((printedBy!, FormatDate(printedOn!.Value) + "印发"));
        }
        if (rows.Count == 0)
        {
            return this;
        }

        var lines = !_letterFormat;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = lines ? BorderValues.Single : BorderValues.Nil, Size = 8, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = lines ? BorderValues.Single : BorderValues.Nil, Size = 8, Color = "000000" },
                    new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = lines ? BorderValues.Single : BorderValues.Nil, Size = 6, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = TextWidth.ToString(CultureInfo.InvariantCulture) }));
        foreach (var (left, right) in rows)
        {
            table.Append(new TableRow(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                SplitLine(OfficialStyles.Distribution, left, right))));
        }
        _body.Add(Para(OfficialStyles.Plain, null));
        _body.Add(table);
        _body.Add(Para(OfficialStyles.Plain, null));
        return this;
    }

    /// <summary>Writes the package.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = OfficialStyles.Create();
            main.AddNewPart<FontTablePart>().Fonts = OfficialStyles.CreateFontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new DefaultTabStop { Val = Em * 2 },
                new EvenAndOddHeaders(),
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));

            var section = new SectionProperties();
            if (_pageNumbers)
            {
                section.Append(
                    FooterReference(main, HeaderFooterValues.Default, PageNumberFooter(JustificationValues.Right)),
                    FooterReference(main, HeaderFooterValues.Even, PageNumberFooter(JustificationValues.Left)));
            }
            if (_letterFormat)
            {
                // 信函格式: no page number on page one, and a red double line (thin over thick) near the foot.
                section.Append(FooterReference(main, HeaderFooterValues.First, LetterFootFooter()));
            }
            section.Append(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin
                {
                    Top = MarginTop,
                    Bottom = MarginBottom,
                    Left = MarginLeft,
                    Right = MarginRight,
                    Header = 851,
                    Footer = 1247,
                    Gutter = 0,
                });
            if (_letterFormat)
            {
                section.Append(new TitlePage());
            }

            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true)).Append(section)));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    internal static double WidthInEm(string text) =>
        text.Sum(c => c < '\u2E80' ? 0.5 : 1.0);

    internal static Paragraph Para(string style, string? text, JustificationValues? justification = null)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (justification is not null)
        {
            properties.Append(new Justification { Val = justification.Value });
        }
        var paragraph = new Paragraph(properties);
        if (!string.IsNullOrEmpty(text))
        {
            paragraph.Append(new Run(Chars(text)));
        }
        return paragraph;
    }

    internal static Paragraph SplitLine(string style, string? left, string? right)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = style },
            new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth })));
        if (!string.IsNullOrEmpty(left))
        {
            paragraph.Append(new Run(Chars(left)));
        }
        if (!string.IsNullOrEmpty(right))
        {
            paragraph.Append(new Run(new TabChar(), Chars(right)));
        }
        return paragraph;
    }

    private static Paragraph RightAligned(string text, double rightEm)
    {
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = OfficialStyles.Plain },
                new Indentation { Right = ((int)Math.Round(rightEm * Em)).ToString(CultureInfo.InvariantCulture) },
                new Justification { Val = JustificationValues.Right }),
            new Run(Chars(text)));
    }

    /// <summary>A w:t element that keeps its spaces (the name Text is taken by the Qingfeng.Platform.Text namespace).</summary>
    internal static DocumentFormat.OpenXml.Wordprocessing.Text Chars(string text) =>
        new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static FooterReference FooterReference(MainDocumentPart main, HeaderFooterValues type, Footer footer)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = footer;
        return new FooterReference { Type = type, Id = main.GetIdOfPart(part) };
    }

    /// <summary>"— 1 —" in 4号宋体, one character in from the outer edge.</summary>
    private static Footer PageNumberFooter(JustificationValues side)
    {
        var indent = side == JustificationValues.Right
            ? new Indentation { Right = "280" }
            : new Indentation { Left = "280" };
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = OfficialStyles.PageNumber }, indent, new Justification { Val = side }),
            new Run(Chars("— ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Chars("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Chars(" —"))));
    }

    private static Footer LetterFootFooter()
    {
        var overhang = (int)Math.Round(7 * 1440 / 25.4);
        return new Footer(new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = OfficialStyles.Rule },
            new ParagraphBorders(new TopBorder { Val = BorderValues.ThinThickSmallGap, Size = 24, Space = 1, Color = Red }),
            new Indentation { Left = (-overhang).ToString(CultureInfo.InvariantCulture), Right = (-overhang).ToString(CultureInfo.InvariantCulture) })));
    }
}
