using System;
using System.Globalization;

namespace QwenImageEdit;

/// <summary>An output size in pixels.</summary>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
public readonly record struct ImageEditSize(int Width, int Height)
{
    /// <summary>Reads <c>WxH</c>, e.g. <c>1024x768</c>.</summary>
    /// <exception cref="FormatException">The text is not two positive integers around an <c>x</c>.</exception>
    public static ImageEditSize Parse(string text)
        => TryParse(text, out var size) ? size : throw new FormatException($"'{text}' is not a size such as 1024x768.");

    /// <summary>Reads <c>WxH</c>, e.g. <c>1024x768</c>.</summary>
    public static bool TryParse(string? text, out ImageEditSize size)
    {
        size = default;
        var parts = text?.Split('x', 'X', '*');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
        {
            return false;
        }

        size = new ImageEditSize(width, height);
        return true;
    }

    /// <summary>The size as <c>WxH</c>, the way EvoLink takes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
