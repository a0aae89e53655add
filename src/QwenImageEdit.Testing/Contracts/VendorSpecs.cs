namespace QwenImageEdit.Testing;

/// <summary>
/// The vendors' specs, from the effective documents QwenImageEdit.Vendors embeds: the same text its types were generated
/// from, overlays applied, so the fakes and the generated clients are held to one contract. Parsed once per process.
/// </summary>
internal static class VendorSpecs
{
    public static readonly SpecDocument EvoLinkImageEdit = new("evolink/" + Vendors.EvoLink.EvoLinkQwenImageEditOpenApiDocument.SourcePath, Vendors.EvoLink.EvoLinkQwenImageEditOpenApiDocument.Json);
    public static readonly SpecDocument EvoLinkImageEditPlus = new("evolink/" + Vendors.EvoLink.EvoLinkQwenImageEditPlusOpenApiDocument.SourcePath, Vendors.EvoLink.EvoLinkQwenImageEditPlusOpenApiDocument.Json);
    public static readonly SpecDocument EvoLinkTasks = new("evolink/" + Vendors.EvoLink.EvoLinkTasksOpenApiDocument.SourcePath, Vendors.EvoLink.EvoLinkTasksOpenApiDocument.Json);
    public static readonly SpecDocument EvoLinkFiles = new("evolink/" + Vendors.EvoLink.EvoLinkFilesOpenApiDocument.SourcePath, Vendors.EvoLink.EvoLinkFilesOpenApiDocument.Json);
    public static readonly SpecDocument ModelsLabQwenEdit = new("modelslab/" + Vendors.ModelsLab.ModelsLabQwenEditOpenApiDocument.SourcePath, Vendors.ModelsLab.ModelsLabQwenEditOpenApiDocument.Json);
    public static readonly SpecDocument ModelsLabFetch = new("modelslab/" + Vendors.ModelsLab.ModelsLabFetchOpenApiDocument.SourcePath, Vendors.ModelsLab.ModelsLabFetchOpenApiDocument.Json);
    public static readonly SpecDocument ModelsLabUploads = new("modelslab/" + Vendors.ModelsLab.ModelsLabBase64ToUrlOpenApiDocument.SourcePath, Vendors.ModelsLab.ModelsLabBase64ToUrlOpenApiDocument.Json);
    public static readonly SpecDocument ApikleyImageEdit = new("apikley/" + Vendors.Apikley.ApikleyQwenImageEditOpenApiDocument.SourcePath, Vendors.Apikley.ApikleyQwenImageEditOpenApiDocument.Json);
    public static readonly SpecDocument ApikleyTasks = new("apikley/" + Vendors.Apikley.ApikleyRecordInfoOpenApiDocument.SourcePath, Vendors.Apikley.ApikleyRecordInfoOpenApiDocument.Json);
    public static readonly SpecDocument ApikleyFiles = new("apikley/" + Vendors.Apikley.ApikleyFileUploadOpenApiDocument.SourcePath, Vendors.Apikley.ApikleyFileUploadOpenApiDocument.Json);

    public static readonly SpecDocument FalImageEdit = new("fal/" + Vendors.Fal.FalQwenImageEditOpenApiDocument.SourcePath, Vendors.Fal.FalQwenImageEditOpenApiDocument.Json);
    public static readonly SpecDocument FalImageEditPlus = new("fal/" + Vendors.Fal.FalQwenImageEditPlusOpenApiDocument.SourcePath, Vendors.Fal.FalQwenImageEditPlusOpenApiDocument.Json);
    public static readonly SpecDocument FalImageEdit2509 = new("fal/" + Vendors.Fal.FalQwenImageEdit2509OpenApiDocument.SourcePath, Vendors.Fal.FalQwenImageEdit2509OpenApiDocument.Json);
    public static readonly SpecDocument FalImageEdit2511 = new("fal/" + Vendors.Fal.FalQwenImageEdit2511OpenApiDocument.SourcePath, Vendors.Fal.FalQwenImageEdit2511OpenApiDocument.Json);
    public static readonly SpecDocument ReplicateApi = new("replicate/" + Vendors.Replicate.ReplicateOpenapiOpenApiDocument.SourcePath, Vendors.Replicate.ReplicateOpenapiOpenApiDocument.Json);
    public static readonly SpecDocument ReplicateImageEdit = new("replicate/" + Vendors.Replicate.ReplicateQwenImageEditOpenApiDocument.SourcePath, Vendors.Replicate.ReplicateQwenImageEditOpenApiDocument.Json);
    public static readonly SpecDocument ReplicateImageEditPlus = new("replicate/" + Vendors.Replicate.ReplicateQwenImageEditPlusOpenApiDocument.SourcePath, Vendors.Replicate.ReplicateQwenImageEditPlusOpenApiDocument.Json);
    public static readonly SpecDocument DashScopeImageEdit = new("dashscope/" + Vendors.DashScope.ImageEdit.DashScopeImageEditOpenApiDocument.SourcePath, Vendors.DashScope.ImageEdit.DashScopeImageEditOpenApiDocument.Json);

    public static IReadOnlyList<SpecDocument> All { get; } =
    [
        EvoLinkImageEdit, EvoLinkImageEditPlus, EvoLinkTasks, EvoLinkFiles,
        ModelsLabQwenEdit, ModelsLabFetch, ModelsLabUploads,
        ApikleyImageEdit, ApikleyTasks, ApikleyFiles,
        FalImageEdit, FalImageEditPlus, FalImageEdit2509, FalImageEdit2511,
        ReplicateApi, ReplicateImageEdit, ReplicateImageEditPlus,
        DashScopeImageEdit,
    ];
}
