using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Clues;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// Need-to-know inside one organ, generated from the OpenAPI document as the cross-jurisdiction matrix is (issue 14). Clues are
/// planted in Kaiyang outside the circle of every Kaiyang persona: one its own officers handled and the personas never touched,
/// and one every persona worked on and was then recused from. Every documented GET is called by every Kaiyang role before and
/// after the planting, in the same app: any difference in the normalised answers is a leak (a list, a count, a figure, a
/// document, a workbook that includes the clue), and no answer may carry the clues' ids, numbers or content markers — also
/// when the request names them, and also in records that cite them (an accountability decision, a decision record's finding).
/// Officers inside the circle, called the same way, must see the difference: the comparison is live.
/// </summary>
public sealed partial class NeedToKnowMatrixTests(ITestOutputHelper output)
{
    private const string Kaiyang = "开阳县纪委监委";

    /// <summary>The caller inside the planted clues' circle (the commission leader who is not a persona).</summary>
    private const string Insider = "leader inside the circle";

    /// <summary>Operations whose answer an officer inside the circle must see change when a clue is planted.</summary>
    private static readonly string[] Derived = ["ListClues", "ClueFunnel", "QuarterlyDossier", "QuarterlyReviewDocument", "ExportQuarterlyReview", "OutcomeSummary"];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task No_Kaiyang_role_outside_a_clues_circle_learns_of_it_from_any_documented_read(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var probe = await OpenApiProbe.LoadAsync(app.CreateClient());
        var reads = probe.Reads;
        var organ = await app.OrganIdAsync(Kaiyang);

        // The commission's own officers who will handle the planted clues: users of their own, made (with the county's own records,
        // which fill the requests' parameters) before the first call, so that nothing but the clues differs between the two rounds.
        var personas = new ClueClients(app);
        await personas.ConnectAsync();
        var own = await ForeignRecords.CreateAsync(app, "开阳县", "520121", personas.Petition, personas.Handler);
        var circle = new ClueClients(app)
        {
            Petition = await app.ClientForOrganAsync(organ, Roles.PetitionOffice),
            CaseManager = await app.ClientForOrganAsync(organ, Roles.CaseManagement),
            Leader = await app.ClientForOrganAsync(organ, Roles.CommissionLeader),
            Handler = await app.ClientForOrganAsync(organ, Roles.SupervisionOffice),
            Investigator = await app.ClientForOrganAsync(organ, Roles.InvestigationOffice),
            Reviewer = await app.ClientForOrganAsync(organ, Roles.TrialOffice),
            InvestigatorName = OrganUser(organ, Roles.InvestigationOffice),
            ReviewerName = OrganUser(organ, Roles.TrialOffice),
        };

        var callers = new List<(string Name, HttpClient Client)>();
        foreach (var user in TestUsers.All.Where(u => u.Organ.StartsWith("开阳县", StringComparison.Ordinal)))
        {
            callers.Add((user.UserName, await app.ClientForAsync(user.UserName)));
        }

        callers.Add(("inspection office", await app.ClientForOrganAsync(await app.OrganIdAsync("中共开阳县委巡察工作领导小组办公室"), Roles.InspectionStaff)));
        var everyone = callers.Append((Insider, circle.Leader)).ToList();

        var today = TestClock.Today;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quarter"] = (((today.Month - 1) / 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["regionCode"] = own.RegionCode,
            ["text"] = own.OfficialName,
        };

        var first = await SnapshotAsync(probe, reads, everyone, own, values);
        var again = await SnapshotAsync(probe, reads, everyone, own, values);
        // An answer that varies between two identical rounds would hide a difference: the test fails on it below.
        var unstable = first.Keys.Where(k => first[k] != again[k]).Select(k => k.Operation).ToHashSet(StringComparer.Ordinal);
        foreach (var key in first.Keys.Where(k => first[k] != again[k]).DistinctBy(k => k.Operation))
        {
            output.WriteLine($"Unstable {key.Operation}: {Difference(first[key], again[key])}");
        }

        var planted = new List<Planted>
        {
            await PlantHandledByOthersAsync(app, circle, own, organ),
            await PlantRecusedFromEveryoneAsync(app, personas, circle, own),
        };
        var markers = planted.SelectMany(p => p.Markers).ToList();

