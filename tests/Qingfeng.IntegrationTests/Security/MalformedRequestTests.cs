using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// Oversized, malformed and lying requests and uploads against Kestrel: each is refused with a 4xx
/// (a ProblemDetails where the app answers), never a 500. (That the server's memory stays bounded: <see cref="UploadMemoryTests"/>.)
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class MalformedRequestTests(KestrelApp kestrel)
{
    private const string ValidClue = """{"source":"Letter","content":"反映其违规收受礼金两万元。","persons":[{"name":"张三","unitName":"开阳县某局"}]}""";

    [Fact]
    public async Task A_json_body_over_the_servers_limit_is_refused_with_413()
    {
        // The client declares a body over the 32 MB limit and waits, however long the server takes, for its answer
        // before sending a byte of it (Expect: 100-continue with no time-out). The server must refuse from the declared
        // length alone: the content throws if it is ever asked for, so the outcome never depends on how far an upload got.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = kestrel.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await kestrel.App.TokenAsync(TestUsers.KaiyangPetition.UserName));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clues") { Content = new NeverSentContent(36L * 1024 * 1024) };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("deep nesting")]
    [InlineData("invalid json")]
    [InlineData("invalid enum")]
    [InlineData("wrong type")]
    [InlineData("null body")]
    public async Task Malformed_json_is_a_400_problem_not_a_server_error(string kind)
    {
        var client = await kestrel.App.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var body = kind switch
        {
            "deep nesting" => string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000),
            "invalid json" => "{\"source\":\"Letter\",\"content\":",
            "invalid enum" => ValidClue.Replace("\"Letter\"", "\"Bogus\"", StringComparison.Ordinal),
            "wrong type" => ValidClue.Replace("[{", "{\"x\":[{", StringComparison.Ordinal).Replace("}]", "}]}", StringComparison.Ordinal),
            _ => "null",
        };

        var response = await client.PostAsync("/api/v1/clues", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/v1/clues?state=Bogus", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/clues?page=notanumber", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/clues?page=-5&pageSize=999999", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/clues/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/clues/00000000-0000-0000-0000-000000000000/documents/Bogus", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/officials/%27%20OR%201%3D1--", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/clues", HttpStatusCode.UnsupportedMediaType)]
    public async Task Wrong_parameters_and_content_types_are_client_errors(string method, string path, HttpStatusCode expected)
    {
        var client = await kestrel.App.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent(ValidClue, Encoding.UTF8, "text/plain");
        }

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Huge_query_strings_and_headers_are_refused_by_kestrel()
    {
        var client = await kestrel.App.ClientForAsync(TestUsers.KaiyangLeader.UserName);

        var query = await client.GetAsync("/api/v1/clues?search=" + new string('a', 100_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, query.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clues");
        request.Headers.Add("X-Padding", new string('a', 64 * 1024));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Attachments_over_10_mb_or_with_a_lying_extension_are_refused_and_downloads_cannot_run_as_pages()
    {
        var client = await kestrel.App.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var clue = await RegisterAsync(client);

        var big = await UploadAsync(client, clue, "scan.pdf", [.. "%PDF-1.7\n"u8, .. new byte[(10 * 1024 * 1024) + 1]]);
        await big.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var html = await UploadAsync(client, clue, "page.html", "<script>alert(1)</script>"u8.ToArray());
        Assert.Equal("Clue.AttachmentType", (await html.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());

        // A page dressed up as a PDF or a picture: the content does not match the extension.
        foreach (var name in new[] { "scan.pdf", "photo.png", "photo.jpg", "letter.docx" })
        {
            var lying = await UploadAsync(client, clue, name, "<html><script>alert(1)</script></html>"u8.ToArray(), "text/html");
            Assert.Equal("Clue.AttachmentContent", (await lying.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        }

        // Text is text: served as a download, typed by the server and never sniffed into a page.
        var text = await UploadAsync(client, clue, "note.txt", "<script>alert(1)</script>"u8.ToArray(), "text/html");
        var id = (await text.OkJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var download = await client.GetAsync($"/api/v1/clues/{clue}/attachments/{id}");
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    internal static async Task<Guid> RegisterAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/clues", new StringContent(ValidClue, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid clue, string name, byte[] content, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/clues/{clue}/attachments", form);
    }

    /// <summary>A JSON body of a declared length that fails the test if the client is ever asked to send it.</summary>
    private sealed class NeverSentContent : HttpContent
    {
        private readonly long _length;

        public NeverSentContent(long length)
        {
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new InvalidOperationException("The server asked for the body (100 Continue) instead of refusing it from its declared length.");

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
