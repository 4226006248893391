using Qingfeng.ClientTests.NSwag.Generated;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Xunit;

namespace Qingfeng.ClientTests.Journeys;

/// <summary>The journey with the NSwag client (System.Text.Json) on an HttpClient that carries the app's address and a Bearer token.</summary>
public sealed class NSwagClientJourneyTests(KestrelApp app) : ClientJourneyTests<QingfengNSwagClient>(app)
{
    protected override async Task<Guid> ListAndPageCluesAsync()
    {
        var first = await CaseManager.ListCluesAsync(state: ClueState.CaseManagement, page: 1, pageSize: 2, cancellationToken: Cancel);
        var second = await CaseManager.ListCluesAsync(state: ClueState.CaseManagement, page: 2, pageSize: 2, cancellationToken: Cancel);
        Assert.Equal(2, first.Items.Count);
        Assert.NotEmpty(second.Items);
        Assert.All(first.Items.Concat(second.Items), i => Assert.Equal(ClueState.CaseManagement, i.State));
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.True(first.Total > 2, $"Total {first.Total}");
        return first.Items.First().Id;
    }

    protected override async Task ReadClueAsync(Guid clue)
    {
        var detail = await CaseManager.GetClueAsync(clue, Cancel);
        Assert.Equal(clue, detail.Id);
        Assert.Equal(ClueState.CaseManagement, detail.State);
        Assert.Contains(ClueAction.ProposeAllocation, detail.AvailableActions);
    }

    protected override async Task<Guid> FindOfficialAsync()
    {
        var officials = await Petition.ListOfficialsAsync(regionCode: KaiyangRegionCode, principalOnly: true, pageSize: 1, cancellationToken: Cancel);
        var official = Assert.Single(officials.Items);
        Assert.True(official.IsPrincipal);
        return official.Id;
    }

    protected override async Task<Guid> RegisterClueAsync(Guid official)
    {
        var registered = await Petition.RegisterClueAsync(
            new RegisterClueRequest
            {
                Source = ClueSource.Online12388,
                IsRealName = false,
                Content = ClueContent,
                Persons = [new ReportedPersonRequest { OfficialId = official }],
                Categories = [CategoryCode],
            },
            Cancel);
        Assert.StartsWith("开阳县-", registered.Number, StringComparison.Ordinal);
        return registered.Id;
    }

    protected override async Task AttachFileAsync(Guid clue)
    {
        using var letter = new MemoryStream(Letter);
        var attached = await Petition.AttachToClueAsync(clue, new FileParameter(letter, LetterFileName, "text/plain"), Cancel);
        Assert.Equal(LetterFileName, attached.FileName);
        Assert.Equal(Letter.Length, attached.Size);
    }

    protected override async Task<Guid> SubmitToCaseManagementAsync(Guid clue)
    {
        var moved = await Petition.ActOnClueAsync(clue, new ClueActionRequest { Action = ClueAction.SubmitToCaseManagement }, Cancel);
        Assert.Equal(ClueState.CaseManagement, moved.State);
        return clue;
    }

    protected override async Task ReportRectificationProgressAsync(Guid official)
    {
        var id = await Officer.CreateRectificationItemAsync(
            new CreateRectificationItemRequest
            {
                Source = RectificationSource.Inspection,
                OfficialId = official,
                SourceReference = "县委第二巡察组反馈意见第3条",
                Problem = "公务接待未执行“一单一函”制度",
            },
            Cancel);

        using var pdf = new MemoryStream(PdfEvidence);
        await Officer.ReportRectificationProgressAsync(
            id,
            text: "已修订公务接待管理办法，正在逐笔核对接待清单",
            claimsDone: false,
            files: [new FileParameter(pdf, EvidenceFileName, "application/pdf")],
            cancellationToken: Cancel);

        var detail = await Officer.GetRectificationItemAsync(id, Cancel);
        var evidence = Assert.Single(Assert.Single(detail.Progress).Evidence);
        Assert.Equal(EvidenceFileName, evidence.FileName);
        Assert.Equal(PdfEvidence.Length, evidence.Size);
    }

    protected override async Task DownloadWordDocumentAsync(Guid clue)
    {
        using var document = await CaseManager.ClueDocumentAsync(clue, ClueDocumentKind.DisposalApproval, Cancel);
        Assert.Equal(200, document.StatusCode);
        AssertWordDocument(document.Stream);
    }

    protected override async Task DownloadWorkbookAsync()
    {
        using var workbook = await CaseManager.ExportCluesAsync(source: ClueSource.Online12388, cancellationToken: Cancel);
        Assert.Equal(200, workbook.StatusCode);
        AssertWorkbook(workbook.Stream);
    }

    protected override async Task ReadNotFoundAsync()
    {
        var problem = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => CaseManager.GetClueAsync(UnknownId, Cancel));
        AssertProblem(404, "Clue.NotFound", problem.StatusCode, problem.Result.Code, problem.Result.Detail);
    }

    protected override async Task ReadConflictAsync(Guid clue)
    {
        var decide = new ClueActionRequest { Action = ClueAction.Decide, Date = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Sanctions = [] };
        var problem = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Leader.ActOnClueAsync(clue, decide, Cancel));
        AssertProblem(409, "Clue.IllegalTransition", problem.StatusCode, problem.Result.Code, problem.Result.Detail);
    }

    protected override async Task ReadUnprocessableAsync(Guid clue)
    {
        var propose = new ClueActionRequest { Action = ClueAction.ProposeAllocation };
        var problem = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => CaseManager.ActOnClueAsync(clue, propose, Cancel));
        AssertProblem(422, "Clue.FieldRequired", problem.StatusCode, problem.Result.Code, problem.Result.Detail);
    }

    /// <summary>An HttpClient with the app's address and the Bearer token in its default headers.</summary>
    protected override async Task<QingfengNSwagClient> ConnectAsync(TestUser user)
    {
        var http = await App.App.ClientForAsync(user.UserName);
        Own(http);

        // The body of an unexpected answer goes into the exception's message.
        return new QingfengNSwagClient(http) { ReadResponseAsString = true };
    }
}
