using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Notifications;

public sealed record NotificationItem(Guid Id, string Message, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>A message to send to one user, before it is rendered for a channel.</summary>
public sealed record OutgoingMessage(Guid UserId, string MessageKey, IReadOnlyList<string> Arguments, string? Link, string DedupKey);

/// <summary>
/// A channel besides the in-app list (SMS, mail). The default logs; a province plugs in its SMS gateway.
/// A real seam: deployments replace the implementation.
/// </summary>
public interface INotificationChannel
{
    Task SendAsync(OutgoingMessage message, string text, CancellationToken cancellationToken);
}

/// <summary>The default external channel: writes what would be sent to the log.</summary>
internal sealed partial class LoggingNotificationChannel(ILogger<LoggingNotificationChannel> logger) : INotificationChannel
{
    public Task SendAsync(OutgoingMessage message, string text, CancellationToken cancellationToken)
    {
        Log(logger, message.UserId, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification to {UserId}: {Text}")]
    private static partial void Log(ILogger logger, Guid userId, string text);
}

/// <summary>
/// Which notification links the reader may not follow now. A feature above Notifications in the layers (ADR 0009) contributes
/// one for its records — the clues' filter applies need-to-know and recusals (<c>ClueNotificationFilter</c>) — so that a
/// notification about a record its reader can no longer see leaves the list and the count, though the row stays on record.
/// </summary>
public interface INotificationLinkFilter
{
    /// <summary>The start of the links this filter judges (e.g. <c>/clues/</c>); other links are not given to it.</summary>
    string Prefix { get; }

    /// <summary>Of <paramref name="links"/> (all starting with <see cref="Prefix"/>), those the current reader may not see.</summary>
    Task<IReadOnlyCollection<string>> HiddenAsync(QingfengDb db, IReadOnlyList<string> links, CancellationToken cancellationToken);
}

/// <summary>
/// Sends notifications (in-app, and through the external channel) and serves the user's list. A notification is shown only
/// while its reader may still see what it links to (<see cref="INotificationLinkFilter"/>): one sent before the reader
/// was recused (or lost access otherwise) leaves the list and the count at once, though the row stays on record.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<QingfengDb> dbFactory,
    CurrentUser currentUser,
    IEnumerable<INotificationLinkFilter> linkFilters,
    INotificationChannel channel,
    TimeProvider time)
{
    /// <summary>Sends each message once: a message whose dedup key was sent before is skipped. Returns how many were new.</summary>
    public async Task<int> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = messages.Select(m => m.DedupKey).ToList();
        var known = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DedupKey)).Select(n => n.DedupKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = messages.Where(m => known.Add(m.DedupKey)).ToList();
        var now = time.GetUtcNow();
        foreach (var message in fresh)
        {
            db.Notifications.Add(new Notification(message.UserId, message.MessageKey, message.Arguments, message.Link, message.DedupKey, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var message in fresh)
        {
            await channel.SendAsync(message, Render(message.MessageKey, message.Arguments, CultureInfo.GetCultureInfo("zh-CN")), cancellationToken);
        }

        return fresh.Count;
    }

    public async Task<IReadOnlyList<NotificationItem>> MineAsync(bool unreadOnly, int take = 50, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId);
        if (unreadOnly)
        {
            q = q.Where(n => n.ReadAt == null);
        }

        q = await WithoutHiddenLinksAsync(db, q, cancellationToken);
        var rows = await q.OrderByDescending(n => n.CreatedAt).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(n => new NotificationItem(n.Id, Render(n.MessageKey, n.ArgumentList, CultureInfo.CurrentUICulture), n.Link, n.CreatedAt, n.ReadAt is not null))];
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await WithoutHiddenLinksAsync(db, db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId && n.ReadAt == null), cancellationToken);
        return await unread.CountAsync(cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var n in await db.Notifications.Where(n => n.UserId == user.UserId && n.ReadAt == null).ToListAsync(cancellationToken))
        {
            n.MarkRead(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Leaves out the notifications that link to a record the reader may not see (now).</summary>
    private async Task<IQueryable<Notification>> WithoutHiddenLinksAsync(QingfengDb db, IQueryable<Notification> notifications, CancellationToken cancellationToken)
    {
        var hidden = new List<string>();
        foreach (var filter in linkFilters)
        {
            var prefix = filter.Prefix;
            var links = await notifications.Where(n => n.Link != null && n.Link.StartsWith(prefix)).Select(n => n.Link!).Distinct().ToListAsync(cancellationToken);
            if (links.Count > 0)
            {
                hidden.AddRange(await filter.HiddenAsync(db, links, cancellationToken));
            }
        }

        return hidden.Count == 0 ? notifications : notifications.Where(n => n.Link == null || !hidden.Contains(n.Link));
    }

    private static string Render(string key, IReadOnlyList<string> arguments, CultureInfo culture) =>
        TextCatalog.Instance.Get(key, culture, [.. arguments.Select(a => a.StartsWith("Enum.", StringComparison.Ordinal) ? TextCatalog.Instance.Get(a, culture) : (object)a)]);
}

public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services
            .AddScoped<NotificationService>()
            .AddSingleton<INotificationChannel, LoggingNotificationChannel>()
            .AddSingleton<ISmsGateway, LoggingSmsGateway>();

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/notifications", "Notifications");
        group.MapGet("/", async (bool? unread, NotificationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.MineAsync(unread == true, 50, ct)))
            .WithName("ListNotifications").WithSummary("The caller's latest notifications.")
            .WithDescription("The signed-in user's latest 50 notifications (deadlines, assignments, returns…), newest first; `unread=true` keeps the unread ones. Notifications about clues the user may no longer see are left out.");
        group.MapPost("/read", async (NotificationService service, CancellationToken ct) =>
            {
                await service.MarkAllReadAsync(ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationsRead").WithSummary("Marks all the caller's notifications read.")
            .WithDescription("Marks every notification of the signed-in user read.");
        return app;
    }
}
