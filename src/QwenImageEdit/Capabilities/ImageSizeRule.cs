using System.Collections.Generic;

namespace QwenImageEdit;

/// <summary>How a model lets a request choose the output size.</summary>
/// <param name="MinSide">The least width or height, in pixels, for a free size; null when only presets exist.</param>
/// <param name="MaxSide">The greatest width or height, in pixels, for a free size; null when only presets exist.</param>
/// <param name="OnlyWithSingleImage">Whether a size may be given only when one output image is asked for.</param>
/// <param name="Presets">Named sizes the vendor takes instead of pixels; a requested size becomes the closest.</param>
public sealed record ImageSizeRule(int? MinSide, int? MaxSide, bool OnlyWithSingleImage, IReadOnlyList<ImageSizePreset> Presets);

/// <summary>A size the vendor names rather than measures.</summary>
/// <param name="Name">The vendor's value, e.g. <c>landscape_16_9</c>.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
public sealed record ImageSizePreset(string Name, int Width, int Height);
