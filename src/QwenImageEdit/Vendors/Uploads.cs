using System;
using System.IO;
using System.Runtime.InteropServices;

namespace QwenImageEdit.Vendors;

/// <summary>What the adapters share to upload bytes.</summary>
internal static class Uploads
{
    /// <summary>A read-only, seekable stream over the bytes, without copying them when they sit in an array (so a redirected upload can be sent again).</summary>
    public static MemoryStream Stream(ReadOnlyMemory<byte> bytes)
        => MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
