using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// The "done when" crawl of issue 16: every <c>/api/v1</c> operation of the served document, called as an integrator's callers
/// would (county offices, the county and provincial leadership, a stationed team, the three administrators, anonymous) with the
/// requests they send — a valid one aimed at the caller's own county's records, an unknown id, another county's record, a
/// malformed body, a query value out of its schema, a stale version — and every answer held to the document: its status is
/// listed for the operation, its content type is listed for that status, and a JSON body validates against the schema
/// documented for it (<see cref="ResponseContract"/>). Nothing is listed by hand: an operation joins by being in the document.
/// The app is the test's own: the valid requests write (records move through their workflows, a token is revoked, a calendar
/// year is replaced).
/// </summary>
public sealed class ContractCrawlTests(ITestOutputHelper output)
{
    /// <summary>Operations whose valid request answered 2xx for some caller when this was written: 108 of 144; far fewer means the crawl lost its aim.</summary>
    private const int MinimumOperationsAnswered2xx = 90;

    /// <summary>The last route segments of actions that may end a record or move it along its workflow: they run after every other write.</summary>
    private static readonly string[] Final = ["actions", "close", "cancel", "close-out", "close-scoring", "finalise", "revoke", "end", "execute", "reject", "sign-out"];

    [Fact]
    public async Task Every_api_operation_answers_every_caller_with_a_documented_status_and_a_body_its_schema_accepts()
    {
        var started = Stopwatch.GetTimestamp();
        await using var app = await QingfengApp.StartAsync(Provider.Sqlite);
        var anonymous = app.CreateClient();
        var probe = await OpenApiProbe.LoadAsync(anonymous);
        var contract = new ResponseContract(JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement);
        var operations = probe.Operations.Where(o => o.Template.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();

        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var supervision = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var own = await WithAccountRecordsAsync(app, await ForeignRecords.CreateAsync(app, "开阳县", "520121", petition, supervision), petition);
        var chishuiPetition = await app.ClientForOrganAsync(await app.OrganIdAsync("赤水市纪委监委"), Roles.PetitionOffice);
        var chishui = await ForeignRecords.CreateAsync(app, "赤水市", "520381", chishuiPetition, await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName));
        var crawl = new Crawl(probe, contract, own, Unknown(own));
        var setup = Stopwatch.GetElapsedTime(started);

        // The county's own officers first: the records are theirs, so their valid writes are the ones that move them on. The
        // refused and misaimed requests go to the business roles only: every one of them is refused for the others' roles.
        Caller[] callers =
        [
            new("county supervision", supervision, chishui),
            new("county petition", petition, chishui),
            new("county case management", await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName), chishui),
            new("county leader", await app.ClientForAsync(TestUsers.KaiyangLeader.UserName), chishui),
            new("stationed team", await app.ClientForAsync(TestUsers.KaiyangStationed.UserName), chishui),
            new("province leader", await app.ClientForAsync(TestUsers.ProvinceLeader.UserName), null),
            new("system admin", await app.ClientForAsync(TestUsers.SystemAdmin.UserName), null, Business: false),
            new("security admin", await app.ClientForAsync(TestUsers.SecurityAdmin.UserName), null, Business: false),
            new("audit admin", await app.ClientForAsync(TestUsers.AuditAdmin.UserName), null, Business: false),
            new("anonymous", anonymous, null, Business: false),
        ];

