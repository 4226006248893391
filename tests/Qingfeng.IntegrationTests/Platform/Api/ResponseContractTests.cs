using System.Text;
using System.Text.Json;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// The validator the contract crawl relies on, on a small document shaped like the one the app serves (refs into
/// <c>#/components</c>, <c>x-</c> keywords, formats, a nullable enum, problem responses by reference, a download): it
/// refuses what a generated client would choke on, so the crawl cannot pass because nothing was checked.
/// </summary>
public sealed class ResponseContractTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly ResponseContract Contract = new(JsonDocument.Parse("""
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/v1/things/{id}": {
              "get": {
                "responses": {
                  "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                  "404": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/things/{id}/document": {
              "get": {
                "responses": {
                  "200": { "content": { "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { "schema": { "type": "string", "format": "binary" } } } },
                  "default": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/things/{id}/close": {
              "post": { "responses": { "204": { "description": "Closed" } } }
            }
          },
          "components": {
            "responses": {
              "Problem": { "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
            },
            "schemas": {
              "Thing": {
                "type": "object",
                "required": ["id", "state", "count"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "state": { "$ref": "#/components/schemas/State" },
                  "previous": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/State" }] },
                  "count": { "type": "integer", "format": "int32", "minimum": 0 },
                  "on": { "type": "string", "format": "date", "x-date-minimum": "2000-01-01", "x-date-maximum": "2100-12-31" },
                  "items": { "type": "array", "items": { "$ref": "#/components/schemas/State" } }
                }
              },
              "State": { "type": "string", "enum": ["Open", "Closed"], "x-enum-descriptions": ["开", "关"] },
              "NullableState": { "enum": ["Open", "Closed", null] },
              "ProblemDetails": {
                "type": "object",
                "required": ["code"],
                "properties": { "status": { "type": "integer" }, "code": { "type": "string" } }
              }
            }
          }
        }
        """).RootElement);

    private const string Valid = """{"id":"0194c6f6-1d2b-7a3c-9e4f-0123456789ab","state":"Open","previous":null,"count":3,"on":"2026-12-02","items":["Closed"]}""";

    [Fact]
    public void A_body_that_matches_its_schema_passes_with_x_keywords_formats_and_a_nullable_reference()
    {
        Assert.Empty(Check("GET", "/api/v1/things/{id}", 200, "application/json; charset=utf-8", Valid));
        Assert.Empty(Check("GET", "/api/v1/things/{id}", 200, "application/json", Valid.Replace("\"previous\":null", "\"previous\":\"Closed\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_enum_value_the_schema_does_not_list_is_a_violation_at_its_place()
    {
        var violations = Check("GET", "/api/v1/things/{id}", 200, "application/json", Valid.Replace("\"state\":\"Open\"", "\"state\":0", StringComparison.Ordinal));

        Assert.Contains(violations, v => v.InstanceLocation == "/state" && v.SchemaLocation == "/components/schemas/State/enum");
        Assert.All(violations, v => Assert.Equal("/state", v.InstanceLocation));
    }

    [Fact]
    public void An_enum_value_inside_a_list_is_reported_once_for_every_entry()
    {
        var violations = Check("GET", "/api/v1/things/{id}", 200, "application/json", Valid.Replace("[\"Closed\"]", "[\"Closed\",\"Gone\",\"Lost\"]", StringComparison.Ordinal));

        Assert.Equal(["/items/*"], violations.Select(v => v.InstanceLocation).Distinct());
        Assert.Contains(violations, v => v.Problem.StartsWith("enum:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_property_a_wrong_type_and_a_malformed_uuid_are_violations()
    {
        var violations = Check("GET", "/api/v1/things/{id}", 200, "application/json",
            """{"id":"not-a-guid","state":"Open","count":"12"}""");

        Assert.Contains(violations, v => v.InstanceLocation == "/id" && v.Problem.StartsWith("format:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.InstanceLocation == "/count" && v.Problem.StartsWith("type:", StringComparison.Ordinal));
        Assert.Contains(Check("GET", "/api/v1/things/{id}", 200, "application/json", """{"id":"0194c6f6-1d2b-7a3c-9e4f-0123456789ab","count":1}"""),
            v => v.InstanceLocation == "(root)" && v.Problem.StartsWith("required:", StringComparison.Ordinal) && v.Problem.Contains("state", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_the_schema_does_not_declare_is_a_violation()
    {
        var violations = Check("GET", "/api/v1/things/{id}", 200, "application/json",
            """{"id":"0194c6f6-1d2b-7a3c-9e4f-0123456789ab","state":"Open","count":1,"secret":"x"}""");

        Assert.NotEmpty(violations);
        Assert.Empty(Check("GET", "/api/v1/things/{id}", 200, "application/json", """{"id":"0194c6f6-1d2b-7a3c-9e4f-0123456789ab","state":"Open","count":1}"""));
    }

    [Fact]
    public void A_nullable_enum_that_also_lists_null_refuses_null_because_both_branches_match()
    {
        var violations = Contract.Validate("/components/schemas/Thing/properties/previous", JsonDocument.Parse("null").RootElement);
        Assert.Empty(violations);

        var twice = new ResponseContract(JsonDocument.Parse("""
            {"paths":{},"components":{"schemas":{
              "NullableState":{"enum":["Open",null]},
              "Holder":{"oneOf":[{"type":"null"},{"$ref":"#/components/schemas/NullableState"}]}}}}
            """).RootElement).Validate("/components/schemas/Holder", JsonDocument.Parse("null").RootElement);
        Assert.Contains(twice, v => v.Problem.StartsWith("oneOf:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_the_operation_does_not_list_is_not_documented_unless_a_default_covers_it()
    {
        Assert.Equal([ResponseContract.NotDocumented], Check("POST", "/api/v1/things/{id}/close", 404, "application/problem+json", """{"code":"X"}""").Select(v => v.Problem));
        Assert.True(Check("POST", "/api/v1/things/{id}/close", 409, null, "").Single().IsUndocumentedStatus);
        Assert.Empty(Check("POST", "/api/v1/things/{id}/close", 204, null, ""));
        Assert.Empty(Check("GET", "/api/v1/things/{id}/document", 422, "application/problem+json", """{"status":422,"code":"Rule"}"""));
    }

    [Fact]
    public void A_problem_by_reference_is_validated_against_its_schema()
    {
        Assert.Empty(Check("GET", "/api/v1/things/{id}", 404, "application/problem+json", """{"status":404,"code":"Thing.NotFound"}"""));
        Assert.Contains(Check("GET", "/api/v1/things/{id}", 404, "application/problem+json", """{"status":404}"""), v => v.SchemaLocation == "/components/schemas/ProblemDetails/required");
    }

    [Fact]
    public void Content_types_and_bodies_the_document_does_not_list_are_violations()
    {
        Assert.Empty(Check("GET", "/api/v1/things/{id}/document", 200, Docx, "PK\u0003\u0004"));
        Assert.StartsWith("content type application/json not documented", Check("GET", "/api/v1/things/{id}/document", 200, "application/json", "{}").Single().Problem, StringComparison.Ordinal);
        Assert.StartsWith("content type application/problem+json not documented", Check("GET", "/api/v1/things/{id}", 200, "application/problem+json", Valid).Single().Problem, StringComparison.Ordinal);
        Assert.StartsWith("body of type application/json not documented", Check("POST", "/api/v1/things/{id}/close", 204, "application/json", "{}").Single().Problem, StringComparison.Ordinal);
        Assert.StartsWith("empty body", Check("GET", "/api/v1/things/{id}", 200, "application/json", "").Single().Problem, StringComparison.Ordinal);
        Assert.StartsWith("body is not JSON", Check("GET", "/api/v1/things/{id}", 200, "application/json", "{\"id\":").Single().Problem, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ContractViolation> Check(string method, string template, int status, string? contentType, string body) =>
        Contract.Check(method, template, status, contentType, Encoding.UTF8.GetBytes(body));
}
