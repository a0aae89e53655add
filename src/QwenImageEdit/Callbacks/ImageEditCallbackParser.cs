using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenApiGen.Runtime;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// Reads the callbacks vendors POST when a task ends: from any vendor into <see cref="ImageEditCallback"/>, checking
/// signatures where the vendor signs (Apikley's HMAC of the task id when a key is set; fal.ai's Ed25519 against its key
/// set; Replicate's Standard Webhooks HMAC when its <c>whsec_</c> secret is set), recognising repeated deliveries, and
/// refusing bodies over <see cref="MaxBodyBytes"/>. A callback whose signature does not cover its body is a hint, not a
/// result: see <see cref="ImageEditCallback.IsBodyVerified"/>. fal.ai's key set is read over HTTP when it is not fixed,
/// so read fal.ai's callbacks with <see cref="ParseAsync"/>.
/// </summary>
/// <remarks>Thread-safe; keep one per application (DI registers a singleton).</remarks>
public sealed class ImageEditCallbackParser
{
    /// <summary>Apikley's header with the signing time.</summary>
    public const string TimestampHeader = "X-Webhook-Timestamp";

    /// <summary>Apikley's header with <c>base64(HMAC-SHA256(taskId + "." + timestamp, key))</c>.</summary>
    public const string SignatureHeader = "X-Webhook-Signature";

    // The latest time DateTimeOffset holds, in milliseconds since 1970: a timestamp past it is no time at all.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>fal.ai's headers: the request id, the user id, the signing time and the hex Ed25519 signature.</summary>
    public const string FalRequestIdHeader = "X-Fal-Webhook-Request-Id";

    /// <inheritdoc cref="FalRequestIdHeader"/>
    public const string FalUserIdHeader = "X-Fal-Webhook-User-Id";

    /// <inheritdoc cref="FalRequestIdHeader"/>
    public const string FalTimestampHeader = "X-Fal-Webhook-Timestamp";

    /// <inheritdoc cref="FalRequestIdHeader"/>
    public const string FalSignatureHeader = "X-Fal-Webhook-Signature";

    // The Standard Webhooks headers (Replicate).
    private const string StandardIdHeader = "webhook-id";
    private const string StandardTimestampHeader = "webhook-timestamp";
    private const string StandardSignatureHeader = "webhook-signature";

    private delegate VendorTaskState Reader(ReadOnlySpan<byte> body);

    /// <summary>Checks a callback's signature: null when it matches, otherwise why not.</summary>
    private delegate string? Verifier(ImageEditCallbackParser parser, VendorTaskState state, ReadOnlySpan<byte> body, IReadOnlyDictionary<string, string> headers, string key);

    /// <summary>How each vendor's callbacks are read and signed, as data.</summary>
    /// <param name="Read">Reads the body into a task state.</param>
    /// <param name="SignatureCoversBody">Whether the vendor's signature (when there is one) covers the whole body.</param>
    /// <param name="Verify">Checks the signature with the vendor's key; null for a vendor that does not sign.</param>
    private sealed record Scheme(Reader Read, bool SignatureCoversBody, Verifier? Verify);

    private static readonly Dictionary<ImageEditVendor, Scheme> Schemes = new()
    {
        [ImageEditVendor.EvoLink] = new(EvoLinkAdapter.ParseCallback, SignatureCoversBody: false, Verify: null),
        [ImageEditVendor.ModelsLab] = new(ModelsLabAdapter.ParseCallback, SignatureCoversBody: false, Verify: null),
        // Apikley signs taskId + "." + timestamp: the body is not covered.
        [ImageEditVendor.Apikley] = new(ApikleyAdapter.ParseCallback, SignatureCoversBody: false, Verify: static (parser, state, _, headers, key) => parser.VerifyApikley(state, headers, key)),
        // fal.ai signs the request id, the user id, the time and the body's SHA-256 with Ed25519, against its key set.
        [ImageEditVendor.Fal] = new(FalAdapter.ParseCallback, SignatureCoversBody: true, Verify: static (parser, state, body, headers, _) => parser.VerifyFal(state, body, headers)),
        // Replicate signs id.timestamp.body with HMAC-SHA256 (Standard Webhooks).
        [ImageEditVendor.Replicate] = new(ReplicateAdapter.ParseCallback, SignatureCoversBody: true, Verify: static (parser, _, body, headers, key) => parser.VerifyStandard(body, headers, key)),
    };

    private readonly IReadOnlyDictionary<ImageEditVendor, string> _signingKeys;
    private readonly FalWebhookKeys? _falKeys;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RecentKeys _seen = new(capacity: 4096);
    private readonly SecretScrubber _scrubber;

