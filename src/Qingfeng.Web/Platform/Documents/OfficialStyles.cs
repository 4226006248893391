using DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// The paragraph styles and font table behind <see cref="OfficialDocument"/>. Fonts are named as the
/// GB/T 9704 templates name them (仿宋_GB2312, 方正小标宋简体, 楷体_GB2312) with an <c>altName</c>
/// fallback to the fonts Windows ships (仿宋, 宋体, 楷体); every run is tagged <c>zh-CN</c>.
/// </summary>
internal static class OfficialStyles
{
    public const string Body = "Normal";
    public const string Plain = "QfPlain";
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Mark = "QfMark";
    public const string LetterHead = "QfLetterHead";
    public const string Rule = "QfRule";
    public const string Distribution = "QfDistribution";
    public const string FormText = "QfFormText";
    public const string FormLabel = "QfFormLabel";
    public const string PageNumber = "Footer";

    /// <summary>Form cells: 小四仿宋 on a fixed 18 pt line (labels in 小四黑体), so a chain of four signatures fits one page.</summary>
    public const int FormSize = 24;
    public const int FormLine = 360;

    private static readonly (string Name, string Fallback, string Family)[] FontList =
    [
        (OfficialDocument.FangSong, "仿宋", "modern"),
        (OfficialDocument.XiaoBiaoSong, "宋体", "script"),
        (OfficialDocument.HeiTi, "SimHei", "modern"),
        (OfficialDocument.KaiTi, "楷体", "modern"),
        (OfficialDocument.SongTi, "SimSun", "auto"),
    ];

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(OfficialDocument.FangSong),
                new Kern { Val = 2 },
                new FontSize { Val = Half(OfficialDocument.BodySize) },
                new FontSizeComplexScript { Val = Half(OfficialDocument.BodySize) },
                new Languages { Val = "zh-CN", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = Twips(OfficialDocument.BodyLine), LineRule = LineSpacingRuleValues.Exact }))),
        ParagraphStyle(Body, "Normal", null, isDefault: true,
            new StyleParagraphProperties(
                new Indentation { FirstLine = Twips(2 * OfficialDocument.Em), FirstLineChars = 200 },
                new Justification { Val = JustificationValues.Both }),
            null),
        ParagraphStyle(Plain, "公文无缩进", Body, isDefault: false,
            new StyleParagraphProperties(
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Left }),
            null),
        ParagraphStyle(Title, "Title", Body, isDefault: false,
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(OfficialDocument.XiaoBiaoSong), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })),
        ParagraphStyle(Heading1, "heading 1", Body, isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
            new StyleRunProperties(Fonts(OfficialDocument.HeiTi))),
        ParagraphStyle(Heading2, "heading 2", Body, isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
            new StyleRunProperties(Fonts(OfficialDocument.KaiTi))),
        ParagraphStyle(Mark, "份号密级紧急程度", Plain, isDefault: false,
            null,
            new StyleRunProperties(Fonts(OfficialDocument.HeiTi))),
        ParagraphStyle(LetterHead, "发文机关标志", Plain, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "900", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(
                Fonts(OfficialDocument.XiaoBiaoSong),
                new Color { Val = OfficialDocument.Red },
                new Spacing { Val = 20 },
                new FontSize { Val = "52" },
                new FontSizeComplexScript { Val = "52" })),
        ParagraphStyle(Rule, "分隔线", Plain, isDefault: false,
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "120", LineRule = LineSpacingRuleValues.Exact }),
            null),
        ParagraphStyle(Distribution, "版记", Plain, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { Left = "1120", Right = "280", Hanging = "840" }),
            new StyleRunProperties(new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
        ParagraphStyle(FormText, "表格文字", Plain, isDefault: false,
            new StyleParagraphProperties(new SpacingBetweenLines { Line = Twips(FormLine), LineRule = LineSpacingRuleValues.Exact }),
            new StyleRunProperties(new FontSize { Val = Half(FormSize) }, new FontSizeComplexScript { Val = Half(FormSize) })),
        ParagraphStyle(FormLabel, "表格标签", FormText, isDefault: false,
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(OfficialDocument.HeiTi))),
        ParagraphStyle(PageNumber, "footer", Plain, isDefault: false,
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Exact }),
            new StyleRunProperties(Fonts(OfficialDocument.SongTi), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })));

    public static Fonts CreateFontTable() => new(FontList.Select(f => new Font(
        new AltName { Val = f.Fallback },
        new FontCharSet { Val = "86" },
        new FontFamily { Val = f.Family == "modern" ? FontFamilyValues.Modern : f.Family == "script" ? FontFamilyValues.Script : FontFamilyValues.Auto },
        new Pitch { Val = FontPitchValues.Variable })
    { Name = f.Name }));

    /// <summary>The same font for Latin and East Asian text, so digits match the Chinese around them.</summary>
    public static RunFonts Fonts(string name) => new()
    {
        Ascii = name,
        HighAnsi = name,
        EastAsia = name,
        ComplexScript = name,
    };

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault,
        StyleParagraphProperties? paragraph, StyleRunProperties? run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }
        if (run is not null)
        {
            style.Append(run);
        }
        return style;
    }

    private static string Half(int halfPoints) => halfPoints.ToString(CultureInfo.InvariantCulture);

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
