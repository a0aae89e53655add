using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;

namespace QwenImageEdit.Vendors;

/// <summary>
/// What every request to a vendor goes through, between the generated client and the caller's HttpClient:
/// <list type="bullet">
/// <item>a deadline from sending to the last byte of the answer (<see cref="QwenImageEditVendorOptions.RequestTimeout"/>,
/// or the HttpClient's shorter <c>Timeout</c>), where HttpClient's own stops at the headers;</item>
/// <item>the answer read here, in bounded memory (<see cref="ImageEditLimits"/>), and handed on with every secret
/// scrubbed from its headers and body, so nothing downstream (models, messages, excerpts, logs) can hold one;</item>
/// <item>redirects by the request's <see cref="RequestKind"/>: none on a create, same-origin only for polls and uploads,
/// whether the redirect reaches this handler or the caller's HttpClient followed it already.</item>
/// </list>
/// </summary>
/// <remarks>
/// A status stream (<see cref="RequestKind.Stream"/>) that answers with an event stream is the one answer not read
/// whole: the deadline holds until its headers, and its body is handed on as a <see cref="ScrubbedEventStream"/>, which
/// scrubs each event whole and bounds each event, the stream and the silence between reads.
/// </remarks>
internal sealed class VendorHandler(ImageEditVendor vendor, RequestKind kind, HttpClient inner, QwenImageEditVendorOptions options, SecretScrubber scrubber, TimeProvider time) : HttpMessageHandler
{
    /// <summary>How many same-origin redirects a poll or an upload follows.</summary>
    public const int MaxRedirects = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The shorter of the two; an HttpClient without a timeout (Infinite) does not lift the facade's.
        var timeout = inner.Timeout > TimeSpan.Zero && inner.Timeout < options.RequestTimeout ? inner.Timeout : options.RequestTimeout;
        using var deadline = ResponseBody.Deadline(timeout, cancellationToken);
        try
        {
            var origin = request.RequestUri!;
            var target = origin;
            for (var redirects = 0; ; redirects++)
            {
                var sent = Copy(request, target);
                if (kind == RequestKind.Create)
                {
                    // The mark CreateGuardHandler, innermost in the caller's HttpClient, knows this create by: whatever
                    // sits between here and there cannot send it twice while the vendor may have taken it.
                    sent.Options.Set(CreateTicket.Key, new CreateTicket());
                }

                HttpResponseMessage response;
                try
                {
                    response = await inner.SendAsync(sent, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (sent.RequestUri != target && !cancellationToken.IsCancellationRequested)
                {
                    // The caller's HttpClient followed a redirect and failed there: that says nothing about the vendor
                    // (a refused connection there is no proof the vendor did not take a create).
                    throw Redirected(target, sent.RequestUri, null, "and the HttpClient followed it, then failed there", error);
                }

                // The caller's HttpClient may follow redirects itself (HttpClientHandler does by default).
                if (response.RequestMessage?.RequestUri is { } final && final != target && (kind == RequestKind.Create || !SameOrigin(origin, final)))
                {
                    response.Dispose();
                    throw Redirected(target, final, null, "and the HttpClient followed it");
                }

                if ((int)response.StatusCode is >= 300 and < 400 and not 304)
                {
                    var status = (int)response.StatusCode;
                    var location = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
                    response.Dispose();
                    var next = location is not null && Uri.TryCreate(target, location, out var resolved) ? resolved : null;
                    if (kind == RequestKind.Create || next is null || !SameOrigin(origin, next) || redirects >= MaxRedirects
                        || (request.Method != HttpMethod.Get && status is not (307 or 308)))
                    {
                        throw Redirected(target, next, status, location is null ? "without a Location" : next is null ? $"to '{scrubber.Scrub(location)}', which is not a URL" : redirects >= MaxRedirects ? $"more than {MaxRedirects} times" : null);
                    }

                    target = next;
                    continue;
                }

                if (kind == RequestKind.Stream && response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType is "text/event-stream")
                {
                    return await StreamAsync(request, response, deadline.Token).ConfigureAwait(false);
                }

                return await ReadAsync(request, response, deadline.Token, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException error) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"{vendor} did not answer within {timeout}.", new TimeoutException($"{vendor} did not answer within {timeout}.", error));
        }
    }

    /// <summary>Reads the answer within its limit and deadline, and hands on a copy with every secret removed.</summary>
    private async Task<HttpResponseMessage> ReadAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken deadline, CancellationToken cancellationToken)
    {
        using (response)
        {
            var success = response.IsSuccessStatusCode;
            long limit = success ? options.Limits.MaxJsonResponseBytes : options.Limits.MaxErrorResponseBytes;
            var limitName = success ? nameof(ImageEditLimits.MaxJsonResponseBytes) : nameof(ImageEditLimits.MaxErrorResponseBytes);
            if (success && ResponseBody.IsDeclaredLongerThan(response.Content, limit))
            {
                throw TooLarge(response, limitName, limit);
            }

            BoundedBody body;
            try
            {
                body = await ResponseBody.ReadAsync(response.Content, limit, deadline, cancellationToken, keepWhatArrived: !success).ConfigureAwait(false);
            }
            catch (IOException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The connection was lost before the {(int)response.StatusCode} answer ended ({error.Message}).", error);
            }

            if (success && (body.IsCut || body.IsLate))
            {
                deadline.ThrowIfCancellationRequested();
                throw TooLarge(response, limitName, limit);
            }

            var scrubbed = Scrub(body.Bytes, response.Content.Headers.ContentType);
            var copy = new HttpResponseMessage(response.StatusCode)
            {
                ReasonPhrase = scrubber.Scrub(response.ReasonPhrase),
                Version = response.Version,
                RequestMessage = request,
                Content = new ReadOnlyMemoryContent(scrubbed),
            };
            Copy(response, copy);

            // The request id and usage the answer carries, for the step that asked (scrubbed like everything else).
            VendorExchange.Current?.Record(vendor, copy, scrubbed);
            return copy;
        }
    }

