using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Qingfeng.Platform.Data;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// The database round trips of one request, as the app records them on its <see cref="RoundTrips"/> histogram: a count,
/// never a timing. The measurement is taken on the flow of the request that made it, so a marker header sent with the
/// request tells it apart from every other request the same app answers meanwhile (other tests share the app).
/// </summary>
public sealed class RoundTripMeter : IDisposable
{
    private const string MarkerHeader = "X-Test-Marker";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _pending = new(StringComparer.Ordinal);
    private readonly HttpContextAccessor _accessor = new();

    public RoundTripMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Name: RoundTrips.InstrumentName, Meter.Name: RoundTrips.MeterName })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            if (_accessor.HttpContext?.Request.Headers[MarkerHeader].ToString() is { Length: > 0 } marker && _pending.TryGetValue(marker, out var waiting))
            {
                waiting.TrySetResult(value);
            }
        });
        _listener.Start();
    }

    /// <summary>Sends the request and answers with its response and the round trips it cost.</summary>
    public async Task<(HttpResponseMessage Response, int RoundTrips)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var marker = Guid.NewGuid().ToString("N");
        var measured = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[marker] = measured;
        request.Headers.Add(MarkerHeader, marker);
        try
        {
            var response = await client.SendAsync(request);
            return (response, await measured.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        }
        finally
        {
            _pending.TryRemove(marker, out _);
        }
    }

    public Task<(HttpResponseMessage Response, int RoundTrips)> GetAsync(HttpClient client, string url) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

    public void Dispose() => _listener.Dispose();
}
