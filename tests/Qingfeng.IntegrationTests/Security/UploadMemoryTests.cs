using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// A zip bomb and a burst of uploads against Kestrel leave the server's memory bounded. The figures are the test
/// process's own (the server runs in it), and every test running at the same time allocates in the same process: so
/// this class has its own server and runs alone, after the parallel tests.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public sealed class UploadMemoryTests(KestrelApp kestrel) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task A_tiny_xlsx_that_expands_to_hundreds_of_megabytes_and_a_burst_of_uploads_leave_memory_bounded()
    {
        var importer = await kestrel.App.ClientForAsync(TestUsers.ProvinceCaseManagement.UserName);
        var petition = await kestrel.App.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var clue = await MalformedRequestTests.RegisterAsync(petition);
        var bomb = ZipBomb(200_000_000);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"bomb is {bomb.Length} bytes");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bomb);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "roster.xlsx");
        var import = await importer.PostAsync("/api/v1/roster/import", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, import.StatusCode);
        Assert.Contains("文件解压后超过 128 MB", await import.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Refused from the zip directory: before that check, MiniExcel inflated it and allocated about 1.9 GB.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(allocated < 256L * 1024 * 1024, $"refusing the bomb allocated {allocated / 1024 / 1024} MB");

        var uploads = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            MalformedRequestTests.UploadAsync(petition, clue, $"scan{i}.pdf", [.. "%PDF-1.7\n"u8, .. new byte[2 * 1024 * 1024]])));
        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.OK, u.StatusCode));

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(retained < 128L * 1024 * 1024, $"the managed heap kept {retained / 1024 / 1024} MB");
    }

    /// <summary>An .xlsx whose only sheet holds one cell of <paramref name="characters"/> letters: about a megabyte on the wire.</summary>
    private static byte[] ZipBomb(int characters)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open());
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="干部名册" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>""");
            var chunk = new string('A', 1 << 20);
            for (var written = 0; written < characters; written += chunk.Length)
            {
                sheet.Write(chunk);
            }

            sheet.Write("</t></is></c></row></sheetData></worksheet>");
        }

        return buffer.ToArray();
    }
}
