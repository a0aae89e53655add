namespace QwenImageEdit;

/// <summary>The model identifiers each vendor accepts, as the vendor spells them.</summary>
/// <remarks>
/// Pass one as <see cref="ImageEditRequest.Model"/> (or as MEAI's <c>ImageGenerationOptions.ModelId</c>) to choose a
/// variant; leave it null for the vendor's default (the first listed for it in <see cref="ImageEditCapabilities.All"/>).
/// </remarks>
public static class ImageEditModels
{
    /// <summary>EvoLink's <c>qwen-image-edit</c>: one output image, no size, seed or negative prompt.</summary>
    public const string EvoLinkQwenImageEdit = "qwen-image-edit";

    /// <summary>EvoLink's <c>qwen-image-edit-plus</c>: up to 6 images, size, seed and negative prompt.</summary>
    public const string EvoLinkQwenImageEditPlus = "qwen-image-edit-plus";

    /// <summary>ModelsLab's <c>qwen-edit-2509</c> (the vendor's default).</summary>
    public const string ModelsLabQwenEdit2509 = "qwen-edit-2509";

    /// <summary>ModelsLab's <c>qwen-edit-2511</c>.</summary>
    public const string ModelsLabQwenEdit2511 = "qwen-edit-2511";

    /// <summary>Apikley's <c>qwen/image-edit</c>.</summary>
    public const string ApikleyQwenImageEdit = "qwen/image-edit";

    /// <summary>fal.ai's <c>fal-ai/qwen-image-edit</c> (the vendor's default): one input image.</summary>
    public const string FalQwenImageEdit = "fal-ai/qwen-image-edit";

    /// <summary>fal.ai's <c>fal-ai/qwen-image-edit-plus</c>: the 2509 model, several input images.</summary>
    public const string FalQwenImageEditPlus = "fal-ai/qwen-image-edit-plus";

    /// <summary>fal.ai's <c>fal-ai/qwen-image-edit-2509</c>: the same input as <c>-plus</c>.</summary>
    public const string FalQwenImageEdit2509 = "fal-ai/qwen-image-edit-2509";

    /// <summary>fal.ai's <c>fal-ai/qwen-image-edit-2511</c>: several input images, WebP output.</summary>
    public const string FalQwenImageEdit2511 = "fal-ai/qwen-image-edit-2511";

    /// <summary>Replicate's <c>qwen/qwen-image-edit</c> (the vendor's default): one input image.</summary>
    public const string ReplicateQwenImageEdit = "qwen/qwen-image-edit";

    /// <summary>Replicate's <c>qwen/qwen-image-edit-plus</c>: several input images.</summary>
    public const string ReplicateQwenImageEditPlus = "qwen/qwen-image-edit-plus";

    /// <summary>DashScope's <c>qwen-image-edit</c> (the vendor's default): one output image, no size.</summary>
    public const string DashScopeQwenImageEdit = "qwen-image-edit";

    /// <summary>DashScope's <c>qwen-image-edit-plus</c>, the latest plus version (now <c>-2025-10-30</c>).</summary>
    public const string DashScopeQwenImageEditPlus = "qwen-image-edit-plus";

    /// <summary>DashScope's <c>qwen-image-edit-plus-2025-10-30</c>.</summary>
    public const string DashScopeQwenImageEditPlus20251030 = "qwen-image-edit-plus-2025-10-30";

    /// <summary>DashScope's <c>qwen-image-edit-plus-2025-12-15</c>.</summary>
    public const string DashScopeQwenImageEditPlus20251215 = "qwen-image-edit-plus-2025-12-15";

    /// <summary>DashScope's <c>qwen-image-edit-max</c>, the latest max version (now <c>-2026-01-16</c>).</summary>
    public const string DashScopeQwenImageEditMax = "qwen-image-edit-max";

    /// <summary>DashScope's <c>qwen-image-edit-max-2026-01-16</c>.</summary>
    public const string DashScopeQwenImageEditMax20260116 = "qwen-image-edit-max-2026-01-16";
}