    /// <summary>Creates a parser.</summary>
    /// <param name="signingKeys">Per vendor, the key its callbacks are signed with; a vendor listed here must sign.</param>
    /// <param name="timeProvider">The clock signatures' timestamps are checked against.</param>
    /// <param name="logger">Where rejected callbacks are logged (without their bodies).</param>
    /// <param name="secrets">Keys that must not appear in anything a callback gives (DI passes every vendor's <c>ApiKey</c>); the signing keys are always among them.</param>
    /// <param name="falWebhookKeys">fal.ai's key set, which its callbacks must be signed by; null to take fal.ai's callbacks as unverified hints.</param>
    public ImageEditCallbackParser(IReadOnlyDictionary<ImageEditVendor, string>? signingKeys = null, TimeProvider? timeProvider = null, ILogger<ImageEditCallbackParser>? logger = null, IEnumerable<string?>? secrets = null, FalWebhookKeys? falWebhookKeys = null)
    {
        _signingKeys = signingKeys ?? new Dictionary<ImageEditVendor, string>();
        _falKeys = falWebhookKeys;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _scrubber = new SecretScrubber([.. _signingKeys.Values, .. secrets ?? []]);
    }

    /// <summary>How old a signed callback may be; older ones are replays.</summary>
    public TimeSpan MaxSignatureAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest callback body read, in bytes (default 1 MiB; the vendors' callbacks are a few KB). A larger one is refused.</summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Reads a callback from a request body stream: at most <see cref="MaxBodyBytes"/> are read, whatever the sender sends.</summary>
    /// <param name="vendor">The vendor the endpoint is for (give each vendor its own callback path).</param>
    /// <param name="body">The request body (ASP.NET Core's <c>HttpRequest.Body</c>); it is read, not disposed.</param>
    /// <param name="headers">The request headers (names compared case-insensitively).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="ImageEditCallbackException">The body is too large, not the vendor's callback, or its signature is missing or wrong.</exception>
    public async Task<ImageEditCallback> ParseAsync(ImageEditVendor vendor, Stream body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxBodyBytes + 1L - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw TooLarge(vendor);
            }
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (vendor == ImageEditVendor.Fal && _falKeys is { } keys)
        {
            // fal's key set is read when it is stale; a signature no cached key verifies reads it once more (rotation).
            await ReadKeysAsync(keys, refresh: false, cancellationToken).ConfigureAwait(false);
            try
            {
                return Parse(vendor, bytes.Span, headers);
            }
            catch (ImageEditCallbackException) when (keys.CanRefresh)
            {
                await ReadKeysAsync(keys, refresh: true, cancellationToken).ConfigureAwait(false);
            }
        }

        return Parse(vendor, bytes.Span, headers);
    }

    /// <summary>fal.ai's key set, read when it must be; a set that cannot be read refuses the callback (it cannot be verified).</summary>
    private async Task ReadKeysAsync(FalWebhookKeys keys, bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            await keys.GetAsync(refresh, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or FormatException or IOException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Reject(ImageEditVendor.Fal, $"fal.ai's key set could not be read, so its signature cannot be checked ({error.Message})", error);
        }
    }

    /// <summary>Reads a callback body and its headers.</summary>
    /// <param name="vendor">The vendor the endpoint is for (give each vendor its own callback path).</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers (names compared case-insensitively).</param>
    /// <exception cref="ImageEditCallbackException">The body is too large, not the vendor's callback, or its signature is missing or wrong.</exception>
    public ImageEditCallback Parse(ImageEditVendor vendor, ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        if (!Schemes.TryGetValue(vendor, out var scheme))
        {
            throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Unknown vendor.");
        }

        if (body.Length > MaxBodyBytes)
        {
            throw TooLarge(vendor);
        }

        VendorTaskState state;
        try
        {
            // Read from the body with every secret scrubbed, so no string the callback gives can hold one.
            var clean = _scrubber.IsEmpty ? null : _scrubber.ScrubJson(body.ToArray());
            var read = clean is { } json ? json.Span : body;
            state = scheme.Read(read) with { Usage = VendorExchange.ReadUsage(vendor, read) };
        }
        catch (Exception error) when (error is JsonException or ImageEditException)
        {
            throw Reject(vendor, $"the body is not a {vendor} callback ({error.Message})", error);
        }

        // A vendor with a key (or fal.ai with a key set) must sign: unsigned or badly signed callbacks are refused.
        var verified = false;
        var key = _signingKeys.TryGetValue(vendor, out var configured) ? configured : null;
        if (scheme.Verify is { } verify && (!string.IsNullOrEmpty(key) || (vendor == ImageEditVendor.Fal && _falKeys is not null)))
        {
            if (verify(this, state, body, Headers(vendor, headers), key ?? string.Empty) is { } problem)
            {
                throw Reject(vendor, problem);
            }

            verified = true;
        }

        var identity = string.Join("|", vendor, state.Id, state.RawStatus, string.Join(",", state.Results));
        return new ImageEditCallback(vendor, state, isDuplicate: !_seen.Add(identity), verified, verified && scheme.SignatureCoversBody);
    }

