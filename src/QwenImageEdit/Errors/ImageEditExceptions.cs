using System;
using System.Collections.Generic;
using System.Linq;

namespace QwenImageEdit;

/// <summary>The API key is missing, wrong or revoked.</summary>
public sealed class ImageEditAuthenticationException(ImageEditVendor vendor, string message, int? statusCode = null, string? vendorCode = null, string? responseExcerpt = null, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.Authentication, vendor, message, statusCode, vendorCode, responseExcerpt, innerException);

/// <summary>The account has no credits or quota left.</summary>
public sealed class ImageEditQuotaException(ImageEditVendor vendor, string message, int? statusCode = null, string? vendorCode = null, string? responseExcerpt = null, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.InsufficientQuota, vendor, message, statusCode, vendorCode, responseExcerpt, innerException);

/// <summary>Too many requests.</summary>
public sealed class ImageEditRateLimitedException(ImageEditVendor vendor, string message, TimeSpan? retryAfter, int? statusCode = null, string? vendorCode = null, string? responseExcerpt = null, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.RateLimited, vendor, message, statusCode, vendorCode, responseExcerpt, innerException)
{
    /// <summary>How long the vendor asked to wait (its <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The prompt or an image broke the vendor's content policy.</summary>
public sealed class ImageEditContentPolicyException(ImageEditVendor vendor, string message, int? statusCode = null, string? vendorCode = null, string? responseExcerpt = null, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.ContentPolicy, vendor, message, statusCode, vendorCode, responseExcerpt, innerException);

/// <summary>The vendor did not answer, or the task did not end, in time.</summary>
public sealed class ImageEditTimeoutException(ImageEditVendor vendor, string message, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.Timeout, vendor, message, null, null, null, innerException);

/// <summary>The vendor failed for its own reasons: a 5xx, an answer that cannot be read, a generation that failed.</summary>
public sealed class ImageEditVendorException(ImageEditVendor vendor, string message, int? statusCode = null, string? vendorCode = null, string? responseExcerpt = null, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.VendorError, vendor, message, statusCode, vendorCode, responseExcerpt, innerException);

/// <summary>The request is invalid. When thrown before sending, <see cref="Errors"/> lists every problem and nothing was sent.</summary>
public sealed class ImageEditValidationException : ImageEditException
{
    /// <summary>A request the facade refused before sending it.</summary>
    public ImageEditValidationException(ImageEditVendor? vendor, IReadOnlyList<ImageEditValidationError> errors)
        : base(ImageEditErrorKind.InvalidRequest, vendor, Describe(vendor, errors))
        => Errors = errors;

    /// <summary>A request the vendor refused.</summary>
    public ImageEditValidationException(ImageEditVendor vendor, string message, int? statusCode, string? vendorCode, string? responseExcerpt, Exception? innerException = null)
        : base(ImageEditErrorKind.InvalidRequest, vendor, message, statusCode, vendorCode, responseExcerpt, innerException)
        => Errors = [];

    /// <summary>Each problem found before sending; empty when the vendor refused the request.</summary>
    public IReadOnlyList<ImageEditValidationError> Errors { get; }

    private static string Describe(ImageEditVendor? vendor, IReadOnlyList<ImageEditValidationError> errors)
        => (vendor is null ? "The image edit request is invalid: " : $"The image edit request is invalid for {vendor}: ")
           + string.Join("; ", errors.Select(static e => e.ToString()));
}

/// <summary>A failed task: the vendor accepted the edit, then could not do it.</summary>
public sealed class ImageEditFailedException(ImageEditVendor vendor, string operationId, ImageEditFailure failure)
    : ImageEditException(failure.Kind, vendor, $"{vendor} task {operationId} failed: {failure}", vendorCode: failure.VendorCode)
{
    /// <summary>The operation's id at the vendor.</summary>
    public string OperationId { get; } = operationId;

    /// <summary>Why it failed.</summary>
    public ImageEditFailure Failure { get; } = failure;
}

/// <summary>
/// An answer larger than one of the facade's limits (<see cref="ImageEditLimits"/>, <see cref="ResultDownloadOptions.MaxImageBytes"/>,
/// <see cref="ImageEditCallbackParser.MaxBodyBytes"/>): nothing past the limit was read.
/// </summary>
public sealed class ImageEditLimitExceededException : ImageEditException
{
    /// <summary>Creates the exception.</summary>
    public ImageEditLimitExceededException(ImageEditVendor? vendor, string limitName, long limit, string message, Exception? innerException = null)
        : this(vendor, limitName, limit, message, null, innerException)
    {
    }

    /// <summary>Creates the exception, with the start of what was over the limit (credentials removed).</summary>
    public ImageEditLimitExceededException(ImageEditVendor? vendor, string limitName, long limit, string message, string? responseExcerpt, Exception? innerException = null)
        : base(ImageEditErrorKind.VendorError, vendor, message, responseExcerpt: responseExcerpt, innerException: innerException)
    {
        LimitName = limitName;
        Limit = limit;
    }

    /// <summary>The limit exceeded, by its option's name (<c>MaxJsonResponseBytes</c>, <c>MaxImageBytes</c>, ...).</summary>
    public string LimitName { get; }

    /// <summary>The limit's value, in bytes.</summary>
    public long Limit { get; }
}

/// <summary>
/// The vendor (or whoever answered in its place) redirected a request where the facade does not follow: a create is
/// never redirected (it could be taken twice, or by someone else), and polls and uploads only to the same origin.
/// A redirected create is never sent again.
/// </summary>
public sealed class ImageEditRedirectException(ImageEditVendor vendor, string message, Uri? location, int? statusCode = null, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.VendorError, vendor, message, statusCode, innerException: innerException)
{
    /// <summary>Where the request was sent (without its query), when the answer said.</summary>
    public Uri? Location { get; } = location;
}

/// <summary>
/// A result image the facade will not fetch: not HTTPS (after every redirect), at an address that is not public
/// (private, loopback, link-local, metadata), with credentials in its URL, or redirected too often.
/// </summary>
public sealed class ImageEditResultRefusedException(ImageEditVendor? vendor, Uri url, string reason, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.VendorError, vendor, $"The result image at {ResultDownloader.Describe(url)} was not downloaded: {reason}.", innerException: innerException)
{
    /// <summary>The result's URL, as the vendor gave it.</summary>
    public Uri Url { get; } = url;
}
