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
    public static readonly SpecDocument ModelsLabQwenEdit = new("modelslab/" + Vendors.ModelsLab.QwenEdit.ModelsLabQwenEditOpenApiDocument.SourcePath, Vendors.ModelsLab.QwenEdit.ModelsLabQwenEditOpenApiDocument.Json);
    public static readonly SpecDocument ModelsLabFetch = new("modelslab/" + Vendors.ModelsLab.Fetch.ModelsLabFetchOpenApiDocument.SourcePath, Vendors.ModelsLab.Fetch.ModelsLabFetchOpenApiDocument.Json);
    public static readonly SpecDocument ModelsLabUploads = new("modelslab/" + Vendors.ModelsLab.Uploads.ModelsLabUploadsOpenApiDocument.SourcePath, Vendors.ModelsLab.Uploads.ModelsLabUploadsOpenApiDocument.Json);
    public static readonly SpecDocument ApikleyImageEdit = new("apikley/" + Vendors.Apikley.ImageEdit.ApikleyImageEditOpenApiDocument.SourcePath, Vendors.Apikley.ImageEdit.ApikleyImageEditOpenApiDocument.Json);
    public static readonly SpecDocument ApikleyTasks = new("apikley/" + Vendors.Apikley.Tasks.ApikleyTasksOpenApiDocument.SourcePath, Vendors.Apikley.Tasks.ApikleyTasksOpenApiDocument.Json);
    public static readonly SpecDocument ApikleyFiles = new("apikley/" + Vendors.Apikley.Files.ApikleyFilesOpenApiDocument.SourcePath, Vendors.Apikley.Files.ApikleyFilesOpenApiDocument.Json);

    public static readonly SpecDocument FalImageEdit = new("fal/" + Vendors.Fal.ImageEdit.FalImageEditOpenApiDocument.SourcePath, Vendors.Fal.ImageEdit.FalImageEditOpenApiDocument.Json);
    public static readonly SpecDocument FalImageEditPlus = new("fal/" + Vendors.Fal.ImageEditPlus.FalImageEditPlusOpenApiDocument.SourcePath, Vendors.Fal.ImageEditPlus.FalImageEditPlusOpenApiDocument.Json);
    public static readonly SpecDocument FalImageEdit2509 = new("fal/" + Vendors.Fal.ImageEdit2509.FalImageEdit2509OpenApiDocument.SourcePath, Vendors.Fal.ImageEdit2509.FalImageEdit2509OpenApiDocument.Json);
    public static readonly SpecDocument FalImageEdit2511 = new("fal/" + Vendors.Fal.ImageEdit2511.FalImageEdit2511OpenApiDocument.SourcePath, Vendors.Fal.ImageEdit2511.FalImageEdit2511OpenApiDocument.Json);
    public static readonly SpecDocument ReplicateApi = new("replicate/" + Vendors.Replicate.Api.ReplicateOpenApiDocument.SourcePath, Vendors.Replicate.Api.ReplicateOpenApiDocument.Json);
    public static readonly SpecDocument ReplicateImageEdit = new("replicate/" + Vendors.Replicate.ImageEdit.ReplicateImageEditOpenApiDocument.SourcePath, Vendors.Replicate.ImageEdit.ReplicateImageEditOpenApiDocument.Json);
    public static readonly SpecDocument ReplicateImageEditPlus = new("replicate/" + Vendors.Replicate.ImageEditPlus.ReplicateImageEditPlusOpenApiDocument.SourcePath, Vendors.Replicate.ImageEditPlus.ReplicateImageEditPlusOpenApiDocument.Json);
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
