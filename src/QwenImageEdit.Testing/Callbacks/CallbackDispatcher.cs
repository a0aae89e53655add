using System.Net;
using System.Text;

namespace QwenImageEdit.Testing;

/// <summary>
/// Sends callbacks in the background, retrying on the vendor's schedule (delays on the fake's TimeProvider, so a
/// manual clock drives retries), and keeps the record of every attempt. Tracks what is in flight, so a test can wait
/// for quiet instead of sleeping.
/// </summary>
internal sealed class CallbackDispatcher : IAsyncDisposable
{
    // The vendors' own limit (EvoLink documents 10 s); a safety net, so it runs on the real clock.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly List<CallbackDelivery> _deliveries = [];
    private readonly FakeVendorOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private HttpClient? _client;
    private TaskCompletionSource _idle = CompletedSource();
    private int _pending;

    public CallbackDispatcher(FakeVendorOptions options)
    {
        _options = options;
    }

    public IReadOnlyList<CallbackDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <param name="message">What to send, and where.</param>
    /// <param name="isDuplicate">Whether this is a vendor's extra copy of a callback already sent.</param>
    /// <param name="retryDelays">The delay before each retry; no retries when empty.</param>
    public void Send(CallbackMessage message, bool isDuplicate, IReadOnlyList<TimeSpan> retryDelays)
    {
        HttpClient client;
        lock (_gate)
        {
            // Created at the first callback, so a CallbackHandler set after the fake was built is used.
            client = _client ??= new HttpClient(_options.CallbackHandler ?? new SocketsHttpHandler(), disposeHandler: _options.CallbackHandler is null) { Timeout = AttemptTimeout };
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _ = DeliverAsync(client, message, isDuplicate, retryDelays);
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _client?.Dispose();
        _stopping.Dispose();
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private async Task DeliverAsync(HttpClient client, CallbackMessage message, bool isDuplicate, IReadOnlyList<TimeSpan> retryDelays)
    {
        try
        {
            // Off the caller's stack: a callback is sent after the answer that ended the task, as the vendors do.
            await Task.Yield();
            for (var attempt = 1; ; attempt++)
            {
                if (await TryOnceAsync(client, message, attempt, isDuplicate).ConfigureAwait(false) || attempt > retryDelays.Count)
                {
                    return;
                }

                await Task.Delay(retryDelays[attempt - 1], _options.TimeProvider, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // The fake is being disposed (cancelled waits, a disposed client): what was not sent is dropped.
        }
        finally
        {
            lock (_gate)
            {
                if (--_pending == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private async Task<bool> TryOnceAsync(HttpClient client, CallbackMessage message, int attempt, bool isDuplicate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in message.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var sentAt = _options.TimeProvider.GetUtcNow();
        HttpStatusCode? status = null;
        Exception? failure = null;
        try
        {
            using var response = await client.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            status = response.StatusCode;
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            // Any failure to get an answer (refused, reset, timed out, a test handler throwing) is a failed attempt.
            failure = exception;
        }

        var delivery = new CallbackDelivery(message.TaskId, attempt, isDuplicate, message.Url, message.Headers, message.Body, sentAt, status, failure);
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }

        return delivery.Delivered;
    }
}
