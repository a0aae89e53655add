using System.IO.Pipelines;
using System.Net;

namespace QwenImageEdit.Testing;

/// <summary>
/// The in-memory transport: hands each request to the fake's core and turns its answer into an HttpResponseMessage.
/// A dropped connection surfaces as SocketsHttpHandler reports one (an HttpRequestException around an IOException),
/// so code under test sees the same failure over both transports.
/// </summary>
internal sealed class InMemoryHandler(FakeVendor vendor) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name] = string.Join(", ", values);
            }
        }

        var target = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : request.RequestUri?.OriginalString ?? "/";
        var answer = await vendor.HandleAsync(new FakeRequest(request.Method.Method, target, headers, body), cancellationToken).ConfigureAwait(false);
        if (answer.Reset)
        {
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "An error occurred while sending the request.",
                new IOException("The response ended prematurely."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = answer.Writer is { } writer ? Streamed(writer, cancellationToken) : new ByteArrayContent(answer.Body),
        };
        if (answer.ContentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        }

        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    /// <summary>A body the writer fills while the caller reads it, through a pipe, as a socket would carry it.</summary>
    private static StreamContent Streamed(Func<Stream, CancellationToken, Task> writer, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(
            async () =>
            {
                Exception? failure = null;
                try
                {
                    await writer(pipe.Writer.AsStream(leaveOpen: true), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
                {
                    // The reader went away (it completed the pipe) or the request was cancelled: the stream just ends.
                    failure = exception is OperationCanceledException ? null : exception;
                }

                await pipe.Writer.CompleteAsync(failure).ConfigureAwait(false);
            },
            CancellationToken.None);
        return new StreamContent(pipe.Reader.AsStream());
    }
}
