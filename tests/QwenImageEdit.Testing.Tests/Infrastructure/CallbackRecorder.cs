using System.Net;

namespace QwenImageEdit.Testing.Tests.Infrastructure;

/// <summary>An in-memory callback receiver: records each POST and answers with the next status queued (200 when none is).</summary>
internal sealed class CallbackRecorder(params HttpStatusCode[] answers) : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly Queue<HttpStatusCode> _answers = new(answers);
    private readonly List<Received> _received = [];
    private readonly List<(int Count, TaskCompletionSource Source)> _waiters = [];

    public IReadOnlyList<Received> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> callbacks have arrived.</summary>
    public Task WaitForAsync(int count)
    {
        lock (_gate)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, source));
            return source.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(static h => h.Key, static h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        HttpStatusCode status;
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            _received.Add(new Received(request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.MediaType));
            status = _answers.TryDequeue(out var next) ? next : HttpStatusCode.OK;
            ready = [.. _waiters.Where(w => w.Count <= _received.Count).Select(static w => w.Source)];
            _waiters.RemoveAll(w => w.Count <= _received.Count);
        }

        foreach (var source in ready)
        {
            source.TrySetResult();
        }

        return new HttpResponseMessage(status) { RequestMessage = request };
    }
}
