using System.Buffers.Binary;
using System.IO.Compression;

namespace QwenImageEdit.Testing;

/// <summary>
/// The smallest honest PNG writer: 8-bit RGB, one IDAT, no filtering. Written by hand because no image library is
/// available here, and because result images only need to be real PNGs that decoders and header checks accept.
/// </summary>
internal static class PngEncoder
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="rgb">Row-major pixels, three bytes each.</param>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes of RGB, got {rgb.Length}.", nameof(rgb));
        }

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR"u8, header);

        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                var stride = width * 3;
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter type None for this scanline
                    zlib.Write(rgb.Slice(y * stride, stride));
                }
            }

            WriteChunk(png, "IDAT"u8, pixels.ToArray());
        }

        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(type, data));
        png.Write(word);
    }
}
