using System.Text;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// An answer as the core decides it; each transport writes it its own way. <see cref="Reset"/> means no answer at all:
/// the connection is dropped (Kestrel aborts it; the in-memory handler throws what SocketsHttpHandler would). A
/// <see cref="Writer"/> answer is streamed (server-sent events): the transport sends the headers, then lets it write.
/// </summary>
internal sealed class FakeResponse
{
    private FakeResponse(int status, string? contentType, byte[] body, bool reset, Func<Stream, CancellationToken, Task>? writer = null)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        Reset = reset;
        Writer = writer;
    }

    public int Status { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    public bool Reset { get; }

    /// <summary>Writes a streamed body after the headers went out; null for a body of <see cref="Body"/>.</summary>
    public Func<Stream, CancellationToken, Task>? Writer { get; }

    /// <summary>Headers besides Content-Type (Retry-After, ...).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public static FakeResponse ConnectionReset { get; } = new(0, null, [], reset: true);

    /// <summary>JSON, <c>application/json</c> or a <c>+json</c> type (Replicate's <c>application/problem+json</c>).</summary>
    public bool IsJson => ContentType?.Split(';')[0].Trim() is { } type && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal));

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static FakeResponse Json(JsonNode body, int status = 200)
        => new(status, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(JsonText.Write(body)), reset: false);

    public static FakeResponse Bytes(byte[] body, string contentType, int status = 200) => new(status, contentType, body, reset: false);

    public static FakeResponse Text(string body, string contentType, int status) => new(status, contentType, Encoding.UTF8.GetBytes(body), reset: false);

    /// <summary>A body written while the client reads it, such as a stream of server-sent events.</summary>
    public static FakeResponse Streamed(string contentType, Func<Stream, CancellationToken, Task> writer) => new(200, contentType, [], reset: false, writer);

    /// <summary>The same answer with another body (faults that corrupt a body keep its status and headers).</summary>
    public FakeResponse WithBody(byte[] body)
    {
        var copy = new FakeResponse(Status, ContentType, body, Reset, Writer);
        copy.Headers.AddRange(Headers);
        return copy;
    }

    public FakeResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}
