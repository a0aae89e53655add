using System.Net;

namespace QwenImageEdit.Testing;

/// <summary>One POST of a callback (webhook), and how the receiver answered.</summary>
public sealed class CallbackDelivery
{
    internal CallbackDelivery(string taskId, int attempt, bool isDuplicate, Uri url, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset sentAt, HttpStatusCode? statusCode, Exception? exception)
    {
        TaskId = taskId;
        Attempt = attempt;
        IsDuplicate = isDuplicate;
        Url = url;
        Headers = headers;
        Body = body;
        SentAt = sentAt;
        StatusCode = statusCode;
        Exception = exception;
    }

    /// <summary>The task the callback reports.</summary>
    public string TaskId { get; }

    /// <summary>1 for the first try, 2 and on for retries.</summary>
    public int Attempt { get; }

    /// <summary>True for the extra copy a vendor sends when <see cref="FakeVendorOptions.DuplicateWebhooks"/> is on.</summary>
    public bool IsDuplicate { get; }

    /// <summary>Where it was sent.</summary>
    public Uri Url { get; }

    /// <summary>The headers sent besides Content-Type (Apikley's signature headers).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The JSON body sent.</summary>
    public string Body { get; }

    /// <summary>When it was sent, by the fake's TimeProvider.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>The receiver's status, or null when the POST failed (see <see cref="Exception"/>).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Why the POST failed, when it did not get an answer.</summary>
    public Exception? Exception { get; }

    /// <summary>Whether the receiver answered 2xx, which every vendor counts as delivered.</summary>
    public bool Delivered => StatusCode is { } status && (int)status is >= 200 and < 300;

    /// <inheritdoc/>
    public override string ToString() => $"{TaskId} #{Attempt}{(IsDuplicate ? " (duplicate)" : string.Empty)} -> {Url}: {(StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : Exception?.GetType().Name)}";
}
