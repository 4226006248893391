using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Tests.Platform.Documents;

/// <summary>Reads a generated .docx back for assertions: its text, styles, section and validation errors.</summary>
internal sealed class DocxInspection : IDisposable
{
    private readonly MemoryStream _stream;

    public DocxInspection(byte[] bytes)
    {
        _stream = new MemoryStream(bytes, writable: false);
        Package = WordprocessingDocument.Open(_stream, isEditable: false);
    }

    public WordprocessingDocument Package { get; }

    public W.Body Body => Package.MainDocumentPart!.Document!.Body!;

    public W.SectionProperties Section => Body.Elements<W.SectionProperties>().Single();

    public IReadOnlyList<W.Paragraph> Paragraphs => [.. Body.Descendants<W.Paragraph>()];

    /// <summary>All text of the body, paragraphs separated by line feeds.</summary>
    public string Text => string.Join("\n", Paragraphs.Select(TextOf));

    public IReadOnlyList<W.Table> Tables => [.. Body.Elements<W.Table>()];

    public static string TextOf(W.Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            W.Text t => t.Text,
            W.TabChar => "\t",
            _ => "",
        }));

    public W.Style Style(string id) =>
        Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == id);

    public W.RunPropertiesBaseStyle DefaultRun =>
        Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

    public W.Paragraph ParagraphWith(string text) => Paragraphs.First(p => TextOf(p).Contains(text, StringComparison.Ordinal));

    public static string? StyleOf(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public IReadOnlyList<string> ValidationErrors() =>
        [.. new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(Package)
            .Select(e => $"{e.Id} {e.Path?.XPath}: {e.Description}")];

    /// <summary>Fails with every schema error spelled out.</summary>
    public void AssertValid()
    {
        var errors = ValidationErrors();
        Xunit.Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public void Dispose()
    {
        Package.Dispose();
        _stream.Dispose();
    }
}
