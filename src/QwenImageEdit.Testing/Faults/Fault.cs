namespace QwenImageEdit.Testing;

/// <summary>
/// A misbehaviour to inject, queued with <see cref="FakeFaults.Enqueue"/>. Faults before processing leave the request
/// unhandled (nothing is created); faults after processing handle it first and then spoil the answer.
/// </summary>
public abstract class Fault
{
    private protected Fault()
    {
    }

    /// <summary>HTTP 429 with <c>Retry-After</c> and the vendor's rate-limit error body; the request is not processed.</summary>
    /// <param name="retryAfter">The delay the <c>Retry-After</c> header announces (whole seconds, rounded up).</param>
    public static Fault RateLimited(TimeSpan retryAfter) => new RateLimitedFault(retryAfter);

    /// <summary>A server error with the vendor's error body; the request is not processed.</summary>
    /// <param name="status">The HTTP status, 500 to 599.</param>
    public static Fault ServerError(int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new ServerErrorFault(status);
    }

    /// <summary>Answers normally, after <paramref name="delay"/> on the fake's TimeProvider (a client timeout shorter than that fires first).</summary>
    /// <param name="delay">How long to hold the request before handling it.</param>
    public static Fault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new DelayFault(delay);
    }

    /// <summary>Drops the connection before handling the request: nothing is created.</summary>
    public static Fault ResetBeforeProcessing() => new ResetFault(afterProcessing: false);

    /// <summary>Handles the request (a create does create the task), then drops the connection: the answer is lost.</summary>
    public static Fault ResetAfterProcessing() => new ResetFault(afterProcessing: true);

    /// <summary>Handles the request, then answers with a body that is not JSON (same status and content type).</summary>
    public static Fault MalformedJson() => new BodyFault(truncate: false);

    /// <summary>Handles the request, then answers with only the first half of the body.</summary>
    public static Fault TruncatedJson() => new BodyFault(truncate: true);

    /// <summary>A proxy's HTML error page instead of the vendor's answer; the request is not processed.</summary>
    /// <param name="status">The HTTP status of the page.</param>
    public static Fault HtmlErrorPage(int status = 502)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new HtmlErrorPageFault(status);
    }

    /// <summary>Handles the request, then puts a value the spec does not know into the answer's status field (EvoLink and ModelsLab <c>status</c>, Apikley <c>data.state</c>).</summary>
    /// <param name="value">The status value to send.</param>
    public static Fault UnknownStatus(string value = "cancelled")
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new UnknownStatusFault(value);
    }

    /// <summary>Handles the request, then drops every member of the answer that the spec's response schema does not require.</summary>
    public static Fault MissingOptionalFields() => new MissingOptionalFieldsFault();

    /// <summary>
    /// HTTP 200 whose body carries the error <paramref name="code"/>, as Apikley answers a bad key (401), no credits (402), a
    /// rate limit (429), maintenance (455), a server error (500), ...; the request is not processed. Only answers with a
    /// body code can carry it (Apikley's createTask and recordInfo): queuing it for a vendor or route without one throws,
    /// and under <see cref="FakeRoute.Any"/> a request of another route takes it and is answered as usual.
    /// </summary>
    /// <param name="code">The body's error code; not 200, which means success.</param>
    /// <param name="message">The message beside it; null for the vendor's usual one for the code.</param>
    public static Fault ErrorInBody(int code, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(code, 200);
        return new ErrorInBodyFault(code, message);
    }

    /// <summary>Whether the fault can happen on this route at all; <see cref="FakeFaults.Enqueue"/> refuses a fault no route of its vendor can suffer.</summary>
    internal virtual bool CanApplyTo(FakeOperation operation) => true;

    /// <summary>Runs before the request is handled; an answer here means the request is not handled at all.</summary>
    internal virtual ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult<FakeResponse?>(null);

    /// <summary>Runs after the request was handled, and may replace the answer.</summary>
    internal virtual ValueTask<FakeResponse> AfterProcessingAsync(FakeResponse response, OperationContext context)
        => ValueTask.FromResult(response);
}
