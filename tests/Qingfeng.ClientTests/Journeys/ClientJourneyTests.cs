using System.IO.Compression;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Xunit;

namespace Qingfeng.ClientTests.Journeys;

/// <summary>
/// The journey of issue 16 that an integrator walks with a client generated, unedited, from <c>docs/openapi.json</c>: list
/// and page clues with an enum filter, read one, register one, attach a file, take a workflow action, report rectification
/// progress with an evidence file, download a .docx and an .xlsx, and read a 404, a 409 and a 422 as typed ProblemDetails.
/// Each client implements the steps through its generated API only; this class runs them in order against the real app
/// (a fresh seeded SQLite database behind Kestrel on a loopback port, one per class) and fails with a report of every step
/// (passed, failed and why, or not reached). The steps act as the Kaiyang personas of the integration tests, each client
/// signed in with an API token (Bearer) of its user.
/// </summary>
/// <typeparam name="TClient">The generated client.</typeparam>
public abstract class ClientJourneyTests<TClient>(KestrelApp app) : IClassFixture<KestrelApp>, IDisposable
    where TClient : class
{
    /// <summary>开阳县: the county of the Kaiyang personas.</summary>
    protected const string KaiyangRegionCode = "520121";

    protected const string ClueContent = "反映该局局长在2026年春节期间收受下属单位负责人所送购物卡五千元。";

    protected const string CategoryCode = "EP.GIFTS";

    protected const string LetterFileName = "letter.txt";

    protected const string EvidenceFileName = "evidence.pdf";

    /// <summary>Any clue id that does not exist.</summary>
    protected static readonly Guid UnknownId = Guid.Parse("0190a000-0000-7000-8000-000000000016");

    protected static readonly byte[] Letter = "来信扫描件（合成测试数据）"u8.ToArray();

    /// <summary>The smallest valid PDF header: evidence files are checked by content, not by name.</summary>
    protected static readonly byte[] PdfEvidence = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private readonly List<IDisposable> _owned = [];

    /// <summary>The petition office: registers clues, attaches files, submits them to case management.</summary>
    protected TClient Petition { get; private set; } = null!;

    /// <summary>Case management: lists, reads, downloads and allocates clues.</summary>
    protected TClient CaseManager { get; private set; } = null!;

    protected TClient Leader { get; private set; } = null!;

    /// <summary>The supervision office: keeps the rectification ledger.</summary>
    protected TClient Officer { get; private set; } = null!;

    protected KestrelApp App => app;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Today on the app's clock.</summary>
    protected static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task The_generated_client_walks_the_integrator_journey()
    {
        Petition = await ConnectAsync(TestUsers.KaiyangPetition);
        CaseManager = await ConnectAsync(TestUsers.KaiyangCaseManagement);
        Leader = await ConnectAsync(TestUsers.KaiyangLeader);
        Officer = await ConnectAsync(TestUsers.KaiyangSupervision);
        var journey = new Journey(DescribeAsync);
        var listed = await journey.RunAsync("list clues filtered by an enum (State) and page through them", ListAndPageCluesAsync);
        await journey.RunAsync("read one clue", listed, ReadClueAsync);
        var official = await journey.RunAsync("find a principal official of the county in the roster", FindOfficialAsync);
        var clue = await journey.RunAsync("register a clue", official, RegisterClueAsync);
        await journey.RunAsync("attach a file to the clue (multipart)", clue, AttachFileAsync);
        var submitted = await journey.RunAsync("take a workflow action on the clue (SubmitToCaseManagement)", clue, SubmitToCaseManagementAsync);
        await journey.RunAsync("report rectification progress with an evidence file (multipart)", official, ReportRectificationProgressAsync);
        await journey.RunAsync("download a .docx (the clue's disposal approval form)", clue, DownloadWordDocumentAsync);
        await journey.RunAsync("download an .xlsx (the clue queue export)", DownloadWorkbookAsync);
        await journey.RunAsync("read a 404 as a typed ProblemDetails (Clue.NotFound)", ReadNotFoundAsync);
        await journey.RunAsync("read a 409 as a typed ProblemDetails (Clue.IllegalTransition)", clue, ReadConflictAsync);
        await journey.RunAsync("read a 422 as a typed ProblemDetails (Clue.FieldRequired)", submitted, ReadUnprocessableAsync);
        journey.AssertEveryStepPassed();
    }

    /// <summary>What a client's exception holds beyond its message, for the report; nothing by default.</summary>
    protected virtual Task<string?> DescribeAsync(Exception exception) => Task.FromResult<string?>(null);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client as an integrator sets one up, signed in as <paramref name="user"/>; <see cref="Own"/> what it must dispose.</summary>
    protected abstract Task<TClient> ConnectAsync(TestUser user);

    /// <summary>Disposes <paramref name="disposable"/> (a client's HTTP transport) with the test.</summary>
    protected void Own(IDisposable disposable) => _owned.Add(disposable);

    /// <summary>As the case manager: two pages of the clues with case management, disjoint and all in that state; returns one listed clue.</summary>
    protected abstract Task<Guid> ListAndPageCluesAsync();

    /// <summary>As the case manager, who may propose its allocation (an array of enum values in the answer).</summary>
    protected abstract Task ReadClueAsync(Guid clue);

    /// <summary>As the petition office: a principal official of Kaiyang, for the clue and the rectification item.</summary>
    protected abstract Task<Guid> FindOfficialAsync();

    /// <summary>As the petition office; returns the new clue.</summary>
    protected abstract Task<Guid> RegisterClueAsync(Guid official);

    protected abstract Task AttachFileAsync(Guid clue);

    /// <summary>As the petition office; returns the clue once it is with case management.</summary>
    protected abstract Task<Guid> SubmitToCaseManagementAsync(Guid clue);

    /// <summary>As a supervision officer: opens an item about the official and reports progress with <see cref="PdfEvidence"/>.</summary>
    protected abstract Task ReportRectificationProgressAsync(Guid official);

    protected abstract Task DownloadWordDocumentAsync(Guid clue);

    protected abstract Task DownloadWorkbookAsync();

    protected abstract Task ReadNotFoundAsync();

    /// <summary>As the leader: deciding a clue that was only registered is an illegal move.</summary>
    protected abstract Task ReadConflictAsync(Guid clue);

    /// <summary>As the case manager: proposing an allocation without naming the assignee.</summary>
    protected abstract Task ReadUnprocessableAsync(Guid clue);

    /// <summary>A .docx is a zip package with a main document part.</summary>
    protected static void AssertWordDocument(Stream content) => AssertPackagePart(content, "word/document.xml");

    /// <summary>An .xlsx is a zip package with a workbook part.</summary>
    protected static void AssertWorkbook(Stream content) => AssertPackagePart(content, "xl/workbook.xml");

    /// <summary>What every problem of the journey must carry: its status, a stable code and a readable detail.</summary>
    protected static void AssertProblem(int expectedStatus, string expectedCode, int? status, string? code, string? detail)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, code);
        Assert.False(string.IsNullOrWhiteSpace(detail), $"The {expectedCode} problem has no detail.");
    }

    private static void AssertPackagePart(Stream content, string part)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        using var package = new ZipArchive(buffer, ZipArchiveMode.Read);
        Assert.Contains(package.Entries, e => e.FullName == part);
    }
}
