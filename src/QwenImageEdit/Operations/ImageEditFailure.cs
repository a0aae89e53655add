namespace QwenImageEdit;

/// <summary>Why a task failed, the same for every vendor.</summary>
/// <param name="Kind">The kind of failure (content policy, quota, vendor error, ...).</param>
/// <param name="Message">The vendor's message.</param>
/// <param name="VendorCode">The vendor's code (<c>content_policy_violation</c>, <c>501</c>, ...), when it gives one.</param>
public sealed record ImageEditFailure(ImageEditErrorKind Kind, string Message, string? VendorCode)
{
    /// <inheritdoc />
    public override string ToString() => VendorCode is null ? Message : $"{Message} ({VendorCode})";
}
