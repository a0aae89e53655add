using System;

namespace QwenImageEdit.Vendors;

/// <summary>
/// A result image the vendor sent inside its answer, as a <c>data:</c> URI (fal.ai's <c>sync_mode</c>), decoded. It is
/// taken only as what it claims to be: <c>data:{image/png|image/jpeg|image/webp};base64,</c>, at most
/// <see cref="ResultDownloadOptions.MaxImageBytes"/> once decoded (checked on its length, before decoding), valid base64,
/// and bytes that begin as that format does. A URI of such a size does not fit <see cref="Uri"/> (65,519 characters at
/// most), so it stays text until it is decoded here.
/// </summary>
internal sealed record InlineImage(ReadOnlyMemory<byte> Bytes, string MediaType)
{
    private const string Prefix = "data:";

    /// <summary>Whether a result the vendor gave as text is a data URI (and so decoded here, not fetched).</summary>
    public static bool IsDataUri(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Decodes a result's data URI.</summary>
    /// <exception cref="ImageEditVendorException">It is not a base64 data URI of a PNG, JPEG or WebP image, or its bytes are not the image it names.</exception>
    /// <exception cref="ImageEditLimitExceededException">It decodes to more than <paramref name="maxBytes"/>.</exception>
    public static InlineImage Decode(ImageEditVendor vendor, string text, long maxBytes, string source)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var header = comma < 0 ? text[Prefix.Length..Math.Min(text.Length, 64)] : text[Prefix.Length..comma];
        if (comma < 0 || header.Length > 100)
        {
            throw Refused(vendor, source, $"'{Shorten(text)}' is not a data URI");
        }

        var parts = header.Split(';');
        var mediaType = parts[0].Trim().ToLowerInvariant();
        if (parts.Length != 2 || !parts[1].Trim().Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused(vendor, source, $"the data URI '{Shorten(header)}' is not base64 (';base64,' is the only encoding taken)");
        }

        if (mediaType is not ("image/png" or "image/jpeg" or "image/webp"))
        {
            throw Refused(vendor, source, $"the data URI's media type '{Shorten(mediaType)}' is not an image the facade takes (image/png, image/jpeg, image/webp)");
        }

        var payload = text.AsSpan(comma + 1);
        var decodedLength = (long)payload.Length / 4 * 3;
        if (decodedLength > maxBytes + 2)
        {
            throw new ImageEditLimitExceededException(vendor, nameof(ResultDownloadOptions.MaxImageBytes), maxBytes, $"{vendor}'s {source} gives an inline image of about {decodedLength} bytes, over the {maxBytes}-byte limit (ResultDownloadOptions.MaxImageBytes); it was not decoded.");
        }

        var bytes = new byte[decodedLength];
        if (!Convert.TryFromBase64Chars(payload, bytes, out var written) || written == 0)
        {
            throw Refused(vendor, source, $"the {mediaType} data URI is not valid base64");
        }

        if (written > maxBytes)
        {
            throw new ImageEditLimitExceededException(vendor, nameof(ResultDownloadOptions.MaxImageBytes), maxBytes, $"{vendor}'s {source} gives an inline image of {written} bytes, over the {maxBytes}-byte limit (ResultDownloadOptions.MaxImageBytes).");
        }

        var image = bytes.AsMemory(0, written);
        if (!Begins(image.Span, mediaType))
        {
            throw Refused(vendor, source, $"the data URI says {mediaType}, but its bytes are not one");
        }

        return new InlineImage(image, mediaType);
    }

    /// <summary>Whether the bytes begin as the format's files do (its signature).</summary>
    private static bool Begins(ReadOnlySpan<byte> bytes, string mediaType) => mediaType switch
    {
        "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/webp" => bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        _ => false,
    };

    private static ImageEditVendorException Refused(ImageEditVendor vendor, string source, string why)
        => new(vendor, $"{vendor}'s {source} gives an inline result image the facade does not take: {why}.", 200);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
