namespace OpenApiGen.Runtime;

/// <summary>
/// What one call may change about its request, as <c>System.ClientModel</c>'s <c>RequestOptions</c> does: headers to
/// add, a deadline of its own, and whether an error answer is thrown or handed back. Pass it as a generated method's
/// <c>options</c> argument; one instance can serve many calls. An operation with many optional parameters takes a
/// generated class derived from this one instead, holding those parameters beside these options.
/// </summary>
public class ApiRequestOptions
{
    /// <summary>
    /// Headers sent with the request, replacing a header of the same name the client would send (a credential
    /// included, so a call can use another key).
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long the call may take, the answer's body included; null for no deadline of its own (the HttpClient's
    /// <c>Timeout</c> still applies). When it passes, the call throws <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Whether an answer the API does not document as success throws its <see cref="ApiException"/> (the default), or
    /// is returned: then <see cref="ApiResponse.GetRawResponse"/>'s <see cref="ApiRawResponse.IsSuccess"/> is false,
    /// its <see cref="ApiRawResponse.Error"/> holds the exception (with the typed error body, when documented) and its
    /// <see cref="ApiRawResponse.Content"/> the raw body.
    /// </summary>
    public bool ThrowOnError { get; set; } = true;

    /// <summary>
    /// The read limits for this call's answer (largest JSON or error body, body deadline), when they differ from
    /// <see cref="ApiResponseLimits.Default"/>; null to keep those.
    /// </summary>
    public ApiResponseLimits? Limits { get; set; }

    /// <summary>Adds a header and returns these options, for one-line use: <c>new ApiRequestOptions().WithHeader("X-Trace", id)</c>.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">Its value.</param>
    public ApiRequestOptions WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Headers[name] = value;
        return this;
    }
}
