using System.Net;
using System.Net.Http.Headers;

namespace OpenApiGen.Runtime;

/// <summary>
/// The HTTP side of an answer, as <c>System.ClientModel</c>'s <c>PipelineResponse</c> gives it: the status, the
/// headers, the vendor's request id, and, for an error the caller asked to have returned
/// (<see cref="ApiRequestOptions.ThrowOnError"/>), the error and the raw body. Secrets the client sent are removed from
/// every header value it hands out. Reached through <see cref="ApiResponse.GetRawResponse"/>, so none of these names
/// can hide a member of the value (a model's own <c>Status</c> or <c>Error</c>) behind <c>var</c>.
/// </summary>
public sealed class ApiRawResponse
{
    private readonly HttpResponseHeaders _headers;
    private readonly HttpContentHeaders? _contentHeaders;
    private readonly IReadOnlyList<string?> _secrets;
    private SecretScrubber? _scrubber;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _headerValues;

    internal ApiRawResponse(HttpResponseMessage response, IReadOnlyList<string?> secrets, ApiException? error, ReadOnlyMemory<byte> content)
    {
        StatusCode = response.StatusCode;
        ReasonPhrase = response.ReasonPhrase;
        _headers = response.Headers;
        _contentHeaders = response.Content?.Headers;
        _secrets = secrets;
        Error = error;
        Content = content;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The HTTP status as a number.</summary>
    public int Status => (int)StatusCode;

    /// <summary>The reason phrase the server sent with the status, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>Whether the API documents this answer as success (there is a value to read).</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The error, when the answer was not a success and the call asked not to throw it; else null.</summary>
    public ApiException? Error { get; }

    /// <summary>
    /// The raw body of an error answer returned instead of thrown (bounded, as <see cref="ApiException"/> reads it, and
    /// scrubbed of secrets); empty for a success, whose body was read into the value.
    /// </summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The response headers, content headers included, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers => _headerValues ??= CollectHeaders();

    /// <summary>
    /// The vendor's id for this request, from the first of the usual headers it sent (<c>x-request-id</c>,
    /// <c>request-id</c>, <c>x-amzn-requestid</c>, <c>x-amz-request-id</c>, <c>x-ms-request-id</c>, <c>x-correlation-id</c>),
    /// for support tickets and logs; null when it sent none.
    /// </summary>
    public string? RequestId
    {
        get
        {
            foreach (var name in s_requestIdHeaders)
            {
                if (Headers.TryGetValue(name, out var values) && values.Count > 0 && values[0].Length > 0)
                {
                    return values[0];
                }
            }

            return null;
        }
    }

    private static readonly string[] s_requestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid", "x-amz-request-id", "x-ms-request-id", "x-correlation-id"];

    /// <summary>Throws <see cref="Error"/> when there is one.</summary>
    public void EnsureSuccess()
    {
        if (Error is { } error)
        {
            throw error;
        }
    }

    private Dictionary<string, IReadOnlyList<string>> CollectHeaders()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, _headers);
        if (_contentHeaders is not null)
        {
            Add(headers, _contentHeaders);
        }

        return headers;
    }

    private void Add(Dictionary<string, IReadOnlyList<string>> into, HttpHeaders headers)
    {
        var scrubber = _scrubber ??= new SecretScrubber(_secrets);
        foreach (var header in headers.NonValidated)
        {
            var values = new List<string>(header.Value.Count);
            foreach (var value in header.Value)
            {
                values.Add(scrubber.Scrub(value));
            }

            into[header.Key] = values;
        }
    }
}

/// <summary>
/// An answer, as <c>System.ClientModel</c>'s <c>ClientResult</c> gives it: what a generated method returns for an
/// operation whose success has no body. <see cref="GetRawResponse"/> has the status, headers and request id.
/// </summary>
public class ApiResponse
{
    private readonly ApiRawResponse _raw;

    internal ApiResponse(ApiRawResponse raw) => _raw = raw;

    /// <summary>The HTTP side of the answer: status, headers, the vendor's request id, and a returned error.</summary>
    public ApiRawResponse GetRawResponse() => _raw;
}

/// <summary>
/// An answer with its value: what every generated method with a success body returns. It converts to the value
/// implicitly, so the common case reads <c>TaskDetail task = await client.GetTaskDetailAsync(id);</c>; the status,
/// headers and request id are one call away (<see cref="ApiResponse.GetRawResponse"/>), without a second method.
/// </summary>
/// <typeparam name="T">The documented success body.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    private readonly T _value;

    internal ApiResponse(ApiRawResponse raw, T value)
        : base(raw)
    {
        _value = value;
    }

    /// <summary>The success body; throws the error when the answer was an error returned instead of thrown.</summary>
    public T Value => GetRawResponse().Error is { } error ? throw error : _value;

    /// <summary>The success body.</summary>
    /// <param name="response">The answer.</param>
    public static implicit operator T(ApiResponse<T> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Value;
    }
}
