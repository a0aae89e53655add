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
        RemoteCancel = false,
        Synchronous = false,
        StatusStream = false,
        LocalImagesInline = false,
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
        RemoteCancel = false,
        Synchronous = false,
        StatusStream = false,
        LocalImagesInline = false,
    };

    // fal.ai and Replicate document no limit on the input images of the multi-image models; Qwen-Image-Edit-2509 is
    // made for one to three (as DashScope and EvoLink state), so the table holds them to three (conflicts F11, R9).
    private const int QwenMultiImageInputs = 3;

    // Replicate's aspect ratios, measured at a nominal megapixel: a requested size becomes the closest ratio.
    private static readonly ImageSizePreset[] ReplicateAspectRatios =
    [
        new("1:1", 1024, 1024),
        new("16:9", 1344, 756),
        new("9:16", 756, 1344),
        new("4:3", 1184, 888),
        new("3:4", 888, 1184),
    ];

    private static readonly string[] DashScopeInputs = ["image/jpeg", "image/png", "image/bmp", "image/tiff", "image/webp", "image/gif"];

    private static readonly ImageEditCapabilities FalEdit = new()
    {
        Vendor = ImageEditVendor.Fal,
        Model = ImageEditModels.FalQwenImageEdit,
        MaxInputImages = 1,
        MaxPromptLength = null,
        MaxCount = 4,
        Size = new ImageSizeRule(1, 14142, OnlyWithSingleImage: false, []), // fal's {width, height}; its presets are not needed
        MaxNegativePromptLength = int.MaxValue, // taken, with no limit stated
        MaxSeed = long.MaxValue,
        OutputMediaTypes = ["image/png", "image/jpeg"],
        InputMediaTypes = ["image/jpeg", "image/png", "image/webp"],
        MaxInputImageBytes = null,
        SafetyChecker = true,
        ReportsProgress = false,
        Callbacks = true,
        SignedCallbacks = true,
        ResultLifetime = TimeSpan.FromDays(7), // "at least 7 days" by default (fal's data-retention page)
        RemoteCancel = true,
        Synchronous = false,
        StatusStream = true,
        LocalImagesInline = true,
    };

    private static readonly ImageEditCapabilities ReplicateEdit = new()
    {
        Vendor = ImageEditVendor.Replicate,
        Model = ImageEditModels.ReplicateQwenImageEdit,
        MaxInputImages = 1,
        MaxPromptLength = null,
        MaxCount = 1,
        Size = new ImageSizeRule(null, null, OnlyWithSingleImage: false, ReplicateAspectRatios),
        MaxNegativePromptLength = null,
        MaxSeed = long.MaxValue,
        OutputMediaTypes = ["image/webp", "image/jpeg", "image/png"],
        InputMediaTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"],
        MaxInputImageBytes = null,
        SafetyChecker = true,
        ReportsProgress = false,
        Callbacks = true,
        SignedCallbacks = true,
        ResultLifetime = TimeSpan.FromHours(1), // API predictions' outputs are deleted after an hour (conflict R6)
        RemoteCancel = true,
        Synchronous = false,
        StatusStream = false,
        LocalImagesInline = true,
    };

    private static readonly ImageEditCapabilities DashScopeEdit = new()
    {
        Vendor = ImageEditVendor.DashScope,
        Model = ImageEditModels.DashScopeQwenImageEdit,
        MaxInputImages = 3,
        MaxPromptLength = 800,
        MaxCount = 1,
        Size = null,
        MaxNegativePromptLength = 500,
        MaxSeed = 2147483647,
        OutputMediaTypes = [],
        InputMediaTypes = DashScopeInputs,
        MaxInputImageBytes = 10 * 1024 * 1024,
        SafetyChecker = false,
        ReportsProgress = false,
        Callbacks = false,
        SignedCallbacks = false,
        ResultLifetime = null, // not stated (conflict D3)
        RemoteCancel = false,
        Synchronous = true,
        StatusStream = false,
        LocalImagesInline = true,
    };

    private static readonly ImageEditCapabilities DashScopePlus = DashScopeEdit with
    {
        Model = ImageEditModels.DashScopeQwenImageEditPlus,
        MaxCount = 6,
        Size = new ImageSizeRule(512, 2048, OnlyWithSingleImage: false, []),
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
            RemoteCancel = false,
            Synchronous = false,
            StatusStream = false,
            LocalImagesInline = false,
        },
        FalEdit,
        FalEdit with { Model = ImageEditModels.FalQwenImageEditPlus, MaxInputImages = QwenMultiImageInputs },
        FalEdit with { Model = ImageEditModels.FalQwenImageEdit2509, MaxInputImages = QwenMultiImageInputs },
        FalEdit with { Model = ImageEditModels.FalQwenImageEdit2511, MaxInputImages = QwenMultiImageInputs, OutputMediaTypes = ["image/png", "image/jpeg", "image/webp"] },
        ReplicateEdit,
        ReplicateEdit with { Model = ImageEditModels.ReplicateQwenImageEditPlus, MaxInputImages = QwenMultiImageInputs },
        DashScopeEdit,
        DashScopePlus,
        DashScopePlus with { Model = ImageEditModels.DashScopeQwenImageEditPlus20251030 },
        DashScopePlus with { Model = ImageEditModels.DashScopeQwenImageEditPlus20251215 },
        DashScopePlus with { Model = ImageEditModels.DashScopeQwenImageEditMax },
        DashScopePlus with { Model = ImageEditModels.DashScopeQwenImageEditMax20260116 },
    ];
}
