using System.Net;
using System.Net.Http.Headers;

namespace OpenApiGen.Runtime;

/// <summary>
/// A response the API did not document as success: its status, headers (so <c>Retry-After</c> is usable), a bounded
/// excerpt of the raw body, and the request that caused it. Credentials never appear in it: the client removes them
/// (in every form a server may echo them, see <see cref="SecretScrubber"/>) from the message, the excerpt, the headers
/// and the typed error body before they are stored.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="headers">The response headers, content headers included.</param>
    /// <param name="bodyExcerpt">The start of the body as text, at most <see cref="ApiResponseReader.ExcerptLength"/> characters.</param>
    /// <param name="innerException">What failed while reading the response, if anything.</param>
    public ApiException(string message, HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? bodyExcerpt, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response headers, content headers included, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The start of the response body as text (bounded, credentials removed), or null when there was none.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>The longest <see cref="RetryAfter"/> reported: a server asking for years (or a date in 9999) gets this.</summary>
    public static TimeSpan MaxRetryAfter { get; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the server asks to wait before trying again (<c>Retry-After</c>, seconds or a date), if it said; at
    /// most <see cref="MaxRetryAfter"/>, so a delay made from it is always valid.
    /// </summary>
    public TimeSpan? RetryAfter
    {
        get
        {
            if (!Headers.TryGetValue("Retry-After", out var values) || values.Count == 0)
            {
                return null;
            }

            var text = values[0].Trim();
            if (text.Length > 0 && text.All(char.IsAsciiDigit))
            {
                // Any number of digits: one too long for a long is still "wait a very long time".
                return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds < MaxRetryAfter.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : MaxRetryAfter;
            }

            if (!RetryConditionHeaderValue.TryParse(text, out var parsed) || parsed.Date is not { } date)
            {
                return null;
            }

            var wait = date - DateTimeOffset.UtcNow;
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxRetryAfter ? wait : MaxRetryAfter;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}: {Message} (HTTP {(int)StatusCode}){Environment.NewLine}{StackTrace}";
}

/// <summary>An <see cref="ApiException"/> whose body matched the error schema the API documents for that status.</summary>
/// <typeparam name="TError">The documented error type.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="headers">The response headers, content headers included.</param>
    /// <param name="bodyExcerpt">The start of the body as text.</param>
    /// <param name="error">The body, read as the documented error type.</param>
    public ApiException(string message, HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? bodyExcerpt, TError error)
        : base(message, statusCode, headers, bodyExcerpt)
    {
        Error = error;
    }

    /// <summary>The body, read as the error type the API documents for this status.</summary>
    public TError Error { get; }
}

/// <summary>
/// A response larger than a limit of <see cref="ApiResponseLimits"/>: nothing past the limit was read, so memory stays
/// bounded whatever the server sends.
/// </summary>
public class ApiLimitExceededException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the limit.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="headers">The response headers, content headers included.</param>
    /// <param name="bodyExcerpt">The start of the body as text.</param>
    /// <param name="limitName">The limit exceeded: the name of its <see cref="ApiResponseLimits"/> member.</param>
    /// <param name="limit">Its value, in bytes.</param>
    public ApiLimitExceededException(string message, HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? bodyExcerpt, string limitName, long limit)
        : base(message, statusCode, headers, bodyExcerpt)
    {
        LimitName = limitName;
        Limit = limit;
    }

    /// <summary>The limit exceeded, as its <see cref="ApiResponseLimits"/> member is named (<c>MaxJsonBytes</c>).</summary>
    public string LimitName { get; }

    /// <summary>The limit's value, in bytes.</summary>
    public long Limit { get; }
}
