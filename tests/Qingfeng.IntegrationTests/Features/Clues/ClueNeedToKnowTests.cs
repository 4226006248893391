using System.Net;
using System.Net.Http.Json;
using Qingfeng.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>
/// Need-to-know on what is derived from clues (issue 14, hole 1): the repeat check at registration names only clues the
/// registrar may open, and none it is recused from.
/// </summary>
public sealed class ClueNeedToKnowTests(SharedApps apps)
{
    private const string Original = "反映该局局长在工程款拨付中收受施工方好处费两万元，并安排其亲属承揽局机关食堂配送业务。";

    private const string Repeat = "再次反映：局长拨付工程款时收了施工方两万元好处费，局机关食堂配送业务交给了他的亲属，请纪委调查。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Possible_repeats_name_only_clues_the_registrar_may_open_and_none_it_is_recused_from(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await Subjects.NewKaiyangPrincipalAsync(app);

        // The petition office registers a report and hands it to case management: from then on it may not open it.
        var first = await clues.RegisterAsync(official, Original, realName: false);
        await ClueClients.ActAsync(clues.Petition, first.Id, new() { Action = ClueAction.SubmitToCaseManagement });
        Assert.Equal(HttpStatusCode.NotFound, (await clues.Petition.GetAsync($"/api/v1/clues/{first.Id}")).StatusCode);

        // A repeat registered by the petition office names nothing it cannot open: no id, no number.
        var response = await clues.Petition.PostAsync("/api/v1/clues", RegisterRequest(official, Repeat).AsJson());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(first.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first.Number, body, StringComparison.Ordinal);

        // Case management, which sees every clue of the commission, is told about the repeat: the check itself is live.
        var byCaseManager = await RegisterAsync(clues.CaseManager, official, Repeat + "（案管室登记）");
        Assert.Contains(byCaseManager.PossibleRepeats, r => r.Id == first.Id);

        // Once the case manager is recused from the first report, a repeat it registers no longer names it.
        var recused = await clues.CaseManager.PostAsync($"/api/v1/clues/{first.Id}/recusals", new RecuseRequest { Reason = "与被反映人系近亲属" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, recused.StatusCode);
        response = await clues.CaseManager.PostAsync("/api/v1/clues", RegisterRequest(official, Repeat + "（回避后登记）").AsJson());
        body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(first.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first.Number, body, StringComparison.Ordinal);
        var result = System.Text.Json.JsonSerializer.Deserialize<RegisterClueResult>(body, HttpAssertions.Json)!;
        Assert.Contains(result.PossibleRepeats, r => r.Id == byCaseManager.Id);
    }

    private static RegisterClueRequest RegisterRequest(Guid official, string content) => new()
    {
        Source = ClueSource.Letter,
        Content = content,
        Persons = [new ReportedPersonRequest { OfficialId = official }],
    };

    private static async Task<RegisterClueResult> RegisterAsync(HttpClient client, Guid official, string content)
    {
        var response = await client.PostAsync("/api/v1/clues", RegisterRequest(official, content).AsJson());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RegisterClueResult>(HttpAssertions.Json))!;
    }
}
