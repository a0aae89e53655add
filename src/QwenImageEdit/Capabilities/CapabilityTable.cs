using System;

namespace QwenImageEdit;

/// <summary>
/// The vendors' documented limits as data. Sources: the vendor pages in <c>../shared/seeds</c> and the conflicts in
/// <c>specs/README.md</c> (numbers there); change a row here, not a branch elsewhere.
/// </summary>
internal static class CapabilityTable
{
    private static readonly string[] EvoLinkInputs = ["image/jpeg", "image/png", "image/bmp", "image/webp", "image/tiff"];
    private static readonly string[] ApikleyInputs = ["image/jpeg", "image/png", "image/webp"];
    private static readonly string[] AnyImage = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp"];

    // Apikley (kie.ai's market API, backed by fal.ai) names sizes; the pixels are fal.ai's for the same names.
    private static readonly ImageSizePreset[] ApikleyPresets =
    [
        new("square", 512, 512),
        new("square_hd", 1024, 1024),
        new("portrait_4_3", 768, 1024),
        new("portrait_16_9", 576, 1024),
        new("landscape_4_3", 1024, 768),
        new("landscape_16_9", 1024, 576),
    ];

    private static readonly ImageEditCapabilities EvoLinkEdit = new()
    {
        Vendor = ImageEditVendor.EvoLink,
        Model = ImageEditModels.EvoLinkQwenImageEdit,
        MaxInputImages = 3,
        MaxPromptLength = 1000, // conflict 1: the rendered page's 1000, not the YAML's 2000
        MaxCount = 1,
        Size = null,
        MaxNegativePromptLength = null,
        MaxSeed = null,
        OutputMediaTypes = [],
        InputMediaTypes = EvoLinkInputs,
        MaxInputImageBytes = null,
        SafetyChecker = false,
        ReportsProgress = true,
        Callbacks = true,
        SignedCallbacks = false,
        ResultLifetime = TimeSpan.FromHours(24),
    };

    private static readonly ImageEditCapabilities ModelsLab2509 = new()
    {
        Vendor = ImageEditVendor.ModelsLab,
        Model = ImageEditModels.ModelsLabQwenEdit2509,
        MaxInputImages = 4,
        MaxPromptLength = null,
        MaxCount = 1,
        Size = null,
        MaxNegativePromptLength = null,
        MaxSeed = null,
        OutputMediaTypes = [],
        InputMediaTypes = AnyImage,
        MaxInputImageBytes = 5 * 1024 * 1024, // base64_to_url's limit, the way local images reach ModelsLab
        SafetyChecker = true,
        ReportsProgress = false,
        Callbacks = true,
        SignedCallbacks = false,
        ResultLifetime = null,
    };

    public static readonly ImageEditCapabilities[] Rows =
    [
        EvoLinkEdit,
        EvoLinkEdit with
        {
            Model = ImageEditModels.EvoLinkQwenImageEditPlus,
            MaxPromptLength = 2000,
            MaxCount = 6,
            Size = new ImageSizeRule(512, 2048, OnlyWithSingleImage: true, []),
            MaxNegativePromptLength = 500,
            MaxSeed = 2147483647,
        },
        ModelsLab2509,
        ModelsLab2509 with { Model = ImageEditModels.ModelsLabQwenEdit2511 },
        new()
        {
            Vendor = ImageEditVendor.Apikley,
            Model = ImageEditModels.ApikleyQwenImageEdit,
            MaxInputImages = 1,
            MaxPromptLength = 2000,
            MaxCount = 4,
            Size = new ImageSizeRule(null, null, OnlyWithSingleImage: false, ApikleyPresets),
            MaxNegativePromptLength = 500,
            MaxSeed = long.MaxValue,
            OutputMediaTypes = ["image/png", "image/jpeg"],
            InputMediaTypes = ApikleyInputs,
            MaxInputImageBytes = 10 * 1024 * 1024,
            SafetyChecker = true,
            ReportsProgress = false,
            Callbacks = true,
            SignedCallbacks = true,
            ResultLifetime = TimeSpan.FromHours(24),
        },
    ];
}
