using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace QwenImageEdit.Testing;

/// <summary>
/// The Ed25519 key the fake fal.ai signs its webhooks with, and the JSON Web Key Set that publishes its public half, as
/// fal's key set at <c>https://rest.alpha.fal.ai/.well-known/jwks.json</c> publishes fal's. <see cref="Test"/> is fixed,
/// so a test can verify signatures offline with <see cref="JwksJson"/>.
/// </summary>
public sealed class FalSigningKey
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    private FalSigningKey(byte[] seed, string keyId)
    {
        _privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        KeyId = keyId;
        PublicKey = _privateKey.GeneratePublicKey().GetEncoded();
    }

    /// <summary>A fixed key (its seed is public, so it proves nothing outside tests): the default of every fake fal.ai.</summary>
    public static FalSigningKey Test { get; } = new(SHA256.HashData("QwenImageEdit.Testing fal.ai webhook test key"u8), "fake-fal-test-key");

    /// <summary>The key's id in the key set (<c>kid</c>).</summary>
    public string KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>A key set holding this key alone: <c>{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": ..., "kid": ...}]}</c>.</summary>
    public string JwksJson => JsonText.Write(new JsonObject
    {
        ["keys"] = new JsonArray(new JsonObject
        {
            ["kty"] = "OKP",
            ["crv"] = "Ed25519",
            ["x"] = Base64Url(PublicKey),
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = "EdDSA",
        }),
    });

    /// <summary>A new random key, for a test that needs a key the facade does not know.</summary>
    /// <param name="keyId">Its id in the key set.</param>
    public static FalSigningKey Create(string keyId) => new(RandomNumberGenerator.GetBytes(32), keyId);

    /// <summary>
    /// fal's signature of a webhook delivery: Ed25519 over <c>request id \n user id \n timestamp \n hex(SHA-256(body))</c>,
    /// as lower-case hex.
    /// </summary>
    /// <param name="requestId">The <c>X-Fal-Webhook-Request-Id</c> header.</param>
    /// <param name="userId">The <c>X-Fal-Webhook-User-Id</c> header.</param>
    /// <param name="timestamp">The <c>X-Fal-Webhook-Timestamp</c> header (Unix seconds).</param>
    /// <param name="body">The raw body.</param>
    public string Sign(string requestId, string userId, string timestamp, ReadOnlySpan<byte> body)
    {
        var message = Encoding.UTF8.GetBytes(string.Join('\n', requestId, userId, timestamp, Convert.ToHexStringLower(SHA256.HashData(body))));
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Ed25519 {KeyId}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
