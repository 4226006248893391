namespace Qingfeng.Features.Notifications;

/// <summary>A text message to an official (officials are not app users; the roster holds no mobile numbers).</summary>
public sealed record OfficialMessage(Guid OfficialId, string OfficialName, string Text);

/// <summary>
/// The SMS channel to officials: a real seam. The default only logs what would be sent; a province registers its own
/// gateway (which looks up the number by official id) in place of <see cref="LoggingSmsGateway"/>.
/// </summary>
public interface ISmsGateway
{
    Task SendAsync(OfficialMessage message, CancellationToken cancellationToken);
}

/// <summary>The default SMS gateway: writes each message to the log.</summary>
public sealed partial class LoggingSmsGateway(ILogger<LoggingSmsGateway> logger) : ISmsGateway
{
    public Task SendAsync(OfficialMessage message, CancellationToken cancellationToken)
    {
        Log(logger, message.OfficialId, message.OfficialName, message.Text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS to official {OfficialId} ({Name}): {Text}")]
    private static partial void Log(ILogger logger, Guid officialId, string name, string text);
}
