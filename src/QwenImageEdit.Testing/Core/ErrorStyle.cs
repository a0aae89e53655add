namespace QwenImageEdit.Testing;

/// <summary>How one vendor API writes an error: its HTTP status and its body for each <see cref="ErrorKind"/>.</summary>
internal abstract class ErrorStyle
{
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">The vendor's message (never containing a credential); null for the vendor's usual one.</param>
    /// <param name="param">The request field concerned, for vendors whose errors name it.</param>
    /// <param name="status">An HTTP status instead of the kind's usual one (a 503 server error, say).</param>
    /// <param name="code">A vendor error code instead of the kind's usual one (<c>task_not_found</c>, say).</param>
    public abstract FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null);

    /// <summary>Whether the API answers some errors with HTTP 200 and an error code in the body (<see cref="CreateWithBodyCode"/>).</summary>
    public virtual bool HasBodyCodes => false;

    /// <summary>HTTP 200 whose body carries the error <paramref name="code"/>; only for APIs with <see cref="HasBodyCodes"/>.</summary>
    /// <param name="code">The body's error code.</param>
    /// <param name="message">The vendor's message (never containing a credential); null for the vendor's usual one for the code.</param>
    public virtual FakeResponse CreateWithBodyCode(int code, string? message = null)
        => throw new NotSupportedException($"{GetType().Name} puts no error code in its bodies.");

    protected static int DefaultStatus(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidRequest => 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.NotFound => 404,
        ErrorKind.MethodNotAllowed => 405,
        ErrorKind.RateLimited => 429,
        _ => 500,
    };
}
