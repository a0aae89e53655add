using System.Text;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// An answer as the core decides it; each transport writes it its own way. <see cref="Reset"/> means no answer at all:
/// the connection is dropped (Kestrel aborts it; the in-memory handler throws what SocketsHttpHandler would).
/// </summary>
internal sealed class FakeResponse
{
    private FakeResponse(int status, string? contentType, byte[] body, bool reset)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        Reset = reset;
    }

    public int Status { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    public bool Reset { get; }

    /// <summary>Headers besides Content-Type (Retry-After, ...).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public static FakeResponse ConnectionReset { get; } = new(0, null, [], reset: true);

    public bool IsJson => ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static FakeResponse Json(JsonNode body, int status = 200)
        => new(status, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(JsonText.Write(body)), reset: false);

    public static FakeResponse Bytes(byte[] body, string contentType, int status = 200) => new(status, contentType, body, reset: false);

    public static FakeResponse Text(string body, string contentType, int status) => new(status, contentType, Encoding.UTF8.GetBytes(body), reset: false);

    /// <summary>The same answer with another body (faults that corrupt a body keep its status and headers).</summary>
    public FakeResponse WithBody(byte[] body)
    {
        var copy = new FakeResponse(Status, ContentType, body, Reset);
        copy.Headers.AddRange(Headers);
        return copy;
    }

    public FakeResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}
