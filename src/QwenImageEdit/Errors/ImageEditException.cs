using System;

namespace QwenImageEdit;

/// <summary>
/// Any failure of an image edit, whichever vendor served it. Catch a subclass for one kind
/// (<see cref="ImageEditRateLimitedException"/>, ...), or this type and switch on <see cref="Kind"/>.
/// </summary>
/// <remarks>
/// Messages, excerpts and everything an exception carries never contain the API key, in any form a server may echo
/// it: every answer is scrubbed as it arrives, before anything reads it.
/// </remarks>
public class ImageEditException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageEditException(ImageEditErrorKind kind, ImageEditVendor? vendor, string message, int? statusCode = null, string? vendorCode = null, string? responseExcerpt = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Vendor = vendor;
        StatusCode = statusCode;
        VendorCode = vendorCode;
        ResponseExcerpt = responseExcerpt;
    }

    /// <summary>What went wrong.</summary>
    public ImageEditErrorKind Kind { get; }

    /// <summary>The vendor involved, or null when the failure is not tied to one.</summary>
    public ImageEditVendor? Vendor { get; }

    /// <summary>The HTTP status, when the vendor answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The vendor's own error code (EvoLink <c>content_policy_violation</c>, Apikley <c>422</c>, ...), as text.</summary>
    public string? VendorCode { get; }

    /// <summary>The start of the vendor's answer (at most 2,048 characters, credentials removed), for diagnosis.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>
    /// The vendor's id for the request that failed, from wherever that vendor puts it (see the README's table), when it
    /// sent one: quote it to the vendor's support. Also in <see cref="Message"/>.
    /// </summary>
    public string? RequestId { get; internal set; }

    /// <summary>
    /// Whether this failure proves the vendor did not take the edit, so nothing was created or billed and it can be sent
    /// again, to this vendor or another: nothing was sent (a request refused before sending, an upload that failed before
    /// the create), the connection was refused, or the vendor answered the create with a refusal (429, another 4xx but
    /// 408, or an error envelope saying the key, quota, rate or request was wrong). False means a task may exist.
    /// </summary>
    public bool ProvablyNotAccepted { get; internal set; }

    /// <inheritdoc />
    public override string Message => RequestId is null ? base.Message : $"{base.Message} (vendor request id {RequestId})";
}
