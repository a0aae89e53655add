using System;
using System.Collections.Generic;
using System.Linq;

namespace QwenImageEdit;

/// <summary>Picks the named size closest to a requested one, as MEAI's ImageSize asks of fixed-size providers.</summary>
internal static class SizePresets
{
    /// <summary>The preset with the nearest aspect ratio, then the nearest area.</summary>
    public static ImageSizePreset Closest(IReadOnlyList<ImageSizePreset> presets, ImageEditSize size)
    {
        var ratio = Math.Log((double)size.Width / size.Height);
        var area = (double)size.Width * size.Height;
        return presets
            .OrderBy(p => Math.Round(Math.Abs(Math.Log((double)p.Width / p.Height) - ratio), 3))
            .ThenBy(p => Math.Abs(Math.Log(p.Width * (double)p.Height / area)))
            .First();
    }
}
