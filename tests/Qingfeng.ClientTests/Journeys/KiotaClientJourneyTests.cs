using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Qingfeng.ClientTests.Kiota.Generated;
using Qingfeng.ClientTests.Kiota.Generated.Models;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Xunit;

namespace Qingfeng.ClientTests.Journeys;

/// <summary>The journey with the Kiota client (Kiota's own HTTP stack and Bearer authentication provider).</summary>
public sealed class KiotaClientJourneyTests(KestrelApp app) : ClientJourneyTests<QingfengKiotaClient>(app)
{
    protected override async Task<Guid> ListAndPageCluesAsync()
    {
        var first = await CaseManager.Api.V1.Clues.GetAsync(r => Query(r.QueryParameters, page: 1), Cancel);
        var second = await CaseManager.Api.V1.Clues.GetAsync(r => Query(r.QueryParameters, page: 2), Cancel);
        Assert.NotNull(first?.Items);
        Assert.NotNull(second?.Items);
        Assert.Equal(2, first.Items.Count);
        Assert.NotEmpty(second.Items);
        Assert.All(first.Items.Concat(second.Items), i => Assert.Equal(ClueState.CaseManagement, i.State));
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.True(first.Total > 2, $"Total {first.Total}");
        return first.Items[0].Id!.Value;

        static void Query(Kiota.Generated.Api.V1.Clues.CluesRequestBuilder.CluesRequestBuilderGetQueryParameters query, int page)
        {
            query.State = ClueState.CaseManagement;
            query.Page = page;
            query.PageSize = 2;
        }
    }

    protected override async Task ReadClueAsync(Guid clue)
    {
        var detail = await CaseManager.Api.V1.Clues[clue].GetAsync(cancellationToken: Cancel);
        Assert.Equal(clue, detail?.Id);
        Assert.Equal(ClueState.CaseManagement, detail?.State);
        Assert.Contains(ClueAction.ProposeAllocation, detail?.AvailableActions ?? []);
    }

    protected override async Task<Guid> FindOfficialAsync()
    {
        var officials = await Petition.Api.V1.Officials.GetAsync(
            r =>
            {
                r.QueryParameters.RegionCode = KaiyangRegionCode;
                r.QueryParameters.PrincipalOnly = true;
                r.QueryParameters.PageSize = 1;
            },
            Cancel);
        var official = Assert.Single(officials?.Items ?? []);
        Assert.True(official.IsPrincipal);
        return official.Id!.Value;
    }

    protected override async Task<Guid> RegisterClueAsync(Guid official)
    {
        var registered = await Petition.Api.V1.Clues.PostAsync(
            new RegisterClueRequest
            {
                Source = ClueSource.Online12388,
                IsRealName = false,
                Content = ClueContent,
                Persons = [new ReportedPersonRequest { OfficialId = official }],
                Categories = [CategoryCode],
            },
            cancellationToken: Cancel);
        Assert.StartsWith("开阳县-", registered?.Number, StringComparison.Ordinal);
        return registered!.Id!.Value;
    }

    protected override async Task AttachFileAsync(Guid clue)
    {
        var form = new MultipartBody();
        form.AddOrReplacePart("file", "text/plain", Letter, LetterFileName);
        var attached = await Petition.Api.V1.Clues[clue].Attachments.PostAsync(form, cancellationToken: Cancel);
        Assert.Equal(LetterFileName, attached?.FileName);
        Assert.Equal(Letter.Length, attached?.Size);
    }

    protected override async Task<Guid> SubmitToCaseManagementAsync(Guid clue)
    {
        var moved = await Petition.Api.V1.Clues[clue].Actions.PostAsync(new ClueActionRequest { Action = ClueAction.SubmitToCaseManagement }, cancellationToken: Cancel);
        Assert.Equal(ClueState.CaseManagement, moved?.State);
        return clue;
    }

