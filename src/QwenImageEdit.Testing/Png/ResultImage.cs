using System.Security.Cryptography;
using System.Text;

namespace QwenImageEdit.Testing;

/// <summary>
/// A result image: a diagonal gradient between two colours taken from a hash of the task id and index, so each task's
/// images differ, and the same task always gives the same bytes (tests can compare them).
/// </summary>
internal static class ResultImage
{
    public static byte[] Render(string seed, int index, int size)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{index}"));
        var rgb = new byte[size * size * 3];
        var span = Math.Max(1, 2 * (size - 1));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var t = (x + y) * 255 / span;
                var offset = ((y * size) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    rgb[offset + c] = (byte)(((hash[c] * (255 - t)) + (hash[c + 3] * t)) / 255);
                }
            }
        }

        return PngEncoder.Encode(size, size, rgb);
    }
}
