namespace QwenImageEdit.Testing;

/// <summary>A request as a fake vendor received it, with the API key (and any other credential) replaced by <c>***</c>.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        string bodyText,
        FakeRoute? route,
        string? operation,
        DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        BodyText = bodyText;
        Route = route;
        Operation = operation;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path as it was on the wire (still percent-encoded), e.g. <c>/v1/tasks/task-unified-1</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The request and content headers (case-insensitive names); <c>Authorization</c> keeps only its scheme.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as UTF-8 text, with ModelsLab's <c>key</c> member and every occurrence of the API key redacted.</summary>
    public string BodyText { get; }

    /// <summary>The kind of route the request matched, or null when no route has its path.</summary>
    public FakeRoute? Route { get; }

    /// <summary>The spec's operationId (or the fake's name for its own routes), or null when no route matched.</summary>
    public string? Operation { get; }

    /// <summary>When it arrived, by the fake's <see cref="FakeVendorOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The <c>Content-Type</c> header, if any.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path}{Query} ({Operation ?? "no route"})";
}
