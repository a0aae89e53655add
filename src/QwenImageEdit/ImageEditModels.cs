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
}
