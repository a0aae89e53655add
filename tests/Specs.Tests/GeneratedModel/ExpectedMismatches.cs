namespace Specs.Tests.GeneratedModel;

/// <summary>
/// Where the generated model differs from the spec on purpose: the decisions listed in specs/README.md ("Where the
/// generated model differs from the spec"), one entry per instance. An entry that no longer matches a mismatch fails
/// the test too, so this list cannot outlive the decision.
/// </summary>
internal static class ExpectedMismatches
{
    private const string Defaulted = "required with a default: initialised with it, so always sent, and not C# 'required' (specs/README.md)";
    private const string EventStream = "text/event-stream: the stream's text until the generator types server-sent events (issue 14); the facade parses it (specs/README.md)";
    private const string Credential = "x-openapigen-credential: the client fills it from its options' ApiKey, so not C# 'required' (specs/README.md)";

    public static readonly IReadOnlyList<(string Document, string Pointer, MismatchKind Kind, string Reason)> All = new (string, string, MismatchKind, string)[]
    {
        ("QwenImageEdit.Vendors.EvoLink.ImageEdit.EvoLinkImageEditOpenApiDocument", "/components/schemas/QwenImageEditRequest/properties/model", MismatchKind.Requiredness, Defaulted),
        ("QwenImageEdit.Vendors.EvoLink.ImageEditPlus.EvoLinkImageEditPlusOpenApiDocument", "/components/schemas/QwenImageEditPlusRequest/properties/model", MismatchKind.Requiredness, Defaulted),
        ("QwenImageEdit.Vendors.Apikley.ImageEdit.ApikleyImageEditOpenApiDocument", "/paths/~1api~1v1~1jobs~1createTask/post/requestBody/content/application~1json/schema/properties/model", MismatchKind.Requiredness, Defaulted),
        ("QwenImageEdit.Vendors.ModelsLab.QwenEdit.ModelsLabQwenEditOpenApiDocument", "/components/schemas/QwenRequest/properties/key", MismatchKind.Requiredness, Credential),
        ("QwenImageEdit.Vendors.ModelsLab.Fetch.ModelsLabFetchOpenApiDocument", "/components/schemas/FetchRequest/properties/key", MismatchKind.Requiredness, Credential),
        ("QwenImageEdit.Vendors.ModelsLab.Uploads.ModelsLabUploadsOpenApiDocument", "/components/schemas/Base64ToUrlRequest/properties/key", MismatchKind.Requiredness, Credential),
        ("QwenImageEdit.Vendors.Fal.ImageEdit.FalImageEditOpenApiDocument", "/paths/~1fal-ai~1qwen-image-edit~1requests~1{request_id}~1status~1stream/get/responses/200/content/text~1event-stream/schema", MismatchKind.Reference, EventStream),
        ("QwenImageEdit.Vendors.Fal.ImageEditPlus.FalImageEditPlusOpenApiDocument", "/paths/~1fal-ai~1qwen-image-edit-plus~1requests~1{request_id}~1status~1stream/get/responses/200/content/text~1event-stream/schema", MismatchKind.Reference, EventStream),
        ("QwenImageEdit.Vendors.Fal.ImageEdit2509.FalImageEdit2509OpenApiDocument", "/paths/~1fal-ai~1qwen-image-edit-2509~1requests~1{request_id}~1status~1stream/get/responses/200/content/text~1event-stream/schema", MismatchKind.Reference, EventStream),
        ("QwenImageEdit.Vendors.Fal.ImageEdit2511.FalImageEdit2511OpenApiDocument", "/paths/~1fal-ai~1qwen-image-edit-2511~1requests~1{request_id}~1status~1stream/get/responses/200/content/text~1event-stream/schema", MismatchKind.Reference, EventStream),
    };
}
