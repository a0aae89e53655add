using System;

namespace QwenImageEdit.Vendors;

/// <summary>The facade's exception for each kind of failure, the same for every vendor.</summary>
internal static class VendorErrors
{
    public static ImageEditException Create(ImageEditErrorKind kind, ImageEditVendor vendor, string message, int? status = null, string? code = null, string? excerpt = null, TimeSpan? retryAfter = null, Exception? inner = null)
        => kind switch
        {
            ImageEditErrorKind.Authentication => new ImageEditAuthenticationException(vendor, message, status, code, excerpt, inner),
            ImageEditErrorKind.InsufficientQuota => new ImageEditQuotaException(vendor, message, status, code, excerpt, inner),
            ImageEditErrorKind.RateLimited => new ImageEditRateLimitedException(vendor, message, retryAfter, status, code, excerpt, inner),
            ImageEditErrorKind.ContentPolicy => new ImageEditContentPolicyException(vendor, message, status, code, excerpt, inner),
            ImageEditErrorKind.InvalidRequest => new ImageEditValidationException(vendor, message, status, code, excerpt, inner),
            ImageEditErrorKind.Timeout => new ImageEditTimeoutException(vendor, message, inner),
            _ => new ImageEditVendorException(vendor, message, status, code, excerpt, inner),
        };
}

/// <summary>The vendor refused the connection: the request provably never reached it, so the facade may send a create again.</summary>
public sealed class ImageEditConnectionRefusedException(ImageEditVendor vendor, string message, Exception inner)
    : ImageEditException(ImageEditErrorKind.VendorError, vendor, message, innerException: inner);
