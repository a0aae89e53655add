namespace Differential.Tests;

/// <summary>A difference between the two clients that is known, and why: on purpose in ours, or by NSwag's design.</summary>
/// <param name="Document">The spec's namespace, or <c>*</c> for every spec.</param>
/// <param name="Operation">The operationId, or <c>*</c> for every operation.</param>
/// <param name="Where">The start of <see cref="Difference.Where"/> it applies to (<c>request</c> covers both samples).</param>
/// <param name="What">The start of <see cref="Difference.What"/>.</param>
/// <param name="Reason">Why it differs.</param>
internal sealed record ExpectedDifference(string Document, string Operation, string Where, string What, string Reason)
{
    public bool Matches(Difference difference)
        => (Document == "*" || difference.Document == Document) && (Operation == "*" || difference.Operation == Operation)
            && difference.Where.StartsWith(Where, StringComparison.Ordinal) && difference.What.StartsWith(What, StringComparison.Ordinal);
}

/// <summary>
/// Every known difference between our clients and NSwag's, one entry per instance, each with its reason. An entry
/// that no longer matches fails the test too, so the list cannot outlive what it explains.
/// </summary>
internal static class ExpectedDifferences
{
    private const string EvoLinkFiles = "QwenImageEdit.Vendors.EvoLink.Files";
    private const string ApikleyFiles = "QwenImageEdit.Vendors.Apikley.Files";
    private const string StreamFileName = "A Stream member carries no file name: ours names a file part after its field; NSwag's FileParameter carries the caller's (here sample.png). The vendors read the type from the bytes, the name is kept as the stored file's.";
    private const string StreamMediaType = "A Stream member carries no media type: ours sends a file part as application/octet-stream; NSwag's FileParameter carries the caller's (here image/png).";
    private const string OptionalFormField = "NSwag throws ArgumentNullException for an optional form field left null (its multipart code checks every field); ours leaves the part out.";
    private const string IntegerOrString = "NSwag types a 3.1 type array of integer and string as an integer, and cannot take or read the string the vendors also send (specs/README.md conflicts 2 and 3); ours is a union of both.";
    private const string FirstShapeOnly = "NSwag reads a oneOf of response shapes as its first branch (the success shape) and fails on the error and processing shapes ModelsLab answers with HTTP 200; ours is a union that holds whichever came (its cases told apart by their status values).";
    private const string CredentialBody = "Ours writes a body it fills the API key into (x-openapigen-credential) as bytes it labels application/json; charset=utf-8; NSwag writes application/json. UTF-8 is JSON's only encoding (RFC 8259): the same to a server.";

    public static readonly IReadOnlyList<ExpectedDifference> All =
    [
        new("*", "*", "request", "header Accept: absent vs application/json", "Ours sends no Accept header (the generated clients set none, and every vendor answers JSON regardless); NSwag asks for application/json."),

        new(EvoLinkFiles, "uploadFileStream", "request", "part file file name: file vs sample.png", StreamFileName),
        new(EvoLinkFiles, "uploadFileStream", "request", "part file media type: application/octet-stream vs image/png", StreamMediaType),
        new(EvoLinkFiles, "uploadFileStream", "request minimal", "sent a request vs sent nothing (ArgumentNullException", OptionalFormField),
        new(ApikleyFiles, "upload-file-stream", "request", "part file file name: file vs sample.png", StreamFileName),
        new(ApikleyFiles, "upload-file-stream", "request", "part file media type: application/octet-stream vs image/png", StreamMediaType),
        new(ApikleyFiles, "upload-file-stream", "request minimal", "sent a request vs sent nothing (ArgumentNullException", OptionalFormField),

        new("QwenImageEdit.Vendors.ModelsLab.QwenEdit", "createQwenEdit", "request", "header Content-Type: application/json; charset=utf-8 vs application/json", CredentialBody),
        new("QwenImageEdit.Vendors.ModelsLab.Fetch", "fetchQwenEditResult", "request", "header Content-Type: application/json; charset=utf-8 vs application/json", CredentialBody),
        new("QwenImageEdit.Vendors.ModelsLab.Uploads", "base64ToUrl", "request", "header Content-Type: application/json; charset=utf-8 vs application/json", CredentialBody),

        new("QwenImageEdit.Vendors.ModelsLab.QwenEdit", "createQwenEdit", "request other branches", "sent a request vs sent nothing (ArgumentException: cannot take the sample: Could not convert string to integer", IntegerOrString),
        new("QwenImageEdit.Vendors.EvoLink.ImageEdit", "createQwenImageEditGeneration", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", IntegerOrString),
        new("QwenImageEdit.Vendors.EvoLink.ImageEditPlus", "createQwenImageEditPlusGeneration", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", IntegerOrString),
        new("QwenImageEdit.Vendors.ModelsLab.Fetch", "fetchQwenEditResult", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", FirstShapeOnly),
        new("QwenImageEdit.Vendors.ModelsLab.Uploads", "base64ToUrl", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", FirstShapeOnly),

        new("QwenImageEdit.Vendors.Apikley.Tasks", "getTaskRecordInfo", "answer 200 full, NSwag", "threw ApiException: Could not deserialize", "NSwag types resultJson, oneOf [string, object] after the overlay (specs/README.md conflict 6), as its object branch, and cannot read the JSON text Apikley documents; ours reads either."),
    ];
}
