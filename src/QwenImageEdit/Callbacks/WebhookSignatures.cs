using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace QwenImageEdit;

/// <summary>
/// The signature schemes whose signatures cover the callback's body, checked in fixed time where a secret is compared:
/// fal.ai's Ed25519 and Replicate's Standard Webhooks HMAC. A callback signed so is proof of what it reports.
/// </summary>
internal static class WebhookSignatures
{
    /// <summary>
    /// fal.ai: Ed25519 over <c>request id \n user id \n timestamp \n hex(SHA-256(body))</c>, the signature in hex, by any of
    /// the key set's keys.
    /// </summary>
    public static bool FalMatches(IEnumerable<byte[]> publicKeys, string requestId, string userId, string timestamp, ReadOnlySpan<byte> body, string signatureHex)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        if (signature.Length != 64)
        {
            return false;
        }

        var message = Encoding.UTF8.GetBytes(string.Join('\n', requestId, userId, timestamp, Convert.ToHexStringLower(SHA256.HashData(body))));
        foreach (var key in publicKeys)
        {
            var verifier = new Ed25519Signer();
            verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(key, 0));
            verifier.BlockUpdate(message, 0, message.Length);
            if (verifier.VerifySignature(signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Standard Webhooks (Replicate): <c>webhook-signature</c> holds space-separated <c>v1,base64(HMAC-SHA256(secret,
    /// id.timestamp.body))</c>; any one that matches will do (secrets rotate). The secret is the base64 after <c>whsec_</c>.
    /// </summary>
    /// <remarks>
    /// Written here on the BCL's HMAC rather than with the StandardWebhooks package (1.1.2, served), which was weighed
    /// for this: it needs the ASP.NET Core shared framework (<c>FrameworkReference Microsoft.AspNetCore.App</c>), which a
    /// client library must not impose on console, desktop or mobile apps; it verifies only an ASP.NET
    /// <c>IHeaderDictionary</c>; it checks the time against <c>DateTimeOffset.UtcNow</c> with a fixed five minutes, so
    /// neither <see cref="ImageEditCallbackParser.MaxSignatureAge"/> nor a <see cref="TimeProvider"/> could hold; and it
    /// takes the body as a string, signing its UTF-8 re-encoding rather than the bytes received. What is left to write
    /// is this method: one HMAC and a fixed-time comparison per candidate signature.
    /// </remarks>
    public static bool StandardMatches(string secret, string messageId, string timestamp, ReadOnlySpan<byte> body, string signatures)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        }
        catch (FormatException)
        {
            return false;
        }

        var prefix = Encoding.UTF8.GetBytes(messageId + "." + timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(key, signed);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || candidate[..comma] != "v1")
            {
                continue;
            }

            var given = new byte[32];
            if (Convert.TryFromBase64String(candidate[(comma + 1)..], given, out var written) && written == 32 && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Unix seconds within <paramref name="tolerance"/> of now; anything else (a date in 9999, text) is not fresh.</summary>
    public static bool IsFresh(string timestamp, DateTimeOffset now, TimeSpan tolerance)
        => long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
           && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
           && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance;
}