    protected override async Task ReportRectificationProgressAsync(Guid official)
    {
        var item = await Officer.Api.V1.Rectification.PostAsync(
            new CreateRectificationItemRequest
            {
                Source = RectificationSource.Inspection,
                OfficialId = official,
                SourceReference = "县委第二巡察组反馈意见第3条",
                Problem = "公务接待未执行“一单一函”制度",
            },
            cancellationToken: Cancel);
        var id = Assert.NotNull(item);

        var form = new MultipartBody();
        form.AddOrReplacePart("text", "text/plain", "已修订公务接待管理办法，正在逐笔核对接待清单");
        form.AddOrReplacePart("claimsDone", "text/plain", "false");
        form.AddOrReplacePart("files", "application/pdf", PdfEvidence, EvidenceFileName);
        await Officer.Api.V1.Rectification[id].Progress.PostAsync(form, cancellationToken: Cancel);

        var detail = await Officer.Api.V1.Rectification[id].GetAsync(cancellationToken: Cancel);
        var evidence = Assert.Single(Assert.Single(detail?.Progress ?? []).Evidence ?? []);
        Assert.Equal(EvidenceFileName, evidence.FileName);
        Assert.Equal(PdfEvidence.Length, evidence.Size);
    }

    protected override async Task DownloadWordDocumentAsync(Guid clue)
    {
        await using var document = await CaseManager.Api.V1.Clues[clue].Documents["DisposalApproval"].GetAsync(cancellationToken: Cancel);
        AssertWordDocument(Assert.IsAssignableFrom<Stream>(document));
    }

    protected override async Task DownloadWorkbookAsync()
    {
        await using var workbook = await CaseManager.Api.V1.Clues.Export.GetAsync(r => r.QueryParameters.Source = ClueSource.Online12388, Cancel);
        AssertWorkbook(Assert.IsAssignableFrom<Stream>(workbook));
    }

    protected override async Task ReadNotFoundAsync()
    {
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => CaseManager.Api.V1.Clues[UnknownId].GetAsync(cancellationToken: Cancel));
        AssertProblem(404, "Clue.NotFound", problem.ResponseStatusCode, problem.Code, problem.Detail);
    }

    protected override async Task ReadConflictAsync(Guid clue)
    {
        var decide = new ClueActionRequest { Action = ClueAction.Decide, Date = new Date(Today.ToDateTime(TimeOnly.MinValue)), Sanctions = [] };
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => Leader.Api.V1.Clues[clue].Actions.PostAsync(decide, cancellationToken: Cancel));
        AssertProblem(409, "Clue.IllegalTransition", problem.ResponseStatusCode, problem.Code, problem.Detail);
    }

    protected override async Task ReadUnprocessableAsync(Guid clue)
    {
        var propose = new ClueActionRequest { Action = ClueAction.ProposeAllocation };
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => CaseManager.Api.V1.Clues[clue].Actions.PostAsync(propose, cancellationToken: Cancel));
        AssertProblem(422, "Clue.FieldRequired", problem.ResponseStatusCode, problem.Code, problem.Detail);
    }

    /// <summary>The status and, for a documented error, the problem as Kiota read it.</summary>
    protected override async Task<string?> DescribeAsync(Exception exception) => exception switch
    {
        IParsable problem and ApiException api => $"status {api.ResponseStatusCode}: {await KiotaJsonSerializer.SerializeAsStringAsync(problem, serializeOnlyChangedValues: false, Cancel)}",
        ApiException api => $"status {api.ResponseStatusCode}",
        _ => null,
    };

    /// <summary>Kiota's default HTTP stack on the app's address, with Kiota's Bearer authentication provider.</summary>
    protected override async Task<QingfengKiotaClient> ConnectAsync(TestUser user)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(new StaticToken(await App.App.TokenAsync(user.UserName), App.BaseAddress.Host));
        var adapter = new HttpClientRequestAdapter(authentication) { BaseUrl = App.BaseAddress.ToString().TrimEnd('/') };
        Own(adapter);
        return new QingfengKiotaClient(adapter);
    }

    private sealed class StaticToken(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }
}
