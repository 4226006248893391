using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Qingfeng.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<T> OkJsonAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a ProblemDetails response with the given status, a stable <c>code</c> and a <c>traceId</c>, and returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.True(json.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }, $"The problem has no code: {body}");
        Assert.True(json.TryGetProperty("traceId", out var trace) && trace.GetString() is { Length: > 0 }, $"The problem has no traceId: {body}");
        return json;
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, FormattableString url) =>
        client.GetAsync(FormattableString.Invariant(url));

    public static JsonContent AsJson<T>(this T value) => JsonContent.Create(value, options: Json);
}
