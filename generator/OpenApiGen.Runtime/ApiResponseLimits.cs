namespace OpenApiGen.Runtime;

/// <summary>
/// How much of a response the generated clients read into memory, and for how long they wait for its body once the
/// headers arrived (HttpClient's own <c>Timeout</c> stops at the headers when a client reads as they arrive, as these do).
/// A body over a limit is an <see cref="ApiLimitExceededException"/> that names it, read in bounded memory.
/// </summary>
/// <remarks>
/// <see cref="Default"/> holds for every request unless the request carries its own under <see cref="OptionsKey"/>
/// (a <c>DelegatingHandler</c> in the HttpClient's pipeline can set them with <see cref="ApplyTo"/>).
/// </remarks>
public sealed record ApiResponseLimits
{
    /// <summary>The limits used when a request carries none.</summary>
    public static ApiResponseLimits Default { get; } = new();

    /// <summary>Where a request carries its own limits.</summary>
    public static HttpRequestOptionsKey<ApiResponseLimits> OptionsKey { get; } = new("OpenApiGen.Runtime.ApiResponseLimits");

    /// <summary>The largest success body read as JSON or text, in bytes (default 64 MiB). Binary bodies are streams the caller reads.</summary>
    public long MaxJsonBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most of an error body read, in bytes (default 64 KiB); the rest is not read, and a cut body is not parsed.</summary>
    public int MaxErrorBytes { get; init; } = 64 * 1024;

    /// <summary>How long a JSON, text or error body may take to arrive after the headers (default 100 s, HttpClient's own default timeout); null for no limit.</summary>
    public TimeSpan? BodyTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The limits <paramref name="response"/>'s request carries, or <see cref="Default"/>.</summary>
    public static ApiResponseLimits For(HttpResponseMessage? response)
        => response?.RequestMessage is { } request && request.Options.TryGetValue(OptionsKey, out var limits) && limits is not null ? limits : Default;

    /// <summary>Makes <paramref name="request"/> read its response under these limits.</summary>
    public void ApplyTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(OptionsKey, this);
    }
}
