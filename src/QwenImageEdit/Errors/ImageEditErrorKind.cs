namespace QwenImageEdit;

/// <summary>What went wrong, the same for every vendor.</summary>
public enum ImageEditErrorKind
{
    /// <summary>The vendor failed for its own reasons (5xx, an unreadable answer, a failed generation).</summary>
    VendorError,

    /// <summary>The request is invalid: caught before sending, or rejected by the vendor.</summary>
    InvalidRequest,

    /// <summary>The API key is missing, wrong or revoked.</summary>
    Authentication,

    /// <summary>The account has no credits or quota left.</summary>
    InsufficientQuota,

    /// <summary>Too many requests; see <see cref="ImageEditRateLimitedException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The prompt or an image broke the vendor's content policy.</summary>
    ContentPolicy,

    /// <summary>The vendor did not answer, or the task did not end, in time.</summary>
    Timeout,
}
