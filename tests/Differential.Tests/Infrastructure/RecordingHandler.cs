using System.Net;
using System.Net.Http.Headers;

namespace Differential.Tests.Infrastructure;

/// <summary>A request as it left a client: method, address, headers (the content's included), body bytes, and a multipart body's parts.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyList<(string Name, string Value)> Headers, string? MediaType, byte[] Body, IReadOnlyList<RecordedPart>? Parts);

/// <summary>One part of a multipart body: its field name, file name, media type and bytes.</summary>
internal sealed record RecordedPart(string? Name, string? FileName, string? MediaType, byte[] Body);

/// <summary>The answer a handler gives every request: a status, and a JSON body, another body in its media type, or none.</summary>
internal sealed record CannedAnswer(HttpStatusCode Status, string? Json, string? Text = null, string? TextMediaType = null);

/// <summary>
/// Records each request a client sends and answers it, without a network: the address is never dialled, so both
/// clients keep the spec's default server and are compared on the exact URL they build.
/// </summary>
internal sealed class RecordingHandler(CannedAnswer answer) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.SelectMany(static h => h.Value.Select(v => (h.Key, v))).ToList();
        byte[] body = [];
        string? mediaType = null;
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken);
            headers.AddRange(content.Headers.SelectMany(static h => h.Value.Select(v => (h.Key, v))));
            mediaType = content.Headers.ContentType?.MediaType;
        }

        // The parts are read now: the client disposes the request, and its streams, once it has the answer.
        List<RecordedPart>? parts = null;
        if (request.Content is MultipartFormDataContent multipart)
        {
            parts = [];
            foreach (var part in multipart)
            {
                var disposition = part.Headers.ContentDisposition;
                parts.Add(new RecordedPart(disposition?.Name?.Trim('"'), disposition?.FileName?.Trim('"'), part.Headers.ContentType?.MediaType, await part.ReadAsByteArrayAsync(cancellationToken)));
            }
        }

        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, mediaType, body, parts));
        var response = new HttpResponseMessage(answer.Status) { RequestMessage = request };
        if (answer.Json is { } json)
        {
            response.Content = new StringContent(json, new MediaTypeHeaderValue("application/json"));
        }
        else if (answer.Text is { } text)
        {
            response.Content = new StringContent(text, new MediaTypeHeaderValue(answer.TextMediaType ?? "text/plain"));
        }

        return response;
    }
}
