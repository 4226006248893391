using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Rectification;

/// <summary>Calls of the ledger API shared by the ledger tests.</summary>
internal static class RectificationClients
{
    /// <summary>The smallest valid PDF header: evidence files are checked by content, not by name.</summary>
    public static readonly byte[] PdfEvidence = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    public static async Task<RectificationDetail> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/rectification/{id}")).OkJsonAsync<RectificationDetail>();

    public static async Task<HttpResponseMessage> ReportAsync(HttpClient client, Guid id, string text, bool claimsDone, byte[]? pdf)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(text), "Text" },
            { new StringContent(claimsDone ? "true" : "false"), "ClaimsDone" },
        };
        if (pdf is not null)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "files", "整改佐证.pdf");
        }

        return await client.PostAsync($"/api/v1/rectification/{id}/progress", form);
    }

    public static async Task ReportOkAsync(HttpClient client, Guid id, string text, bool claimsDone, byte[]? pdf)
    {
        var response = await ReportAsync(client, id, text, claimsDone, pdf);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static async Task<int> SweepAsync(QingfengApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
        var sweep = new RectificationDeadlineSweep(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<QingfengDb>>(),
            scope.ServiceProvider.GetRequiredService<SupervisionCalendar>(),
            scope.ServiceProvider.GetRequiredService<NotificationService>(),
            clock);
        return await sweep.RunAsync();
    }

    public static async Task<IReadOnlyList<NotificationItem>> NotificationsAsync(HttpClient client) =>
        await (await client.GetAsync("/api/v1/notifications")).OkJsonAsync<List<NotificationItem>>();

    /// <summary>Midday in China on <paramref name="date"/>, as a clock for the sweep.</summary>
    public static DateTimeOffset Noon(DateOnly date) => new(date.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);
}
