using System;
using System.Collections.Generic;

namespace QwenImageEdit;

/// <summary>One image edit, for any vendor. What a vendor cannot do fails before anything is sent.</summary>
public sealed class ImageEditRequest
{
    /// <summary>What to change in the images.</summary>
    public required string Prompt { get; set; }

    /// <summary>The images to edit: URLs the vendor fetches, or local bytes the facade uploads first.</summary>
    public required IList<ImageInput> Images { get; set; }

    /// <summary>The model variant (see <see cref="ImageEditModels"/>); null for the vendor's default.</summary>
    public string? Model { get; set; }

    /// <summary>What the result should not contain.</summary>
    public string? NegativePrompt { get; set; }

    /// <summary>How many images to produce; null for the vendor's default (one).</summary>
    public int? Count { get; set; }

    /// <summary>The output size; vendors with named sizes get the closest one.</summary>
    public ImageEditSize? Size { get; set; }

    /// <summary>A seed for reproducible output.</summary>
    public long? Seed { get; set; }

    /// <summary>The output media type, e.g. <c>image/png</c>; null for the vendor's choice.</summary>
    public string? OutputMediaType { get; set; }

    /// <summary>Whether the vendor's safety checker runs; null for the vendor's default.</summary>
    public bool? SafetyChecker { get; set; }

    /// <summary>An HTTPS URL the vendor calls when the task ends; parse the call with <see cref="ImageEditCallbackParser"/>.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>
    /// Vendor parameters with no common name, by the vendor's wire name (EvoLink <c>prompt_extend</c>,
    /// <c>watermark</c>; ModelsLab <c>track_id</c>, <c>base64</c>; Apikley <c>acceleration</c>,
    /// <c>num_inference_steps</c>, <c>guidance_scale</c>, <c>image_size</c>). A name the vendor does not take is a
    /// validation error, never silently dropped.
    /// </summary>
    public IDictionary<string, object?> VendorParameters { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
