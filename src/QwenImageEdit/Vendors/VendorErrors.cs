using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;

namespace QwenImageEdit.Vendors;

/// <summary>Turns what the generated clients and HttpClient throw into the facade's exceptions, the same for every vendor.</summary>
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

    /// <summary>
    /// Runs one call to a vendor and translates its failures. <paramref name="describe"/> reads the vendor's own error
    /// body (code and message) from a typed <see cref="ApiException"/>, when it has one.
    /// </summary>
    public static async Task<T> Translate<T>(ImageEditVendor vendor, string action, Func<Task<T>> call, Func<ApiException, (string? Code, string? Message)?>? describe, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            var status = (int)error.StatusCode;
            var detail = describe?.Invoke(error);
            var kind = ErrorMap.FromEvoLinkCode(detail?.Code) is { } byCode && vendor == ImageEditVendor.EvoLink ? byCode : ErrorMap.FromHttpStatus(status);
            var message = $"{vendor} could not {action}: HTTP {status}{(detail?.Message is { Length: > 0 } text ? ": " + text : status is >= 200 and < 300 ? ": the answer could not be read" : "")}.";
            throw Create(kind, vendor, message, status, detail?.Code, error.BodyExcerpt, error.RetryAfter, error);
        }
        catch (HttpRequestException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            throw new ImageEditConnectionRefusedException(vendor, $"{vendor} refused the connection while trying to {action}.", error);
        }
        catch (HttpRequestException error)
        {
            throw new ImageEditVendorException(vendor, $"{vendor} could not {action}: {error.Message}", innerException: error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation nobody asked for.
            throw new ImageEditTimeoutException(vendor, $"{vendor} did not answer in time while trying to {action}.", error);
        }
    }
}

/// <summary>The vendor refused the connection: the request provably never reached it, so the facade may send a create again.</summary>
public sealed class ImageEditConnectionRefusedException(ImageEditVendor vendor, string message, Exception inner)
    : ImageEditException(ImageEditErrorKind.VendorError, vendor, message, innerException: inner);
