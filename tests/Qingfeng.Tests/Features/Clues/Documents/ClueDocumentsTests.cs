using Qingfeng.Tests.Platform.Documents;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Tests.Features.Clues.Documents;

/// <summary>What all four clue documents share: valid packages, the official page, no template artifacts.</summary>
public sealed class ClueDocumentsTests
{
    public static TheoryData<string> Documents => ["InquiryLetter", "DisposalApprovalForm", "VerificationReport", "CaseFilingApprovalForm"];

    internal static byte[] Render(string name) => name switch
    {
        "InquiryLetter" => ClueDocumentSamples.Letter().ToDocx(),
        "DisposalApprovalForm" => ClueDocumentSamples.Disposal(principalLeader: true).ToDocx(),
        "VerificationReport" => ClueDocumentSamples.Report().ToDocx(),
        "CaseFilingApprovalForm" => ClueDocumentSamples.Filing().ToDocx(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_validates_against_the_Open_XML_schema(string name)
    {
        using var docx = new DocxInspection(Render(name));

        docx.AssertValid();
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_is_an_A4_page_in_仿宋_zh_CN(string name)
    {
        using var docx = new DocxInspection(Render(name));

        var size = docx.Section.GetFirstChild<W.PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal("仿宋_GB2312", docx.DefaultRun.RunFonts!.EastAsia!.Value);
        Assert.Equal("zh-CN", docx.DefaultRun.Languages!.EastAsia!.Value);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void No_document_prints_null_or_template_braces(string name)
    {
        using var docx = new DocxInspection(Render(name));

        Assert.DoesNotContain("null", docx.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("{", docx.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("}", docx.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_carries_its_secrecy_mark_above_the_title(string name)
    {
        using var docx = new DocxInspection(Render(name));

        var head = docx.Paragraphs.TakeWhile(p => DocxInspection.StyleOf(p) != "Title").Select(DocxInspection.TextOf);
        Assert.Contains(head, line => line.StartsWith("机密", StringComparison.Ordinal));
    }

    /// <summary>Writes the samples for a look in LibreOffice: to QINGFENG_DOCS_OUT when set, else to a temporary folder.</summary>
    [Fact]
    public void Samples_are_written_as_files_for_visual_review()
    {
        var folder = Environment.GetEnvironmentVariable("QINGFENG_DOCS_OUT") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "qf-docs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var name in Documents)
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".docx"), Render(name));
        }

        File.WriteAllBytes(Path.Combine(folder, "InquiryLetter-PrincipalLeader.docx"), ClueDocumentSamples.Letter(principalLeader: true).ToDocx());
        Assert.All(Directory.GetFiles(folder, "*.docx"), f => Assert.True(new FileInfo(f).Length > 1_000, f));
    }
}