    private string? VerifyApikley(VendorTaskState state, IReadOnlyDictionary<string, string> headers, string key)
    {
        if (!headers.TryGetValue(TimestampHeader, out var timestamp) || !headers.TryGetValue(SignatureHeader, out var signature))
        {
            return "it is not signed";
        }

        return !SignatureMatches(key, state.Id, timestamp, signature) ? "its signature does not match"
            : !IsFresh(timestamp) ? "its signature is too old (a replay?), or its time is not a time"
            : null;
    }

    /// <summary>fal.ai: Ed25519 by one of its keys; the signed request id must be the body's, and the time within <see cref="MaxSignatureAge"/>.</summary>
    private string? VerifyFal(VendorTaskState state, ReadOnlySpan<byte> body, IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue(FalRequestIdHeader, out var requestId) || !headers.TryGetValue(FalUserIdHeader, out var userId)
            || !headers.TryGetValue(FalTimestampHeader, out var timestamp) || !headers.TryGetValue(FalSignatureHeader, out var signature))
        {
            return "it is not signed";
        }

        if (!string.Equals(requestId, state.Id, StringComparison.Ordinal))
        {
            return "its signature is for another request";
        }

        return !WebhookSignatures.FalMatches(_falKeys!.Cached, requestId, userId, timestamp, body, signature) ? "its signature does not match any of fal.ai's keys"
            : !WebhookSignatures.IsFresh(timestamp, _timeProvider.GetUtcNow(), MaxSignatureAge) ? "its signature is too old (a replay?), or its time is not a time"
            : null;
    }

    /// <summary>Standard Webhooks (Replicate): HMAC-SHA256 of <c>id.timestamp.body</c> with the <c>whsec_</c> secret.</summary>
    private string? VerifyStandard(ReadOnlySpan<byte> body, IReadOnlyDictionary<string, string> headers, string secret)
    {
        if (!headers.TryGetValue(StandardIdHeader, out var id) || !headers.TryGetValue(StandardTimestampHeader, out var timestamp) || !headers.TryGetValue(StandardSignatureHeader, out var signature))
        {
            return "it is not signed";
        }

        return !WebhookSignatures.StandardMatches(secret, id, timestamp, body, signature) ? "its signature does not match"
            : !WebhookSignatures.IsFresh(timestamp, _timeProvider.GetUtcNow(), MaxSignatureAge) ? "its signature is too old (a replay?), or its time is not a time"
            : null;
    }

    /// <summary>Apikley's signature: <c>base64(HMAC-SHA256(taskId + "." + timestamp, key))</c>, compared in fixed time.</summary>
    public static string Sign(string key, string taskId, string timestamp)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(taskId + "." + timestamp)));

    private static bool SignatureMatches(string key, string taskId, string timestamp, string signature)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(key, taskId, timestamp)), Encoding.UTF8.GetBytes(signature.Trim()));

    /// <summary>
    /// The headers by name, case-insensitively. The same name twice (differing in case, say) with different values is
    /// refused: which one the signature was meant for is not ours to guess.
    /// </summary>
    private Dictionary<string, string> Headers(ImageEditVendor vendor, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? [])
        {
            if (name is null)
            {
                continue;
            }

            if (byName.TryGetValue(name, out var seen) && !string.Equals(seen, value, StringComparison.Ordinal))
            {
                throw Reject(vendor, $"it has the header {name} twice, with different values");
            }

            byName[name] = value ?? string.Empty;
        }

        return byName;
    }

    private bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // Seconds, or milliseconds as the rest of Apikley's API uses; either way within the calendar.
        var milliseconds = value > 100_000_000_000 ? value : value <= MaxUnixMilliseconds / 1000 ? value * 1000 : long.MaxValue;
        if (milliseconds > MaxUnixMilliseconds)
        {
            return false;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return (_timeProvider.GetUtcNow() - at).Duration() <= MaxSignatureAge;
    }

    private ImageEditCallbackException TooLarge(ImageEditVendor vendor)
        => Reject(vendor, $"its body is larger than {MaxBodyBytes} bytes (MaxBodyBytes)");

    private ImageEditCallbackException Reject(ImageEditVendor vendor, string reason, Exception? inner = null)
    {
        reason = _scrubber.Scrub(reason);
        Log.CallbackRejected(_logger, vendor, reason);
        return new ImageEditCallbackException(vendor, $"Rejected a {vendor} callback: {reason}.", inner);
    }

    /// <summary>A bounded set of recent keys: enough to catch re-deliveries without growing forever.</summary>
    private sealed class RecentKeys(int capacity)
    {
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);
        private readonly Queue<string> _order = new();

        public bool Add(string key)
        {
            lock (_set)
            {
                if (!_set.Add(key))
                {
                    return false;
                }

                _order.Enqueue(key);
                if (_order.Count > capacity)
                {
                    _set.Remove(_order.Dequeue());
                }

                return true;
            }
        }
    }
}

/// <summary>A callback that was not accepted: too large, unreadable, unsigned or badly signed. Answer it with 400 or 401.</summary>
public sealed class ImageEditCallbackException(ImageEditVendor vendor, string message, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.InvalidRequest, vendor, message, innerException: innerException);
