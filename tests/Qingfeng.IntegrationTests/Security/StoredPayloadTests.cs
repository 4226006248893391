using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>A stored script payload leaves the API as JSON data and the generated Word document as escaped XML text, never as markup.</summary>
public sealed class StoredPayloadTests(SharedApps apps)
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_script_payload_comes_back_as_json_data_and_as_escaped_text_in_the_docx()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var content = $"反映其收受礼金。{Payload}";
        var body = JsonSerializer.Serialize(new { source = "Letter", content, persons = new[] { new { name = "张三", unitName = Payload } } });
        var registered = await petition.PostAsync("/api/v1/clues", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var detail = await petition.GetAsync($"/api/v1/clues/{id}");
        Assert.Equal("application/json", detail.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Payload, JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement.GetProperty("content").GetString(), StringComparison.Ordinal);

        var document = await petition.GetAsync($"/api/v1/clues/{id}/documents/InquiryLetter");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var docx = new ZipArchive(new MemoryStream(await document.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(docx.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", xml, StringComparison.Ordinal);
    }
}
