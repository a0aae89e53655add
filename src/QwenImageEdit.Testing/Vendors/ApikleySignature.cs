using System.Security.Cryptography;
using System.Text;

namespace QwenImageEdit.Testing;

/// <summary>Apikley's callback signature: base64(HMAC-SHA256(taskId + "." + timestamp, key)).</summary>
internal static class ApikleySignature
{
    public static string Compute(string taskId, string timestamp, string key)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(taskId + "." + timestamp)));
}
