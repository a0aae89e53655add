namespace Specs.Tests.GeneratedModel;

/// <summary>
/// Where the generated model differs from the spec on purpose: the decisions listed in specs/README.md ("Where the
/// generated model differs from the spec"), one entry per instance. An entry that no longer matches a mismatch fails
/// the test too, so this list cannot outlive the decision.
/// </summary>
internal static class ExpectedMismatches
{
    private const string Defaulted = "required with a default: initialised with it, so always sent, and not C# 'required' (specs/README.md)";
    private const string OnlyValue = "required with one possible value (a const or one-value enum): filled in with it, so always sent, and not C# 'required' (specs/README.md)";
    private const string Credential = "x-openapigen-credential: the client fills it from its options' ApiKey, so not C# 'required' (specs/README.md)";

    public static readonly IReadOnlyList<(string Document, string Pointer, MismatchKind Kind, string Reason)> All = new (string, string, MismatchKind, string)[]
    {
        ("QwenImageEdit.Vendors.EvoLink.EvoLinkQwenImageEditOpenApiDocument", "/components/schemas/QwenImageEditRequest/properties/model", MismatchKind.Requiredness, Defaulted),
        ("QwenImageEdit.Vendors.EvoLink.EvoLinkQwenImageEditPlusOpenApiDocument", "/components/schemas/QwenImageEditPlusRequest/properties/model", MismatchKind.Requiredness, Defaulted),
        ("QwenImageEdit.Vendors.Apikley.ApikleyQwenImageEditOpenApiDocument", "/paths/~1api~1v1~1jobs~1createTask/post/requestBody/content/application~1json/schema/properties/model", MismatchKind.Requiredness, Defaulted),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabQwenEditOpenApiDocument", "/components/schemas/QwenRequest/properties/key", MismatchKind.Requiredness, Credential),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabFetchOpenApiDocument", "/components/schemas/FetchRequest/properties/key", MismatchKind.Requiredness, Credential),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabBase64ToUrlOpenApiDocument", "/components/schemas/Base64ToUrlRequest/properties/key", MismatchKind.Requiredness, Credential),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabFetchOpenApiDocument", "/components/schemas/FetchSuccessResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabFetchOpenApiDocument", "/components/schemas/FetchProcessingResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabFetchOpenApiDocument", "/components/schemas/FetchErrorResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabFetchOpenApiDocument", "/components/schemas/WebhookSuccessPayload/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabFetchOpenApiDocument", "/components/schemas/WebhookFailurePayload/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabBase64ToUrlOpenApiDocument", "/components/schemas/Base64ToUrlSuccessResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabBase64ToUrlOpenApiDocument", "/components/schemas/Base64ToUrlErrorResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabQwenEditOpenApiDocument", "/components/schemas/ImageEditingSuccessResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabQwenEditOpenApiDocument", "/components/schemas/ImageEditingProcessingResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.ModelsLab.ModelsLabQwenEditOpenApiDocument", "/components/schemas/ImageEditingErrorResponse/properties/status", MismatchKind.Requiredness, OnlyValue),
        ("QwenImageEdit.Vendors.DashScope.ImageEdit.DashScopeImageEditOpenApiDocument", "/components/schemas/Message/properties/role", MismatchKind.Requiredness, OnlyValue),
    };
}
