using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace QwenImageEdit.Testing.Tests.Png;

/// <summary>The hand-written PNG encoder: a decoder's view of the bytes, chunk by chunk.</summary>
public sealed class PngTests
{
    [Fact]
    public void Crc32_matches_the_published_check_values()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8)); // the last four bytes of every PNG
    }

    [Fact]
    public void A_result_image_is_a_valid_rgb_png_of_the_size_asked()
    {
        var png = ResultImage.Render("task-unified-1", 0, 16);

        Assert.Equal(PngEncoder.Signature.ToArray(), png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(static c => c.Type));
        Assert.All(chunks, static c => Assert.Equal(c.Crc, Crc32.Compute(Encoding.ASCII.GetBytes(c.Type), c.Data)));
        var header = chunks[0].Data;
        Assert.Equal((16, 16, 8, 2, 0), (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)), (int)header[8], (int)header[9], (int)header[12]));

        using var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var scanlines = raw.ToArray();
        Assert.Equal(16 * ((16 * 3) + 1), scanlines.Length);
        Assert.All(Enumerable.Range(0, 16), y => Assert.Equal(0, scanlines[y * 49]));
    }

    [Fact]
    public void Images_are_deterministic_per_task_and_index_and_differ_between_them()
    {
        Assert.Equal(ResultImage.Render("a", 0, 8), ResultImage.Render("a", 0, 8));
        Assert.NotEqual(ResultImage.Render("a", 0, 8), ResultImage.Render("a", 1, 8));
        Assert.NotEqual(ResultImage.Render("a", 0, 8), ResultImage.Render("b", 0, 8));
    }

    [Fact]
    public void The_encoder_refuses_pixels_that_do_not_fit_the_size()
        => Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[5]));

    private static List<(string Type, byte[] Data, uint Crc)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[], uint)>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            chunks.Add((type, data, crc));
            offset += 12 + length;
        }

        return chunks;
    }
}
