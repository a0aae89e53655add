using System.Net;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>A transport that answers nothing useful and counts what reached it: the proof that nothing was sent.</summary>
internal sealed class CountingHandler : HttpMessageHandler
{
    private int _count;

    public int Count => _count;

    /// <summary>The last request sent (where it went).</summary>
    public HttpRequestMessage? LastRequest { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        LastRequest = request;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
    }
}
