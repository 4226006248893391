using Qingfeng.Platform.Documents;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Tests.Platform.Documents;

public sealed class OfficialDocumentTests
{
    private static byte[] Sample() => new OfficialDocument()
        .Marks("机密", "特急")
        .Title("关于开展作风建设专项检查的通知")
        .Addressee("各乡镇纪委，县直各派驻纪检监察组：")
        .Paragraph("为深入贯彻中央八项规定精神，现就有关事项通知如下。")
        .Heading1(1, "检查范围")
        .Heading2(1, "县直部门")
        .Item(1, "县交通运输局。")
        .Signature("中共开阳县纪委办公室", new DateOnly(2026, 11, 28))
        .Distribution(["县委办公室", "县政府办公室"], "中共开阳县纪委办公室", new DateOnly(2026, 11, 28))
        .ToBytes();

    [Fact]
    public void Pages_are_A4_with_the_GB_T_9704_margins()
    {
        using var docx = new DocxInspection(Sample());

        var size = docx.Section.GetFirstChild<W.PageSize>()!;
        var margin = docx.Section.GetFirstChild<W.PageMargin>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal(37.0, Millimetres(margin.Top!.Value), 0.1);
        Assert.Equal(35.0, Millimetres(margin.Bottom!.Value), 0.1);
        Assert.Equal(28.0, Millimetres(margin.Left!.Value), 0.1);
        Assert.Equal(26.0, Millimetres(margin.Right!.Value), 0.1);
        Assert.Equal(156.0, Millimetres(OfficialDocument.TextWidth), 0.1);
    }