        // First what must change nothing, while every record is as it was made: the requests refused or aimed elsewhere, and the
        // valid reads; the callers send these side by side, as integrators would. Then the valid writes, one at a time: creations,
        // updates, actions, the actions that may end a record, and last the deletions.
        await EachCallerAsync(callers.Where(c => c.Business), operations, crawl.RefusalsAsync);
        var refusals = Stopwatch.GetElapsedTime(started) - setup;
        await EachCallerAsync(callers, operations.Where(o => o.IsSafe), crawl.ValidAsync);
        foreach (var operation in operations.Where(o => !o.IsSafe).OrderBy(Stage).ThenBy(o => o.Template, StringComparer.Ordinal))
        {
            foreach (var caller in callers)
            {
                await crawl.ValidAsync(operation, caller);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var report = crawl.Report(operations.Count);
        output.WriteLine($"Contract crawl: {crawl.Calls} calls as {callers.Length} callers in {elapsed.TotalSeconds:F0} s (setup {setup.TotalSeconds:F0} s, refused or misaimed requests {refusals.TotalSeconds:F0} s, valid ones {(elapsed - setup - refusals).TotalSeconds:F0} s); "
            + $"{crawl.Covered.Count} of {operations.Count} /api/v1 operations covered, {crawl.Answered2xx.Count} answered 2xx; "
            + $"{crawl.Pairs.Count} operation/status pairs seen; {contract.BodiesValidated} JSON bodies validated against their schemas.");
        output.WriteLine(report.Statuses);
        output.WriteLine(report.Failures.Length == 0 ? "No answer departs from the document." : report.Failures);
        output.WriteLine("Operations no caller's valid request answered 2xx (informational): "
            + string.Join(", ", operations.Where(o => !crawl.Answered2xx.Contains(o.ToString())).Select(o => o.ToString())));

        Assert.True(crawl.Answered2xx.Count >= MinimumOperationsAnswered2xx && contract.BodiesValidated > 0,
            $"Only {crawl.Answered2xx.Count} operations answered 2xx ({contract.BodiesValidated} JSON bodies validated): the crawl no longer reaches the records it aims at");
        Assert.True(report.Failures.Length == 0, report.Failures);
    }

    private static Task EachCallerAsync(IEnumerable<Caller> callers, IEnumerable<ApiOperation> operations, Func<ApiOperation, Caller, Task> send) =>
        Task.WhenAll(callers.Select(async caller =>
        {
            foreach (var operation in operations)
            {
                await send(operation, caller);
            }
        }));

    /// <summary>Where a valid write runs: creations, updates, actions, actions that may end a record, deletions.</summary>
    private static int Stage(ApiOperation operation) =>
        operation.Method == HttpMethod.Delete ? 5
        : !operation.PathParameters.Any() ? 1
        : operation.Method == HttpMethod.Put ? 2
        : Final.Contains(operation.Template.Split('/')[^1]) ? 4
        : 3;

    /// <summary>The same records under ids nobody has.</summary>
    private static ForeignRecords Unknown(ForeignRecords own) => own with
    {
        OrganId = Guid.NewGuid(),
        UnitId = Guid.NewGuid(),
        OfficialId = Guid.NewGuid(),
        ClueId = Guid.NewGuid(),
        AttachmentId = Guid.NewGuid(),
        Records = own.Records.ToDictionary(r => r.Key, _ => Guid.NewGuid(), StringComparer.Ordinal),
    };

    /// <summary>
    /// The county's records that the account operations aim at: a second API token of its petition officer (revoking it leaves the
    /// token the crawl signs in with alone), a user of the county for the administrators to manage, and a delegation of one of its
    /// organs where the demo province seeded one.
    /// </summary>
    private static async Task<ForeignRecords> WithAccountRecordsAsync(QingfengApp app, ForeignRecords own, HttpClient petition)
    {
        var records = new Dictionary<string, Guid>(own.Records, StringComparer.Ordinal)
        {
            ["tokens"] = (await (await petition.PostAsync("/api/v1/account/tokens", new IssueTokenRequest { Name = "contract crawl" }.AsJson())).OkJsonAsync<IssuedToken>()).Id,
        };
        var (_, userName) = await app.ClientForNewUserAsync(own.OrganId, Roles.PetitionOffice);
        await using var db = app.CreateDb();
        records["users"] = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await (own with { Records = records }).WithDelegationAsync(app);
    }

    /// <summary>A caller: its client and the records of another jurisdiction it is aimed at (none for the province, which holds them all).</summary>
    private sealed record Caller(string Name, HttpClient Client, ForeignRecords? Foreign, bool Business = true);

    /// <summary>One answer that departs from the document, with the start of its body when that is JSON.</summary>
    private sealed record Failure(string Operation, int Status, string Caller, string Request, ContractViolation Violation, string Excerpt);

    private sealed record CrawlReport(string Statuses, string Failures);

    /// <summary>Builds the requests, sends them, checks each answer against the document and keeps the tally.</summary>
    private sealed class Crawl(OpenApiProbe probe, ResponseContract contract, ForeignRecords own, ForeignRecords unknown)
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase)
        {
            ["year"] = TestClock.Today.Year.ToString(CultureInfo.InvariantCulture),
            ["quarter"] = (((TestClock.Today.Month - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture),
        };

        private readonly List<Failure> _failures = [];
        private readonly SortedDictionary<string, SortedDictionary<int, int>> _statusesByRequest = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, List<string>> _validAnswers = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _acceptedRefusals = new(StringComparer.Ordinal);

        public int Calls { get; private set; }

        public HashSet<string> Covered { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Answered2xx { get; } = new(StringComparer.Ordinal);

        public HashSet<(string Operation, int Status)> Pairs { get; } = [];

        /// <summary>
        /// The requests an integrator gets wrong or aims wrong; none of them may change a record. When the first is refused for the
        /// caller's role (401/403), so is every other one before its input is read: they are left out.
        /// </summary>
        public async Task RefusalsAsync(ApiOperation operation, Caller caller)
        {
            var requests = new List<(string Kind, HttpRequestMessage Request)>();
            var hasBody = !operation.IsSafe && operation.Method != HttpMethod.Delete && operation.Description.TryGetProperty("requestBody", out _);
            if (HasIdInPath(operation) || hasBody)
            {
                requests.Add(("unknown id", probe.Build(operation, unknown, _values, givenOnly: true)));
                if (caller.Foreign is { } foreign)
                {
                    requests.Add(("other county's record", probe.Build(operation, foreign, _values, givenOnly: true)));
                }
            }

            if (hasBody)
            {
                var malformed = probe.Build(operation, own, _values, givenOnly: true);
                malformed.Content = malformed.Content is MultipartFormDataContent
                    ? new MultipartFormDataContent { { new StringContent("x"), "unexpected" } }
                    : new StringContent("{\"", Encoding.UTF8, "application/json");
                requests.Add(("malformed body", malformed));

                // The probe writes a version nobody read (a new id): the answer an integrator gets for a stale one.
                var stale = probe.Build(operation, own, _values, givenOnly: true);
                if (await VersionOfAsync(stale) is { Length: > 0 })
                {
                    requests.Add(("stale version", stale));
                }
            }

            if (operation.IsSafe && InvalidQueryValue(operation) is { } invalid)
            {
                requests.Add(($"invalid {invalid.Key}", probe.Build(operation, own, new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase) { [invalid.Key] = invalid.Value }, givenOnly: true)));
            }

            for (var i = 0; i < requests.Count; i++)
            {
                if (await SendAsync(operation, caller, requests[i].Kind, requests[i].Request) is 401 or 403 && i == 0)
                {
                    requests.Skip(1).ToList().ForEach(r => r.Request.Dispose());
                    return;
                }
            }
        }

        /// <summary>The valid request, aimed at the county's own records; a version in the body is the one the caller reads now.</summary>
        public async Task ValidAsync(ApiOperation operation, Caller caller)
        {
            var request = probe.Build(operation, own, _values, givenOnly: true);
            if (await VersionOfAsync(request) is not null)
            {
                request = await WithVersionAsync(request, await CurrentVersionAsync(operation, caller));
            }

            await SendAsync(operation, caller, "valid", request);
        }

        public CrawlReport Report(int operations)
        {
            var statuses = "Statuses by request: " + string.Join("; ", _statusesByRequest.Select(r => $"{r.Key} {string.Join(", ", r.Value.Select(s => $"{s.Key}×{s.Value}"))}"))
                + "\nValid requests, by operation:\n" + string.Join('\n', _validAnswers.Select(a => $"  {a.Key}: {string.Join(", ", a.Value.Order(StringComparer.Ordinal))}"))
                + "\nRequests meant to be refused that were answered 2xx (informational):\n" + string.Join('\n', _acceptedRefusals.Select(a => "  " + a));
            if (_failures.Count == 0)
            {
                return new(statuses, "");
            }

            var text = new StringBuilder();
            var undocumented = _failures.Where(f => f.Violation.IsUndocumentedStatus).ToList();
            var schema = _failures.Where(f => f.Violation.InstanceLocation is not null).ToList();
            var other = _failures.Except(undocumented).Except(schema).ToList();
            var calls = _failures.Select(f => (f.Operation, f.Caller, f.Request, f.Status)).Distinct().Count();
            text.AppendLine(CultureInfo.InvariantCulture, $"{calls} of {Calls} calls answered outside the document: {undocumented.Count} with a status the operation does not list "
                + $"({undocumented.Select(f => (f.Operation, f.Status)).Distinct().Count()} operation/status pairs in {undocumented.Select(f => f.Operation).Distinct().Count()} of {operations} operations), "
                + $"{schema.Select(f => (f.Operation, f.Caller, f.Request, f.Status)).Distinct().Count()} with a body that violates its schema, {other.Count} with a content type or body the document does not list.");

            text.AppendLine("\nBy kind:");
            foreach (var kind in _failures.GroupBy(Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key} — {kind.Count()} calls in {kind.Select(f => f.Operation).Distinct().Count()} operations");
            }

            Section(text, "Statuses not documented", undocumented);
            Section(text, "Bodies that violate their schema", schema);
            Section(text, "Content types and bodies not documented", other);
            return new(statuses, text.ToString());
        }

        private static string Kind(Failure failure) =>
            failure.Violation.IsUndocumentedStatus ? $"{failure.Status}: not documented"
            : failure.Violation.SchemaLocation is { } location ? $"schema {location}: {failure.Violation.Problem}"
            : $"{failure.Status}: {failure.Violation.Problem}";

        private static void Section(StringBuilder text, string title, List<Failure> failures)
        {
            if (failures.Count == 0)
            {
                return;
            }

            var groups = failures.GroupBy(f => (f.Operation, f.Status, Violation: f.Violation.ToString())).OrderBy(g => g.Key.Operation, StringComparer.Ordinal).ThenBy(g => g.Key.Status).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"\n{title} ({failures.Count} answers, {groups.Count} distinct):");
            foreach (var group in groups)
            {
                var callers = string.Join(", ", group.Select(f => f.Caller).Distinct());
                var requests = string.Join(", ", group.Select(f => f.Request).Distinct());
                var excerpt = group.First().Excerpt;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key.Operation} as {callers} [{requests}] → {group.Key.Status}: {group.Key.Violation} (×{group.Count()})");
                if (excerpt.Length > 0 && group.Key.Violation != ResponseContract.NotDocumented)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      e.g. {excerpt}");
                }
            }
        }

        private async Task<int> SendAsync(ApiOperation operation, Caller caller, string kind, HttpRequestMessage request)
        {
            using (request)
            {
                using var response = await caller.Client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var status = (int)response.StatusCode;
                var violations = contract.Check(operation.Method.Method, operation.Template, status, response.Content.Headers.ContentType?.ToString(), body);
                var key = operation.ToString();
                lock (_failures)
                {
                    Calls++;
                    Covered.Add(key);
                    Pairs.Add((key, status));
                    var sort = kind.StartsWith("invalid ", StringComparison.Ordinal) ? "invalid query value" : kind;
                    if (!_statusesByRequest.TryGetValue(sort, out var tally))
                    {
                        tally = _statusesByRequest[sort] = [];
                    }

                    tally[status] = tally.GetValueOrDefault(status) + 1;
                    if (kind == "valid")
                    {
                        (_validAnswers.TryGetValue(key, out var answers) ? answers : _validAnswers[key] = []).Add($"{caller.Name} {status}");
                        if (status is >= 200 and < 300)
                        {
                            Answered2xx.Add(key);
                        }
                    }

                    if (kind != "valid" && status is >= 200 and < 300 && (HasIdInPath(operation) || kind is not ("unknown id" or "other county's record")))
                    {
                        _acceptedRefusals.Add($"{key} [{kind}] as {caller.Name} → {status}");
                    }

                    var excerpt = violations.Count > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
                        ? Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 240))
                        : "";
                    _failures.AddRange(violations.Select(v => new Failure(key, status, caller.Name, kind, v, excerpt)));
                }

                return status;
            }
        }

        /// <summary>A query parameter of the operation and a value its schema refuses (an enum name no member has, a number that is none, a date that is none).</summary>
        private KeyValuePair<string, string>? InvalidQueryValue(ApiOperation operation)
        {
            if (!operation.Description.TryGetProperty("parameters", out var parameters))
            {
                return null;
            }

            foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("schema", out _)))
            {
                var schema = NonNull(parameter.GetProperty("schema"));
                var invalid = schema.TryGetProperty("enum", out _) ? "NoSuchMember"
                    : OpenApiProbe.TypeOf(schema) is "integer" or "number" ? "twelve"
                    : OpenApiProbe.TypeOf(schema) == "boolean" ? "maybe"
                    : OpenApiProbe.Format(schema) is "date" or "date-time" ? "2026-13-45"
                    : null;
                if (invalid is not null)
                {
                    return new(parameter.GetProperty("name").GetString()!, invalid);
                }
            }

            return null;
        }

        private JsonElement NonNull(JsonElement schema)
        {
            schema = probe.Resolve(schema);
            foreach (var combinator in new[] { "oneOf", "anyOf" })
            {
                if (schema.TryGetProperty(combinator, out var choices))
                {
                    return NonNull(choices.EnumerateArray().First(c => OpenApiProbe.TypeOf(probe.Resolve(c)) != "null"));
                }
            }

            return schema;
        }

        private static bool HasIdInPath(ApiOperation operation) =>
            operation.Description.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "path" && p.TryGetProperty("schema", out var s) && OpenApiProbe.Format(s) == "uuid");

        /// <summary>The version the caller reads now from the record the operation acts on (its <c>GET …/{id}</c>); none when it cannot read one.</summary>
        private async Task<string?> CurrentVersionAsync(ApiOperation operation, Caller caller)
        {
            var segments = operation.Template.Split('/');
            var first = Array.FindIndex(segments, s => s.StartsWith('{'));
            var read = first < 0 ? null : probe.Operations.FirstOrDefault(o => o.IsSafe && o.Template == string.Join('/', segments[..(first + 1)]));
            if (read is null)
            {
                return null;
            }

            using var request = probe.Build(read, own);
            using var response = await caller.Client.SendAsync(request);
            return response.IsSuccessStatusCode
                && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is JsonObject detail && detail["version"] is JsonValue version
                ? version.ToString()
                : null;
        }

        /// <summary>The version the request's body carries, JSON or form ("" when it carries the member without a value); null when it has none.</summary>
        private static async Task<string?> VersionOfAsync(HttpRequestMessage request)
        {
            if (request.Content is MultipartFormDataContent form)
            {
                return form.FirstOrDefault(IsVersion) is { } part ? await part.ReadAsStringAsync() : null;
            }

            return request.Content is { } content && JsonNode.Parse(await content.ReadAsStringAsync()) is JsonObject body && body.ContainsKey("version")
                ? body["version"]?.ToString() ?? ""
                : null;
        }

        /// <summary>The request with the body's version replaced (left out when there is none to send).</summary>
        private static async Task<HttpRequestMessage> WithVersionAsync(HttpRequestMessage request, string? version)
        {
            if (request.Content is MultipartFormDataContent form)
            {
                var replaced = new MultipartFormDataContent();
                foreach (var part in form.Where(p => !IsVersion(p)))
                {
                    replaced.Add(part);
                }

                if (version is not null)
                {
                    replaced.Add(new StringContent(version), "version");
                }

                request.Content = replaced;
            }
            else if (JsonNode.Parse(await request.Content!.ReadAsStringAsync()) is JsonObject body)
            {
                body["version"] = version;
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return request;
        }

        private static bool IsVersion(HttpContent part) => part.Headers.ContentDisposition?.Name?.Trim('"') == "version";
    }
}
