using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;

namespace QwenImageEdit.Vendors;

/// <summary>
/// How the facade talks to one vendor: an HttpClient per <see cref="RequestKind"/> for the generated clients, each
/// over the caller's HttpClient through <see cref="VendorHandler"/> (redirect rules, a deadline that covers the body,
/// bounded reads, secrets scrubbed from everything that comes back), and the one place where what those calls throw
/// becomes the facade's exceptions.
/// </summary>
internal sealed class VendorTransport
{
    public VendorTransport(ImageEditVendor vendor, HttpClient httpClient, QwenImageEditVendorOptions options, TimeProvider? time = null)
    {
        Vendor = vendor;
        Scrubber = new SecretScrubber([options.ApiKey, options.WebhookSigningKey]);
        var clock = time ?? TimeProvider.System;
        Create = Client(RequestKind.Create, httpClient, options, clock);
        Poll = Client(RequestKind.Poll, httpClient, options, clock);
        Upload = Client(RequestKind.Upload, httpClient, options, clock);
        Stream = Client(RequestKind.Stream, httpClient, options, clock);
    }

    public ImageEditVendor Vendor { get; }

    /// <summary>The vendor's secrets, in every form a server may echo them.</summary>
    public SecretScrubber Scrubber { get; }

    /// <summary>For creates: no redirect is followed.</summary>
    public HttpClient Create { get; }

    /// <summary>For task reads: same-origin redirects only.</summary>
    public HttpClient Poll { get; }

    /// <summary>For uploads: same-origin redirects only.</summary>
    public HttpClient Upload { get; }

    /// <summary>For status streams: same-origin redirects only; an event stream is handed on as it arrives (send with <see cref="HttpCompletionOption.ResponseHeadersRead"/>).</summary>
    public HttpClient Stream { get; }

    /// <summary>
    /// Runs one call to the vendor and translates its failures. <paramref name="describe"/> is the adapter's reading of
    /// its vendor's error body (code, message and what the code means) from a typed <see cref="ApiException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(string action, Func<Task<ApiResponse<T>>> call, Func<ApiException, VendorError?>? describe, CancellationToken cancellationToken)
        => (await SendAsync<ApiResponse<T>>(action, call, describe, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>As above, for any other call (a raw HttpClient send, or a generated call whose whole response is wanted).</summary>
    public async Task<T> SendAsync<T>(string action, Func<Task<T>> call, Func<ApiException, VendorError?>? describe, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the cancellation broke on its way (a request body half sent, a socket closed), the caller cancelled.
            throw new OperationCanceledException($"Cancelled while trying to {action}.", error, cancellationToken);
        }
        catch (ImageEditException)
        {
            throw; // The transport's own verdict (a redirect, a limit).
        }
        catch (ApiException error)
        {
            var status = (int)error.StatusCode;
            var detail = describe?.Invoke(error);
            var kind = error is ApiLimitExceededException ? ImageEditErrorKind.VendorError : detail?.Kind ?? ErrorMap.FromHttpStatus(status);
            var message = Scrubber.Scrub($"{Vendor} could not {action}: HTTP {status}{(detail?.Message is { Length: > 0 } text ? ": " + text : status is >= 200 and < 300 ? ": the answer could not be read" : "")}.");
            throw VendorErrors.Create(kind, Vendor, message, status, detail?.Code, error.BodyExcerpt, error.RetryAfter, error);
        }
        catch (CreateNotResentException error)
        {
            // A handler in the caller's HttpClient resent the create; the guard stopped it. What counts is the first send.
            var message = Scrubber.Scrub($"{Vendor} could not {action}: {error.Message}");
            throw error.InnerException is OperationCanceledException
                ? new ImageEditTimeoutException(Vendor, message, error)
                : new ImageEditVendorException(Vendor, message, error.FirstStatus, innerException: error);
        }
        catch (HttpRequestException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            throw new ImageEditConnectionRefusedException(Vendor, $"{Vendor} refused the connection while trying to {action}.", error);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            throw new ImageEditVendorException(Vendor, Scrubber.Scrub($"{Vendor} could not {action}: {error.Message}"), innerException: error);
        }
        catch (OperationCanceledException error)
        {
            // HttpClient.Timeout, or the facade's RequestTimeout, surfaces as a cancellation nobody asked for.
            throw new ImageEditTimeoutException(Vendor, $"{Vendor} did not answer in time while trying to {action}.", error);
        }
    }

    private HttpClient Client(RequestKind kind, HttpClient inner, QwenImageEditVendorOptions options, TimeProvider time)
        => new(new VendorHandler(Vendor, kind, inner, options, Scrubber, time), disposeHandler: true)
        {
            BaseAddress = inner.BaseAddress,
            // The handler keeps the deadline, over the body too.
            Timeout = Timeout.InfiniteTimeSpan,
        };
}

/// <summary>A vendor's error body as its adapter reads it: its code, its message, and the kind of failure the code means.</summary>
internal sealed record VendorError(string? Code, string? Message, ImageEditErrorKind? Kind = null);