    /// <summary>
    /// An event stream handed on as it arrives: the headers scrubbed, the body a <see cref="ScrubbedEventStream"/> that
    /// owns the response. The request's deadline ends here; the stream's own bounds take over.
    /// </summary>
    private async Task<HttpResponseMessage> StreamAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken deadline)
    {
        Stream body;
        try
        {
            body = await response.Content.ReadAsStreamAsync(deadline).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var longestSecret = Math.Max(options.ApiKey?.Length ?? 0, options.WebhookSigningKey?.Length ?? 0);
        var events = new ScrubbedEventStream(vendor, body, response, scrubber, longestSecret, options.Limits, options.StatusStreamIdleTimeout, time);
        var copy = new HttpResponseMessage(response.StatusCode)
        {
            ReasonPhrase = scrubber.Scrub(response.ReasonPhrase),
            Version = response.Version,
            RequestMessage = request,
            Content = new StreamContent(events),
        };
        Copy(response, copy);
        VendorExchange.Current?.Record(vendor, copy, ReadOnlyMemory<byte>.Empty);
        return copy;
    }

    /// <summary>The answer's headers, scrubbed, but those that described the body as it came (its length, its transfer coding).</summary>
    private void Copy(HttpResponseMessage response, HttpResponseMessage copy)
    {
        foreach (var (name, values) in response.Headers)
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(name, values.Select(scrubber.Scrub));
            }
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values.Select(scrubber.Scrub));
            }
        }
    }

    /// <summary>JSON with every string unescaped and scrubbed; anything else scrubbed as text.</summary>
    private ReadOnlyMemory<byte> Scrub(ReadOnlyMemory<byte> body, MediaTypeHeaderValue? contentType)
    {
        if (scrubber.IsEmpty || body.IsEmpty)
        {
            return body;
        }

        if (scrubber.ScrubJson(body) is { } json)
        {
            return json;
        }

        // Not JSON (an HTML error page, a body cut at its limit): text, scrubbed as text.
        var text = Encoding.UTF8.GetString(body.Span);
        var scrubbed = scrubber.Scrub(text);
        return ReferenceEquals(text, scrubbed) ? body : Encoding.UTF8.GetBytes(scrubbed);
    }

    private ImageEditLimitExceededException TooLarge(HttpResponseMessage response, string limitName, long limit)
        => new(vendor, limitName, limit, $"{vendor}'s {(int)response.StatusCode} answer is longer than the {limit}-byte limit (ImageEditLimits.{limitName}); it was not read further.");

    private ImageEditRedirectException Redirected(Uri from, Uri? to, int? status, string? detail, Exception? inner = null)
    {
        var where = to is null || !to.IsAbsoluteUri ? null : new Uri(ResultDownloader.Describe(to));
        var what = kind switch
        {
            RequestKind.Create => "the create",
            RequestKind.Upload => "an upload",
            _ => "a task read",
        };
        var rule = kind == RequestKind.Create
            ? "a create is never redirected (it is not sent again: the task may exist)"
            : "polls and uploads follow redirects only within " + from.GetLeftPart(UriPartial.Authority);
        var message = $"{vendor} redirected {what}{(status is null ? "" : $" (HTTP {status})")}{(where is null ? "" : $" to {scrubber.Scrub(where.ToString())}")}{(detail is null ? "" : " " + detail)}: {rule}.";
        return new ImageEditRedirectException(vendor, message, where, status, inner);
    }

    private static bool SameOrigin(Uri a, Uri b)
        => a.IsAbsoluteUri && b.IsAbsoluteUri
           && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
           && a.Port == b.Port;

    /// <summary>The request again, to <paramref name="target"/>: an HttpClient sends a message only once, and this one goes on to the caller's.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage request, Uri target)
    {
        var copy = new HttpRequestMessage(request.Method, target)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, value) in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[name] = value;
        }

        return copy;
    }
}
