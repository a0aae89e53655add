namespace QwenImageEdit.Testing;

/// <summary>The facts that tell the vendors apart where a value, not code, is enough.</summary>
/// <param name="HostName">The in-memory host, <c>https://{HostName}/</c>.</param>
/// <param name="HasProgress">Whether the vendor reports a progress percentage.</param>
/// <param name="CallbackRetryDelays">The vendor's documented retry schedule for callbacks.</param>
/// <param name="BodyCredentialMembers">Body members that carry the API key, redacted from recordings.</param>
/// <param name="UnknownPathErrors">How the vendor answers a path it does not have.</param>
internal sealed record VendorProfile(
    string HostName,
    bool HasProgress,
    IReadOnlyList<TimeSpan> CallbackRetryDelays,
    IReadOnlyCollection<string> BodyCredentialMembers,
    ErrorStyle UnknownPathErrors);
