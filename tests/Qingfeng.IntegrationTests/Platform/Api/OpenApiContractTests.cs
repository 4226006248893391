using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// The API contract is kept in the repository (<c>docs/openapi.json</c>): any change to the document the app serves shows up
/// in review as a diff of that file, and changes that break a generated client are named in the failure.
/// Accept a change with <c>QINGFENG_ACCEPT_OPENAPI=1</c> (the test then rewrites the file and passes).
/// </summary>
public sealed class OpenApiContractTests(SharedApps apps)
{
    private const string AcceptVariable = "QINGFENG_ACCEPT_OPENAPI";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task The_served_document_matches_the_contract_kept_in_the_repository()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var served = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(Written) + "\n");
            return;
        }

        Assert.True(File.Exists(path), $"docs/openapi.json is missing: run this test once with {AcceptVariable}=1 and commit the file.");
        var kept = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        if (JsonNode.DeepEquals(kept, served))
        {
            return;
        }

        var breaking = OpenApiDrift.Breaking(kept, served);
        Assert.Fail(
            "The OpenAPI document the app serves differs from docs/openapi.json. Review the change and accept it with "
            + $"{AcceptVariable}=1 (the test rewrites the file; commit it).\n"
            + (breaking.Count == 0
                ? "No breaking change found (additions or wording only)."
                : "Breaking changes for generated clients:\n  " + string.Join("\n  ", breaking)));
    }

    [Fact]
    public void Drift_names_removed_operations_properties_enum_values_and_new_required_fields()
    {
        var before = JsonNode.Parse("""
            {"paths":{"/a":{"get":{},"post":{}}},
             "components":{"schemas":{
               "Thing":{"required":["id"],"properties":{"id":{},"name":{}}},
               "Colour":{"enum":["Red","Green"]},
               "Gone":{"properties":{}}}}}
            """)!;
        var after = JsonNode.Parse("""
            {"paths":{"/a":{"get":{"parameters":[{"name":"q","in":"query","required":true}]}},"/b":{"get":{}}},
             "components":{"schemas":{
               "Thing":{"required":["id","size"],"properties":{"id":{},"size":{}}},
               "Colour":{"enum":["Red","Blue"]}}}}
            """)!;

        var breaking = OpenApiDrift.Breaking(before, after);

        Assert.Equal(
            [
                "parameter now required: GET /a q (query)",
                "operation removed: POST /a",
                "property removed: Thing.name",
                "property now required: Thing.size",
                "enum value removed: Colour.Green",
                "schema removed: Gone",
            ],
            breaking);
        Assert.Empty(OpenApiDrift.Breaking(after, after));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qingfeng.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Qingfeng.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
