using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qingfeng.Features.Decisions;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// The OpenAPI document states what integrators need to generate a working client (how to authenticate, where the API is,
/// what every problem looks like), and the API holds to it: enums by name only, numbers as numbers, every problem with a code.
/// </summary>
public sealed class ContractConventionTests(SharedApps apps)
{
    private static readonly string[] EveryOperationAnswers = ["400", "401", "403", "429", "503"];

    private const string Clue = """{"source":"Letter","content":"反映其违规收受礼金两万元。","persons":[{"name":"张三","unitName":"开阳县某局"}]}""";

    [Fact]
    public async Task The_document_names_its_security_schemes_a_fixed_server_and_no_page_endpoints()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var viaOtherHost = app.CreateClient();
        viaOtherHost.DefaultRequestHeaders.Host = "intruder.example.org:8443";

        var document = JsonDocument.Parse(await viaOtherHost.GetStringAsync("/openapi/v1.json")).RootElement;

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal(["bearer", "cookie"], document.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single().Name));
        var server = Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString();
        Assert.DoesNotContain("intruder", server, StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_documents_the_problems_every_caller_can_meet_and_downloads_their_files()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.True(problem.TryGetProperty("code", out _) && problem.TryGetProperty("traceId", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty("HttpValidationProblemDetails").GetProperty("properties").TryGetProperty("errors", out _));

        var operations = (from path in document.GetProperty("paths").EnumerateObject()
                          from operation in path.Value.EnumerateObject()
                          select (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", Responses: operation.Value.GetProperty("responses"))).ToList();
        var missing = operations
            .SelectMany(o => EveryOperationAnswers.Where(s => !o.Responses.TryGetProperty(s, out _)).Select(s => $"{o.Name} {s}"))
            .Concat(operations.Where(o => o.Name.Contains("{id}", StringComparison.Ordinal) && !o.Responses.TryGetProperty("404", out _)).Select(o => o.Name + " 404"))
            .ToList();
        Assert.True(missing.Count == 0, "Undocumented: " + string.Join(", ", missing));

        var downloads = operations.Where(o => o.Name.EndsWith("/export", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(downloads);
        Assert.All(downloads, o =>
        {
            var excel = o.Responses.GetProperty("200").GetProperty("content").GetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            Assert.Equal("binary", excel.GetProperty("schema").GetProperty("format").GetString());
        });
    }

    [Theory]
    [InlineData("\"source\":0", "source")]
    [InlineData("\"source\":\"0\"", "source")]
    [InlineData("\"source\":\"Letter, Visit\"", "source")]
    [InlineData("\"source\":null", "source")]
    public async Task An_enum_sent_as_anything_but_a_members_name_is_refused_naming_the_field(string source, string field)
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);

        var response = await client.PostAsync("/api/v1/clues", new StringContent(Clue.Replace("\"source\":\"Letter\"", source, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_not_read_as_a_number()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Assert.Equal(5, JsonSerializer.Deserialize<SaveDecisionRequest>("""{"membersPresent":5}""", options)!.MembersPresent);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SaveDecisionRequest>("""{"membersPresent":"5"}""", options));
    }

    [Fact]
    public async Task A_unique_key_taken_by_a_simultaneous_request_is_a_409_problem_not_a_server_error()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/v1/quarterly-reviews/2026/4";
        http.Response.Body = new MemoryStream();
        var duplicate = new DbUpdateException("insert failed", new SqliteException("UNIQUE constraint failed: quarterly_reviews.organ_id", 19, 2067));

        var handled = await scope.ServiceProvider.GetServices<IExceptionHandler>().Single().TryHandleAsync(http, duplicate, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        Assert.Equal("Rule.Concurrency", JsonDocument.Parse(http.Response.Body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refusals_by_policy_and_by_the_framework_carry_a_code_and_a_trace_id()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var anonymous = app.CreateClient();
        var auditor = await app.ClientForAsync(TestUsers.AuditAdmin.UserName);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);

        var unauthenticated = await (await anonymous.GetAsync("/api/v1/clues")).ProblemAsync(HttpStatusCode.Unauthorized);
        var forbidden = await (await auditor.GetAsync("/api/v1/clues")).ProblemAsync(HttpStatusCode.Forbidden);
        using var plainText = new StringContent(Clue, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
        var unsupported = await (await petition.PostAsync("/api/v1/clues", plainText)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Rule.Unauthenticated", unauthenticated.GetProperty("code").GetString());
        Assert.Equal("Rule.Forbidden", forbidden.GetProperty("code").GetString());
        Assert.Equal("Rule.UnsupportedMediaType", unsupported.GetProperty("code").GetString());
    }
}
