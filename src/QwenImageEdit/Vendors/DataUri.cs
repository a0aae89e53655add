using System;

namespace QwenImageEdit.Vendors;

/// <summary>
/// A local image as a <c>data:</c> URI, for vendors that take one wherever they take an image URL (fal.ai, Replicate and
/// DashScope document it): the bytes travel in the request, and nothing is stored at the vendor.
/// </summary>
internal static class DataUri
{
    public static Uri Of(ReadOnlyMemory<byte> bytes, string mediaType)
        => new("data:" + mediaType + ";base64," + Convert.ToBase64String(bytes.Span), UriKind.Absolute);
}
