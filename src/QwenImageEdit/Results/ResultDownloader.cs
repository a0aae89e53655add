using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit;

/// <summary>
/// Fetches result images over a transport of the facade's own, never the vendor's HttpClient: redirects are followed
/// here, one at a time, each checked (HTTPS, or plain HTTP to an allowed network), and the address each connection
/// really goes to is checked in <see cref="SocketsHttpHandler.ConnectCallback"/>, after DNS, so a name that resolves
/// (or re-resolves) to an inside address is refused. Bodies are bounded by size and time.
/// </summary>
internal sealed class ResultDownloader
{
    // One transport per policy, kept for the process like a static HttpClient: clients are cheap and often transient.
    private static readonly ConcurrentDictionary<string, ResultDownloader> Shared = new(StringComparer.Ordinal);

    private static readonly HttpRequestOptionsKey<bool> PlainHttp = new("QwenImageEdit.PlainHttp");

    private readonly HttpClient _http;
    private readonly IPNetwork[] _allowed;
    private readonly ResultDownloadOptions _options;

    private ResultDownloader(ResultDownloadOptions options)
    {
        _options = options;
        _allowed = options.AllowedNetworks.ToArray();
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(options.Handler ?? handler, disposeHandler: options.Handler is null)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public long MaxImageBytes => _options.MaxImageBytes;

    public static ResultDownloader For(ResultDownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Handler is not null || options.Resolve is not null || options.Dial is not null)
        {
            return new ResultDownloader(options);
        }

        var key = string.Join(",", options.AllowedNetworks.Select(static n => n.ToString()).Order(StringComparer.Ordinal))
                  + $"|{options.MaxImageBytes}|{options.MaxRedirects}|{options.Timeout.Ticks}";
        return Shared.GetOrAdd(key, static (_, options) => new ResultDownloader(options), options);
    }

    /// <summary>Copies the image at <paramref name="uri"/> into <paramref name="destination"/>, at most <see cref="MaxImageBytes"/>, and returns its size.</summary>
    public async Task<long> CopyToAsync(ImageEditVendor? vendor, Uri uri, Stream destination, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var response = await GetAsync(vendor, uri, deadline.Token).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength is { } length && length > MaxImageBytes)
            {
                throw TooLarge(vendor, uri);
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > MaxImageBytes)
                    {
                        throw TooLarge(vendor, uri);
                    }

                    await destination.WriteAsync(buffer.AsMemory(0, read), deadline.Token).ConfigureAwait(false);
                }

                return total;
            }
        }
        catch (OperationCanceledException error) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ImageEditException(ImageEditErrorKind.Timeout, vendor, $"The result image did not arrive within {_options.Timeout} (ResultDownloadOptions.Timeout).", innerException: error);
        }
        catch (Exception error) when (error is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            for (var inner = error; inner is not null; inner = inner.InnerException)
            {
                if (inner is AddressRefusedException refused)
                {
                    throw new ImageEditResultRefusedException(vendor, uri, refused.Message, error);
                }
            }

            throw new ImageEditException(ImageEditErrorKind.VendorError, vendor, $"The result image could not be downloaded: {error.Message}", innerException: error);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(ImageEditVendor? vendor, Uri uri, CancellationToken cancellationToken)
    {
        var current = uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Check(vendor, uri, current));
            request.Options.Set(PlainHttp, current.Scheme == Uri.UriSchemeHttp);
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (redirects >= _options.MaxRedirects)
                {
                    throw new ImageEditResultRefusedException(vendor, uri, $"it redirected more than {_options.MaxRedirects} times (ResultDownloadOptions.MaxRedirects)");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            response.Dispose();
            throw new ImageEditException(
                status is 404 or 410 ? ImageEditErrorKind.InvalidRequest : ImageEditErrorKind.VendorError,
                vendor,
                status is 404 or 410
                    ? $"The result image is gone (HTTP {status}); vendors delete results after a while."
                    : $"The result image could not be downloaded: HTTP {status}.",
                status);
        }
    }

    /// <summary>The checks a URL can get before any connection: absolute, HTTPS (HTTP only to an allowed address), no credentials.</summary>
    private Uri Check(ImageEditVendor? vendor, Uri result, Uri url)
    {
        var where = ReferenceEquals(result, url) ? "" : $" (redirected to {Describe(url)})";
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ImageEditResultRefusedException(vendor, result, $"result images are downloaded over HTTPS only{where}");
        }

        if (url.UserInfo.Length > 0)
        {
            throw new ImageEditResultRefusedException(vendor, result, $"the URL carries credentials{where}");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !(IPAddress.TryParse(url.IdnHost, out var address) && AddressRules.IsAllowed(address, _allowed)))
        {
            throw new ImageEditResultRefusedException(vendor, result, $"result images are downloaded over HTTPS only{where}; plain HTTP goes only to ResultDownloadOptions.AllowedNetworks");
        }

        return url;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var plain = context.InitialRequestMessage.Options.TryGetValue(PlainHttp, out var isPlain) && isPlain;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await (_options.Resolve ?? Dns.GetHostAddressesAsync)(host, cancellationToken).ConfigureAwait(false);

        // Only addresses the rules allow are tried: a name that resolves to a public and an inside address reaches the public one only.
        var usable = addresses.Where(a => AddressRules.IsAllowed(a, _allowed) || (!plain && AddressRules.IsPublic(a))).ToArray();
        if (usable.Length == 0)
        {
            throw new AddressRefusedException(
                $"{host} is {(addresses.Length == 0 ? "not resolvable" : string.Join(", ", addresses.Select(static a => a.ToString())))}, "
                + (plain ? "and plain HTTP goes only to ResultDownloadOptions.AllowedNetworks" : "not a public address (private, loopback, link-local and metadata addresses are refused unless ResultDownloadOptions.AllowedNetworks lists them)"));
        }

        Exception? last = null;
        foreach (var address in usable)
        {
            var endpoint = new IPEndPoint(address, context.DnsEndPoint.Port);
            try
            {
                return await (_options.Dial ?? DialAsync)(endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException error)
            {
                last = error;
            }
        }

        throw last!;
    }

    private static async ValueTask<Stream> DialAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private ImageEditLimitExceededException TooLarge(ImageEditVendor? vendor, Uri uri)
        => new(vendor, nameof(ResultDownloadOptions.MaxImageBytes), MaxImageBytes, $"The result image at {Describe(uri)} is larger than the {MaxImageBytes}-byte limit (ResultDownloadOptions.MaxImageBytes); it was not read further.");

    /// <summary>A URL for a message: without its credentials, query or fragment (signed URLs carry tokens there).</summary>
    internal static string Describe(Uri url) => url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : url.OriginalString;

    /// <summary>What the connect callback throws for an address the rules refuse; SocketsHttpHandler wraps it in an HttpRequestException.</summary>
    private sealed class AddressRefusedException(string message) : IOException(message);
}
