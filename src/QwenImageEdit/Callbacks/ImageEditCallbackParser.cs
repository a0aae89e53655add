using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// Reads the callbacks vendors POST when a task ends: from any vendor into <see cref="ImageEditCallback"/>, checking
/// Apikley's HMAC signature when a key is set, and recognising repeated deliveries.
/// </summary>
/// <remarks>Thread-safe; keep one per application (DI registers a singleton).</remarks>
public sealed class ImageEditCallbackParser
{
    /// <summary>Apikley's header with the signing time.</summary>
    public const string TimestampHeader = "X-Webhook-Timestamp";

    /// <summary>Apikley's header with <c>base64(HMAC-SHA256(taskId + "." + timestamp, key))</c>.</summary>
    public const string SignatureHeader = "X-Webhook-Signature";

    private delegate VendorTaskState Reader(ReadOnlySpan<byte> body);

    private static readonly Dictionary<ImageEditVendor, Reader> Readers = new()
    {
        [ImageEditVendor.EvoLink] = EvoLinkAdapter.ParseCallback,
        [ImageEditVendor.ModelsLab] = ModelsLabAdapter.ParseCallback,
        [ImageEditVendor.Apikley] = ApikleyAdapter.ParseCallback,
    };

    private readonly IReadOnlyDictionary<ImageEditVendor, string> _signingKeys;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RecentKeys _seen = new(capacity: 4096);

    /// <summary>Creates a parser.</summary>
    /// <param name="signingKeys">Per vendor, the key its callbacks are signed with; a vendor listed here must sign.</param>
    /// <param name="timeProvider">The clock signatures' timestamps are checked against.</param>
    /// <param name="logger">Where rejected callbacks are logged (without their bodies).</param>
    public ImageEditCallbackParser(IReadOnlyDictionary<ImageEditVendor, string>? signingKeys = null, TimeProvider? timeProvider = null, ILogger<ImageEditCallbackParser>? logger = null)
    {
        _signingKeys = signingKeys ?? new Dictionary<ImageEditVendor, string>();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How old a signed callback may be; older ones are replays.</summary>
    public TimeSpan MaxSignatureAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Reads a callback body and its headers.</summary>
    /// <param name="vendor">The vendor the endpoint is for (give each vendor its own callback path).</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers (names compared case-insensitively).</param>
    /// <exception cref="ImageEditCallbackException">The body is not the vendor's callback, or its signature is missing or wrong.</exception>
    public ImageEditCallback Parse(ImageEditVendor vendor, ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        VendorTaskState state;
        try
        {
            state = Readers[vendor](body);
        }
        catch (Exception error) when (error is JsonException or ImageEditException)
        {
            throw Reject(vendor, $"the body is not a {vendor} callback ({error.Message})", error);
        }

        var verified = false;
        if (_signingKeys.TryGetValue(vendor, out var key) && !string.IsNullOrEmpty(key))
        {
            var header = (headers ?? []).ToDictionary(static h => h.Key, static h => h.Value, StringComparer.OrdinalIgnoreCase);
            if (!header.TryGetValue(TimestampHeader, out var timestamp) || !header.TryGetValue(SignatureHeader, out var signature))
            {
                throw Reject(vendor, "it is not signed");
            }

            if (!SignatureMatches(key, state.Id, timestamp, signature))
            {
                throw Reject(vendor, "its signature does not match");
            }

            if (!IsFresh(timestamp))
            {
                throw Reject(vendor, "its signature is too old (a replay?)");
            }

            verified = true;
        }

        var identity = string.Join("|", vendor, state.Id, state.RawStatus, string.Join(",", state.Results));
        return new ImageEditCallback(vendor, state, isDuplicate: !_seen.Add(identity), verified);
    }

    /// <summary>Apikley's signature: <c>base64(HMAC-SHA256(taskId + "." + timestamp, key))</c>, compared in fixed time.</summary>
    public static string Sign(string key, string taskId, string timestamp)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(taskId + "." + timestamp)));

    private static bool SignatureMatches(string key, string taskId, string timestamp, string signature)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(key, taskId, timestamp)), Encoding.UTF8.GetBytes(signature.Trim()));

    private bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // Seconds, or milliseconds as the rest of Apikley's API uses.
        var at = value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        return (_timeProvider.GetUtcNow() - at).Duration() <= MaxSignatureAge;
    }

    private ImageEditCallbackException Reject(ImageEditVendor vendor, string reason, Exception? inner = null)
    {
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

/// <summary>A callback that was not accepted: unreadable, unsigned or badly signed. Answer it with 400 or 401.</summary>
public sealed class ImageEditCallbackException(ImageEditVendor vendor, string message, Exception? innerException = null)
    : ImageEditException(ImageEditErrorKind.InvalidRequest, vendor, message, innerException: innerException);