        var after = await SnapshotAsync(probe, reads, everyone, own, values);
        var failures = new List<string>();
        var differences = 0;
        foreach (var ((caller, operation), before) in first)
        {
            if (unstable.Contains(operation) || caller == Insider)
            {
                continue;
            }

            if (after[(caller, operation)] != before)
            {
                differences++;
                failures.Add($"{caller} {operation}: the answer changed when a clue outside the caller's circle was planted. {Difference(before, after[(caller, operation)])}");
            }
        }

        var insideDifferences = Derived.Where(op => first.ContainsKey((Insider, op)) && first[(Insider, op)] != after[(Insider, op)]).ToList();

        // Requests that name the planted clues (path ids, number, search) answer nothing about them either.
        var named = 0;
        var insideSeen = 0;
        foreach (var clue in planted)
        {
            var aimed = own with { ClueId = clue.Id, ClueNumber = clue.Number, ClueMarker = clue.Marker, AttachmentId = clue.AttachmentId ?? own.AttachmentId };
            var search = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase) { ["number"] = clue.Number, ["search"] = clue.Marker };
            foreach (var operation in reads.Where(o => o.PathParameters.Any() || o.Description.GetRawText().Contains("\"number\"", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var (name, client) in everyone)
                {
                    using var request = probe.Build(operation, aimed, search, givenOnly: true);
                    using var response = await client.SendAsync(request);
                    var body = await OpenApiProbe.ReadTextAsync(response);
                    named++;
                    var leaked = response.IsSuccessStatusCode ? clue.Markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) : null;
                    if (name == Insider)
                    {
                        insideSeen += leaked is null ? 0 : 1;
                    }
                    else if (leaked is not null)
                    {
                        failures.Add($"{name} {request.Method} {request.RequestUri} → {(int)response.StatusCode}: names the planted clue ({leaked}). {Excerpt(body, leaked)}");
                    }
                }
            }
        }

        foreach (var ((caller, operation), body) in after.Where(a => a.Key.Caller != Insider))
        {
            if (markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
            {
                failures.Add($"{caller} {operation}: names a planted clue ({leaked}). {Excerpt(body, leaked)}");
            }
        }

        // Records that cite the clues: an accountability decision caused by one, a decision record whose check raised one.
        var cited = await PlantCitingRecordsAsync(app, circle, own, planted[0]);
        markers.AddRange(cited.Clue.Markers);
        var citing = own with { Records = new Dictionary<string, Guid>(own.Records) { ["accountability"] = cited.Accountability, ["decisions"] = cited.Decision } };
        var citingCalls = 0;
        foreach (var (name, client) in callers)
        {
            foreach (var operation in reads)
            {
                using var request = probe.Build(operation, citing, values, givenOnly: true);
                using var response = await client.SendAsync(request);
                var body = await OpenApiProbe.ReadTextAsync(response);
                citingCalls++;
                if (response.IsSuccessStatusCode && markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                {
                    failures.Add($"{name} {request.Method} {request.RequestUri}: a record citing a clue outside the circle names it ({leaked}). {Excerpt(body, leaked)}");
                }
            }
        }

        // The one write that reads: registering a repeat of a planted report tells the registrar nothing about it.
        var registrations = 0;
        foreach (var (name, client) in callers)
        {
            foreach (var clue in planted)
            {
                var response = await client.PostAsync("/api/v1/clues", new RegisterClueRequest
                {
                    Source = ClueSource.Letter,
                    Content = clue.Content.Replace(clue.Marker, "", StringComparison.Ordinal) + "（再次反映）",
                    Persons = [new ReportedPersonRequest { OfficialId = own.OfficialId }],
                }.AsJson());
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                registrations++;
                var body = await response.Content.ReadAsStringAsync();
                if (markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                {
                    failures.Add($"{name} POST /api/v1/clues (repeat check): names a planted clue ({leaked}). {Excerpt(body, leaked)}");
                }
            }
        }

        var calls = (first.Count * 3) + named + citingCalls;
        output.WriteLine($"Need-to-know matrix ({provider}): {reads.Count} GET operations × {callers.Count} Kaiyang callers (+1 inside the circle) × 3 rounds, "
            + $"{named} calls naming the planted clues, {citingCalls} calls after records cite them, {registrations} repeat registrations: {calls + registrations} calls; "
            + $"statuses {string.Join(", ", first.Values.GroupBy(v => v[..3]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))} in a round; "
            + $"{unstable.Count} operations unstable between two identical rounds{(unstable.Count == 0 ? "" : $" ({string.Join(", ", unstable.Order(StringComparer.Ordinal))})")}; "
            + $"{differences} differences and {failures.Count - differences} marker leaks outside the circle; "
            + $"inside the circle {insideDifferences.Count} of {Derived.Length} derived reads changed ({string.Join(", ", insideDifferences)}) and {insideSeen} answers named the clues");

        Assert.True(failures.Count == 0, $"{failures.Count} leaks:\n" + string.Join('\n', failures.Take(60)));

        // Live: inside the circle the same comparison sees the clues in the lists, counts and figures, and the requests that name them find them.
        Assert.True(insideDifferences.Count == Derived.Length, $"Inside the circle only {string.Join(", ", insideDifferences)} changed");
        Assert.True(insideSeen >= 3, $"Inside the circle only {insideSeen} answers named the planted clues");
        Assert.True(unstable.Count == 0, $"{unstable.Count} of {reads.Count} operations answer differently to the same request, so a difference could not be seen in them (normalise what varies): {string.Join(", ", unstable)}");
    }

    private static string OrganUser(Guid organ, string role) => $"t.{role}.{organ:N}";

    /// <summary>The answers of every operation for every caller, normalised (status, body without volatile values), by operation id.</summary>
    private static async Task<Dictionary<(string Caller, string Operation), string>> SnapshotAsync(
        OpenApiProbe probe, IReadOnlyList<ApiOperation> reads, IReadOnlyList<(string Name, HttpClient Client)> callers, ForeignRecords records, IReadOnlyDictionary<string, string> values)
    {
        var answers = new Dictionary<(string, string), string>();
        foreach (var (name, client) in callers)
        {
            foreach (var operation in reads)
            {
                using var request = probe.Build(operation, records, values, givenOnly: true);
                using var response = await client.SendAsync(request);
                answers[(name, IdOf(operation))] = $"{(int)response.StatusCode} {Volatile().Replace(await OpenApiProbe.ReadTextAsync(response), "~")}";
            }
        }

        return answers;
    }

    private static string IdOf(ApiOperation operation) =>
        operation.Description.TryGetProperty("operationId", out var id) ? id.GetString()! : operation.ToString();

    /// <summary>
    /// A clue about the county's principal official handled from registration to a transfer to the procuratorate by officers
    /// of the commission who are none of the personas (one with every figure: received, disposed, filed, sanctioned, an
    /// Eight-point category, outcomes recorded, an attachment); the personas who see every clue of the organ are recused.
    /// </summary>
    private static async Task<Planted> PlantHandledByOthersAsync(QingfengApp app, ClueClients circle, ForeignRecords own, Guid organ)
    {
        var marker = "NTKH" + Guid.NewGuid().ToString("N")[..10];
        var content = $"反映该同志在工程项目验收中收受施工方购物卡，线索标记{marker}，请依规核查。";
        var clue = await circle.RegisterAsync(own.OfficialId, content, realName: false);
        var attachment = await ClueClients.AttachAsync(circle.Petition, clue.Id);
        await circle.AssignAsync(clue.Id, OrganUser(organ, Roles.SupervisionOffice));
        await circle.WalkToTransferAsync(clue.Id, TestClock.Today);
        await RecordOutcomeAsync(circle.Handler, clue.Id);
        await RecuseAsync(app, circle.Leader, clue.Id, [TestUsers.KaiyangLeader, TestUsers.KaiyangCaseManagement]);
        return await PlantedAsync(circle.Leader, clue, marker, content, attachment);
    }

    /// <summary>A clue every Kaiyang persona of the commission took a step on (registration, allocation, handling, investigation, review, decision), then was recused from.</summary>
    private static async Task<Planted> PlantRecusedFromEveryoneAsync(QingfengApp app, ClueClients personas, ClueClients circle, ForeignRecords own)
    {
        var marker = "NTKR" + Guid.NewGuid().ToString("N")[..10];
        var content = $"反映该同志违规发放津补贴，为亲属经营的公司承揽业务提供便利，线索标记{marker}。";
        var clue = await personas.RegisterAsync(own.OfficialId, content, realName: false);
        await personas.AssignAsync(clue.Id, TestUsers.KaiyangSupervision.UserName);
        await personas.WalkToTransferAsync(clue.Id, TestClock.Today);
        await RecordOutcomeAsync(personas.Handler, clue.Id);
        await RecuseAsync(app, circle.Leader, clue.Id, [.. TestUsers.All.Where(u => u.Organ == Kaiyang)]);
        return await PlantedAsync(circle.Leader, clue, marker, content, null);
    }

    /// <summary>
    /// An accountability decision whose cause is the first planted clue, and a decision record whose check raised a clue that is then
    /// handed to case management (the personas who see all of the organ recused): both records are visible to the personas, the clues not.
    /// </summary>
    private static async Task<(Guid Accountability, Guid Decision, Planted Clue)> PlantCitingRecordsAsync(QingfengApp app, ClueClients circle, ForeignRecords own, Planted cause)
    {
        var accountability = await AccountabilityApiTests.CreateAsync(circle.Leader, AccountabilityApiTests.ExaminationOf(own.OfficialId) with
        {
            Cause = AccountabilityCause.Clue,
            CauseId = cause.Id,
            DecidedBy = "开阳县纪委常委会（需知范围测试）",
        });
        var decision = await DecisionApiTests.CreateAsync(circle.Handler, DecisionApiTests.CleanRequest(own.UnitId) with
        {
            Title = "需知范围测试决策事项",
            DecidedCollectively = false,
            PrincipalSpokeLast = false,
        });
        await using var db = app.CreateDb();
        var raised = await db.DecisionRecords.AsNoTracking().Where(d => d.Id == decision)
            .SelectMany(d => d.Findings).Where(f => f.ClueId != null).Select(f => f.ClueId!.Value).Distinct().SingleAsync();
        var number = await db.Clues.AsNoTracking().Where(c => c.Id == raised).Select(c => c.Number).SingleAsync();
        await ClueClients.ActAsync(circle.Petition, raised, new() { Action = ClueAction.SubmitToCaseManagement });
        await RecuseAsync(app, circle.Leader, raised, [TestUsers.KaiyangLeader, TestUsers.KaiyangCaseManagement]);
        return (accountability, decision, new Planted(raised, number, raised.ToString(), "", null, [raised.ToString(), number]));
    }

    private static async Task RecordOutcomeAsync(HttpClient handler, Guid id)
    {
        var response = await handler.PutAsync($"/api/v1/clues/{id}/outcome", new RecordOutcomeRequest { ProblemsFound = 3, FurtherClues = 1, FundsPaidOut = 12_000m, FundsRecovered = 34_000m }.AsJson());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The commission leader withdraws each of the users from the clue (回避).</summary>
    private static async Task RecuseAsync(QingfengApp app, HttpClient leader, Guid clue, IReadOnlyList<TestUser> users)
    {
        await using var db = app.CreateDb();
        var names = users.Select(u => u.UserName).ToList();
        foreach (var id in await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => u.Id).ToListAsync())
        {
            var response = await leader.PostAsync($"/api/v1/clues/{clue}/recusals", new RecuseRequest { UserId = id, Reason = "与被反映人有利害关系（需知范围测试）" }.AsJson());
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The planted clue as an officer inside its circle reads it (its case number appears once a case is filed).</summary>
    private static async Task<Planted> PlantedAsync(HttpClient insider, RegisterClueResult clue, string marker, string content, Guid? attachment)
    {
        var detail = await (await insider.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>();
        List<string> markers = [clue.Id.ToString(), clue.Number, marker];
        if (detail.CaseNumber is { } caseNumber)
        {
            markers.Add(caseNumber);
        }

        if (attachment is { } file)
        {
            markers.Add(file.ToString());
        }

        return new Planted(clue.Id, clue.Number, marker, content, attachment, markers);
    }

    private static string Difference(string before, string after)
    {
        var at = 0;
        while (at < before.Length && at < after.Length && before[at] == after[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 80);
        return $"Before: …{before[from..Math.Min(before.Length, at + 120)]}… After: …{after[from..Math.Min(after.Length, at + 120)]}…";
    }

    private static string Excerpt(string body, string marker)
    {
        var at = body.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return body[Math.Max(0, at - 150)..Math.Min(body.Length, at + marker.Length + 50)];
    }

    /// <summary>Values that change between two identical calls: instants, trace ids, the random relationship ids of Office files.</summary>
    [GeneratedRegex("""\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?|"traceId"\s*:\s*"[^"]*"|00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]|"R[0-9a-f]{16,32}"|\bR[0-9a-f]{16,32}\b""")]
    private static partial Regex Volatile();

    private sealed record Planted(Guid Id, string Number, string Marker, string Content, Guid? AttachmentId, IReadOnlyList<string> Markers);
}
