namespace QwenImageEdit.Testing;

/// <summary>Decoding uploads the way the vendors do: Base64 or a data URL, and the image type told by its first bytes.</summary>
internal static class UploadedContent
{
    /// <summary>Decodes pure Base64 or a <c>data:...;base64,</c> URL; false when it is neither.</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        var comma = text.StartsWith("data:", StringComparison.Ordinal) ? text.IndexOf(',', StringComparison.Ordinal) : -1;
        var payload = comma >= 0 ? text[(comma + 1)..] : text;
        bytes = [];
        if (payload.Length == 0)
        {
            return false;
        }

        var buffer = new byte[payload.Length];
        if (!Convert.TryFromBase64String(payload, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    /// <summary>image/png, image/jpeg, image/gif or image/webp (the types the vendors accept) by magic number; null otherwise.</summary>
    public static string? SniffImageType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            return "image/gif";
        }

        return bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }

    public static string Extension(string mimeType) => mimeType switch
    {
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => ".png",
    };
}
