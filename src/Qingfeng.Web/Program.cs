using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Qingfeng.Components;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Decisions;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.IntegrityFiles;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Outcomes;
using Qingfeng.Features.PersonResolution;
using Qingfeng.Features.QuarterlyReviews;
using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Platform;
using Qingfeng.Platform.Data.FullText;
using Qingfeng.Platform.Text;
using Qingfeng.Platform.Ui;
using Scalar.AspNetCore;

// Command-line verbs (audit verify, demo generate) run and exit without starting the server.
if (Commands.IsCommand(args))
{
    Environment.ExitCode = await Commands.RunAsync(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Loopback by default: a commission's server is put behind its own gateway, never exposed by accident.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

// Serve package assets (AntDesign, the Blazor script) from the build output in every environment,
// not only in Development; a published app has them in wwwroot and this is a no-op there.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 32 * 1024 * 1024);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
builder.Services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
builder.Services.AddLocalization();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = LocalisedProblem.Complete);
builder.Services.AddExceptionHandler<ProblemDetailsHandler>();

// Enums travel by name only (ClueState "Filed", not 15): readable for integrators and stable if values are added.
// Every input is checked by one set of rules and the limits are shown in the OpenAPI document (Platform/Api).
builder.Services.AddStrictInput();
builder.Services.AddAntDesign();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

builder.Services
    .AddQingfengData(builder.Configuration, builder.Environment.ContentRootPath)
    .AddFullTextIndex()
    .AddChineseText()
    .AddDocuments()
    .AddQingfengSecurity()
    .AddSecurityHeaders()
    .AddRateLimits(builder.Configuration)
    .AddFieldEncryption(builder.Configuration, builder.Environment.ContentRootPath)
    .AddWorkingDayCalendar(builder.Configuration, builder.Environment.ContentRootPath)
    .AddAccounts(builder.Configuration)
    .AddAudit(builder.Configuration, builder.Environment.ContentRootPath)
    .AddOrgans()
    .AddRoster()
    .AddPersonResolution()
    .AddNotifications()
    .AddClues(builder.Configuration)
    .AddSupervision(builder.Configuration)
    .AddRectification()
    .AddDecisions(builder.Configuration)
    .AddQuarterlyReviews()
    .AddDutyReports(builder.Configuration)
    .AddOutcomes()
    .AddIntegrityFiles()
    .AddTalks(builder.Configuration)
    .AddReminders()
    .AddAccountability(builder.Configuration)
    .AddRecommendations(builder.Configuration)
    .AddDemoProvince(builder.Configuration);

var app = builder.Build();

string[] cultures = ["zh-CN", "en"];
app.UseRequestLocalization(new RequestLocalizationOptions()
    .SetDefaultCulture("zh-CN")
    .AddSupportedCultures(cultures)
    .AddSupportedUICultures(cultures));
app.UseSecurityHeaders();
app.UseErrorPages();
app.UseStaticFiles();
app.UseRoundTrips();
app.UseAuthentication();
app.UseRateLimits();
app.UseApiCsrfGuard();
app.UseCurrentUser();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealth();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/reference", o => o.WithTitle("Qingfeng API").DisableDefaultFonts()).WithSecurityHeadersPolicy(SecurityHeaders.ApiReferencePolicy);
app.MapAccounts();
app.MapAudit();
app.MapOrgans();
app.MapRoster();
app.MapCalendar();
app.MapNotifications();
app.MapClues();
app.MapRectification();
app.MapDecisions();
app.MapQuarterlyReviews();
app.MapDutyReports();
app.MapOutcomes();
app.MapTalks();
app.MapReminders();
app.MapAccountability();
app.MapRecommendations();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.Services.GetRequiredService<DemoSeeder>().PrepareAsync(app.Lifetime.ApplicationStopping);
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "Qingfeng is running. Open {Urls} and sign in with one of the accounts above.", string.Join(", ", app.Urls)));
await app.RunAsync();

/// <summary>The web host; public for WebApplicationFactory.</summary>
public partial class Program
{
    protected Program()
    {
    }
}
