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
