using System.Net;
using System.Text;
using System.Text.Json;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>Asserts that no form of a key (raw, JSON-escaped, URL-escaped, base64) is in any of the strings given.</summary>
internal static class NoSecret
{
    public static void In(string key, params string?[] texts)
    {
        var forms = new[]
        {
            key,
            JsonEncodedText.Encode(key).Value,
            Uri.EscapeDataString(key),
            WebUtility.UrlEncode(key),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(key)),
        };
        foreach (var text in texts)
        {
            foreach (var form in forms)
            {
                Assert.False(text?.Contains(form, StringComparison.Ordinal) == true, $"A form of the key ({form}) is in: {text}");
            }
        }
    }

    /// <summary>An exception, its message, ToString and everything it carries, inner exceptions included.</summary>
    public static void In(string key, Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            In(key, e.Message, e.ToString());
            if (e is ImageEditException image)
            {
                In(key, image.ResponseExcerpt, image.VendorCode);
            }

            if (e is OpenApiGen.Runtime.ApiException api)
            {
                In(key, api.BodyExcerpt);
                In(key, api.Headers.SelectMany(static h => h.Value).ToArray());
            }
        }
    }
}