    [Fact]
    public void Body_text_is_3号_仿宋_in_zh_CN_on_a_fixed_line_with_a_two_character_indent()
    {
        using var docx = new DocxInspection(Sample());

        var run = docx.DefaultRun;
        Assert.Equal("仿宋_GB2312", run.RunFonts!.EastAsia!.Value);
        Assert.Equal("仿宋_GB2312", run.RunFonts.Ascii!.Value);
        Assert.Equal("仿宋_GB2312", run.RunFonts.HighAnsi!.Value);
        Assert.Equal("32", run.FontSize!.Val!.Value);
        Assert.Equal("zh-CN", run.Languages!.EastAsia!.Value);

        var normal = docx.Style("Normal");
        Assert.True(normal.Default!.Value);
        Assert.Equal(200, normal.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);

        var spacing = docx.Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!
            .ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(W.LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
        Assert.InRange(int.Parse(spacing.Line!.Value!, System.Globalization.CultureInfo.InvariantCulture), 560, 580);

        var body = docx.ParagraphWith("为深入贯彻");
        Assert.Equal("Normal", DocxInspection.StyleOf(body));
    }

    [Fact]
    public void The_fonts_carry_windows_fallbacks_in_the_font_table()
    {
        using var docx = new DocxInspection(Sample());

        var fonts = docx.Package.MainDocumentPart!.FontTablePart!.Fonts!.Elements<W.Font>().ToDictionary(f => f.Name!.Value!);
        Assert.Equal("仿宋", fonts["仿宋_GB2312"].AltName!.Val!.Value);
        Assert.Equal("楷体", fonts["楷体_GB2312"].AltName!.Val!.Value);
        Assert.True(fonts.ContainsKey("方正小标宋简体"));
    }

    [Fact]
    public void Title_is_2号_小标宋_centred_and_headings_use_黑体_and_楷体()
    {
        using var docx = new DocxInspection(Sample());

        Assert.Equal("Title", DocxInspection.StyleOf(docx.ParagraphWith("关于开展作风建设专项检查的通知")));
        var title = docx.Style("Title");
        Assert.Equal("方正小标宋简体", title.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("44", title.StyleRunProperties.FontSize!.Val!.Value);
        Assert.Equal(W.JustificationValues.Center, title.StyleParagraphProperties!.Justification!.Val!.Value);

        Assert.Equal("Heading1", DocxInspection.StyleOf(docx.ParagraphWith("一、检查范围")));
        Assert.Equal("黑体", docx.Style("Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("Heading2", DocxInspection.StyleOf(docx.ParagraphWith("（一）县直部门")));
        Assert.Equal("楷体_GB2312", docx.Style("Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Contains("1.县交通运输局。", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_come_first_and_the_signature_is_right_aligned_with_an_arabic_date()
    {
        using var docx = new DocxInspection(Sample());

        Assert.Equal("机密", DocxInspection.TextOf(docx.Paragraphs[0]));
        Assert.Equal("特急", DocxInspection.TextOf(docx.Paragraphs[1]));
        var date = docx.ParagraphWith("2026年11月28日");
        Assert.Equal(W.JustificationValues.Right, date.ParagraphProperties!.Justification!.Val!.Value);
        var organ = docx.Paragraphs[docx.Paragraphs.ToList().IndexOf(date) - 1];
        Assert.Equal("中共开阳县纪委办公室", DocxInspection.TextOf(organ));
    }

    [Fact]
    public void Distribution_lists_the_copies_and_the_printing_organ_between_rules()
    {
        using var docx = new DocxInspection(Sample());

        Assert.Contains("抄送：县委办公室，县政府办公室。", docx.Text, StringComparison.Ordinal);
        Assert.Contains("中共开阳县纪委办公室\t2026年11月28日印发", docx.Text, StringComparison.Ordinal);
        var borders = docx.Tables[^1].GetFirstChild<W.TableProperties>()!.GetFirstChild<W.TableBorders>()!;
        Assert.Equal(W.BorderValues.Single, borders.TopBorder!.Val!.Value);
        Assert.Equal(W.BorderValues.Single, borders.InsideHorizontalBorder!.Val!.Value);
    }

    [Fact]
    public void Page_numbers_read_dash_number_dash_in_4号宋体_on_the_outer_sides()
    {
        using var docx = new DocxInspection(Sample());

        var footers = docx.Package.MainDocumentPart!.FooterParts.Select(f => f.Footer!).ToList();
        Assert.Equal(2, footers.Count);
        foreach (var footer in footers)
        {
            var text = string.Concat(footer.Descendants<W.Text>().Select(t => t.Text));
            Assert.Equal("— 1 —", text);
            Assert.Contains(footer.Descendants<W.FieldCode>(), f => f.Text.Trim() == "PAGE");
        }
        Assert.NotNull(docx.Package.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<W.EvenAndOddHeaders>());
        Assert.Equal("宋体", docx.Style("Footer").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("28", docx.Style("Footer").StyleRunProperties!.FontSize!.Val!.Value);
    }

    [Fact]
    public void Letter_head_prints_the_organ_in_red_over_a_red_rule_and_hides_the_first_page_number()
    {
        var bytes = new OfficialDocument()
            .LetterHead("中共开阳县纪委办公室", "开纪办函〔2026〕12号", "机密")
            .Title("关于张三同志有关问题的函询通知")
            .ToBytes();
        using var docx = new DocxInspection(bytes);

        Assert.Equal("QfLetterHead", DocxInspection.StyleOf(docx.Paragraphs[0]));
        Assert.Equal("FF0000", docx.Style("QfLetterHead").StyleRunProperties!.Color!.Val!.Value);
        var rule = docx.Paragraphs[1].ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal("FF0000", rule.Color!.Value);
        Assert.Equal("机密\t开纪办函〔2026〕12号", DocxInspection.TextOf(docx.Paragraphs[2]));
        Assert.NotNull(docx.Section.GetFirstChild<W.TitlePage>());
        docx.AssertValid();
    }

    [Fact]
    public void Letters_print_only_the_copies_in_the_distribution()
    {
        var bytes = new OfficialDocument()
            .LetterHead("中共开阳县纪委办公室", "开纪办函〔2026〕12号")
            .Distribution(["县交通运输局党组"], "中共开阳县纪委办公室", new DateOnly(2026, 11, 28))
            .ToBytes();
        using var docx = new DocxInspection(bytes);

        Assert.Contains("抄送：县交通运输局党组。", docx.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("印发", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_validates_without_errors()
    {
        using var docx = new DocxInspection(Sample());

        docx.AssertValid();
    }

    [Theory]
    [InlineData(2026, 2, 27, "2026年2月27日")]
    [InlineData(2026, 11, 8, "2026年11月8日")]
    public void Dates_are_written_in_arabic_numerals_without_leading_zeros(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, OfficialDocument.FormatDate(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(6, "六")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(99, "九十九")]
    public void Heading_numbers_are_chinese_numerals(int number, string expected)
    {
        Assert.Equal(expected, OfficialDocument.ChineseNumber(number));
    }

    [Fact]
    public void Missing_values_show_a_visible_blank()
    {
        Assert.Equal("＿＿＿＿", OfficialDocument.OrBlank(null));
        Assert.Equal("＿＿＿＿", OfficialDocument.OrBlank("  "));
        Assert.Equal("张三", OfficialDocument.OrBlank(" 张三 "));
    }

    private static double Millimetres(double twips) => twips * 25.4 / 1440;
}
