using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit;

/// <summary>
/// The public keys fal.ai signs its webhooks with: a JSON Web Key Set (Ed25519 keys, <c>kty: OKP</c>), read from
/// <see cref="DefaultAddress"/> and kept for <see cref="CacheDuration"/>. A signature no cached key verifies makes it read
/// the set again (fal may have rotated its keys), at most once a <see cref="MinRefreshInterval"/>, so forged
/// callbacks cannot make the application hammer fal. <see cref="FromJson"/> gives a fixed set, for tests and for
/// applications that pin the keys.
/// </summary>
/// <remarks>Thread-safe; keep one per application.</remarks>
public sealed class FalWebhookKeys
{
    private const int MaxKeySetBytes = 64 * 1024;

    private readonly HttpClient? _httpClient;
    private readonly Uri _address;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IReadOnlyList<byte[]> _keys;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>A key set read from <paramref name="address"/> (fal's own by default) through <paramref name="httpClient"/>.</summary>
    public FalWebhookKeys(HttpClient httpClient, Uri? address = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _address = address ?? DefaultAddress;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _keys = [];
    }

    private FalWebhookKeys(IReadOnlyList<byte[]> keys)
    {
        _address = DefaultAddress;
        _timeProvider = TimeProvider.System;
        _keys = keys;
    }

    /// <summary>Where fal publishes its webhook keys.</summary>
    public static Uri DefaultAddress { get; } = new("https://rest.alpha.fal.ai/.well-known/jwks.json");

    /// <summary>How long a key set read from fal is trusted before it is read again.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The least time between two reads that a failed verification asks for.</summary>
    public TimeSpan MinRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A fixed key set (a JWKS document's text), never read again: for tests and for pinned keys.</summary>
    /// <exception cref="FormatException">The text is not a key set with at least one Ed25519 key.</exception>
    public static FalWebhookKeys FromJson(string jwks)
    {
        ArgumentNullException.ThrowIfNull(jwks);
        return new FalWebhookKeys(Parse(jwks));
    }

    /// <summary>The keys read last (or given); empty before the first read.</summary>
    internal IReadOnlyList<byte[]> Cached => _keys;

    /// <summary>Whether the set can be read again (false for a fixed set).</summary>
    internal bool CanRefresh => _httpClient is not null;

    /// <summary>The keys to verify with: the cached ones, or the set read again when it is stale or <paramref name="refresh"/> asks and may.</summary>
    internal async ValueTask<IReadOnlyList<byte[]>> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_httpClient is null)
        {
            return _keys;
        }

        var now = _timeProvider.GetUtcNow();
        var stale = now - _readAt >= CacheDuration;
        if (!stale && !(refresh && now - _readAt >= MinRefreshInterval))
        {
            return _keys;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have read it meanwhile.
            if (_timeProvider.GetUtcNow() - _readAt < MinRefreshInterval)
            {
                return _keys;
            }

            using var response = await _httpClient.GetAsync(_address, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();

            // A key set is a few hundred bytes; whatever answers in its place is read no further than this.
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxKeySetBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            _keys = length > MaxKeySetBytes
                ? throw new FormatException($"fal.ai's key set at {_address} is larger than {MaxKeySetBytes} bytes.")
                : Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
            _readAt = _timeProvider.GetUtcNow();
            return _keys;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The Ed25519 public keys (<c>kty: OKP</c>, <c>crv: Ed25519</c>, <c>x</c> base64url) of a JWKS document.</summary>
    internal static IReadOnlyList<byte[]> Parse(string jwks)
    {
        try
        {
            using var document = JsonDocument.Parse(jwks);
            var keys = document.RootElement.GetProperty("keys").EnumerateArray()
                .Where(static k => k.TryGetProperty("kty", out var kty) && kty.ValueEquals("OKP") && k.TryGetProperty("crv", out var crv) && crv.ValueEquals("Ed25519"))
                .Select(static k => Base64Url(k.GetProperty("x").GetString() ?? string.Empty))
                .Where(static k => k.Length == 32)
                .ToArray();
            return keys.Length > 0 ? keys : throw new FormatException("The key set holds no Ed25519 key.");
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The text is not a JSON Web Key Set.", error);
        }
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        return Convert.TryFromBase64String(padded, new byte[padded.Length], out _) ? Convert.FromBase64String(padded) : [];
    }
}
