namespace QwenImageEdit.Testing;

/// <summary>The kinds of refusal every vendor has; each vendor's <see cref="ErrorStyle"/> says how it spells them.</summary>
internal enum ErrorKind
{
    InvalidRequest,
    Unauthorized,
    NotFound,
    MethodNotAllowed,
    RateLimited,
    ServerError,
}
