#:property PublishAot=false
// Draws samples/sample.png, the image README.md's first command edits: a small landscape (sky, sun, hills, a house)
// so that a prompt such as "make the sky purple" has something to talk about.
// Run from the repository root: dotnet run src/QwenImageEdit.Cli/samples/make-sample.cs
// A PNG writer by hand (8-bit RGB, one IDAT, filter None) because no image library is served here.
using System.Buffers.Binary;
using System.IO.Compression;

const int Width = 320, Height = 200;
var rgb = new byte[Width * Height * 3];

for (var y = 0; y < Height; y++)
{
    for (var x = 0; x < Width; x++)
    {
        var hill = Height * 0.62 + 14 * Math.Sin(x / 38.0) + 9 * Math.Sin(x / 17.0 + 1.3);
        var (r, g, b) = y < hill
            ? Sky(y / hill)
            : Grass((y - hill) / (Height - hill));

        // The sun, upper right, with a soft edge.
        var sun = Math.Sqrt(Math.Pow(x - 250, 2) + Math.Pow(y - 45, 2));
        if (y < hill && sun < 24)
        {
            var t = Math.Clamp(24 - sun, 0, 1);
            (r, g, b) = Mix((r, g, b), (255, 214, 90), t);
        }

        // A house on the hill: a red roof over a cream wall with a door.
        if (x is >= 70 and < 120 && y is >= 118 and < 150)
        {
            (r, g, b) = x is >= 90 and < 100 && y >= 132 ? (110, 70, 40) : (240, 228, 200);
        }
        else if (y is >= 96 and < 118 && Math.Abs(x - 95) < (y - 96) * 1.3 + 2)
        {
            (r, g, b) = (180, 50, 40);
        }

        var i = ((y * Width) + x) * 3;
        rgb[i] = (byte)r;
        rgb[i + 1] = (byte)g;
        rgb[i + 2] = (byte)b;
    }
}

var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(args.Length > 0 ? args[0] : "src/QwenImageEdit.Cli/samples/sample.png"))!, "sample.png");
File.WriteAllBytes(path, Png(Width, Height, rgb));
Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes");

static (double, double, double) Sky(double t) => Mix((120, 180, 240), (200, 228, 250), t);

static (double, double, double) Grass(double t) => Mix((96, 170, 80), (50, 110, 45), t);

static (double, double, double) Mix((double R, double G, double B) a, (double R, double G, double B) b, double t)
    => (a.R + ((b.R - a.R) * t), a.G + ((b.G - a.G) * t), a.B + ((b.B - a.B) * t));

static byte[] Png(int width, int height, byte[] rgb)
{
    using var png = new MemoryStream();
    png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    var header = new byte[13];
    BinaryPrimitives.WriteInt32BigEndian(header, width);
    BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
    header[8] = 8; // bit depth
    header[9] = 2; // truecolour
    Chunk(png, "IHDR"u8, header);

    using var pixels = new MemoryStream();
    using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
    {
        for (var y = 0; y < height; y++)
        {
            zlib.WriteByte(0); // filter None
            zlib.Write(rgb, y * width * 3, width * 3);
        }
    }

    Chunk(png, "IDAT"u8, pixels.ToArray());
    Chunk(png, "IEND"u8, []);
    return png.ToArray();
}

static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
{
    Span<byte> word = stackalloc byte[4];
    BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
    png.Write(word);
    png.Write(type);
    png.Write(data);
    BinaryPrimitives.WriteUInt32BigEndian(word, Crc(type, data));
    png.Write(word);
}

static uint Crc(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
{
    var crc = 0xFFFFFFFFu;
    foreach (var part in new[] { type.ToArray(), data.ToArray() })
    {
        foreach (var b in part)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
    }

    return crc ^ 0xFFFFFFFFu;
}
