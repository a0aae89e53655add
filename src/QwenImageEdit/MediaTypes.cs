using System;
using System.IO;

namespace QwenImageEdit;

/// <summary>Image media types by file extension: the few the vendors take.</summary>
internal static class MediaTypes
{
    public static string? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".bmp" => "image/bmp",
        ".tif" or ".tiff" => "image/tiff",
        _ => null,
    };

    public static string FromUrl(Uri url, string fallback) => FromFileName(url.AbsolutePath) ?? fallback;

    public static string Extension(string mediaType) => mediaType switch
    {
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "image/bmp" => ".bmp",
        "image/tiff" => ".tiff",
        _ => ".png",
    };

    /// <summary>Apikley names formats rather than media types.</summary>
    public static string ShortName(string mediaType) => mediaType switch
    {
        "image/jpeg" => "jpeg",
        _ => mediaType.StartsWith("image/", StringComparison.Ordinal) ? mediaType.Substring(6) : mediaType,
    };
}
