namespace QwenImageEdit.Testing;

/// <summary>A request as both transports hand it to the core: nothing here depends on Kestrel or HttpClient.</summary>
internal sealed class FakeRequest
{
    public FakeRequest(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method.ToUpperInvariant();
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        RawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        Query = queryStart < 0 ? string.Empty : rawTarget[queryStart..];
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The path still percent-encoded, so an escaped '/' inside a segment stays inside it.</summary>
    public string RawPath { get; }

    /// <summary>The query with its '?', or empty.</summary>
    public string Query { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first value of a query parameter, decoded; null when absent.</summary>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (key == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
