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
    private const string EvoLinkFiles = "QwenImageEdit.Vendors.EvoLink/files.yaml";
    private const string ApikleyFiles = "QwenImageEdit.Vendors.Apikley/file-upload.yaml";
    private const string StreamFileName = "A Stream member carries no file name: ours names a file part after its field; NSwag's FileParameter carries the caller's (here sample.png). The vendors read the type from the bytes, the name is kept as the stored file's.";
    private const string StreamMediaType = "A Stream member carries no media type: ours sends a file part as application/octet-stream; NSwag's FileParameter carries the caller's (here image/png).";
    private const string OptionalFormField = "NSwag throws ArgumentNullException for an optional form field left null (its multipart code checks every field); ours leaves the part out.";
    private const string IntegerOrString = "NSwag types a 3.1 type array of integer and string as an integer, and cannot take or read the string the vendors also send (specs/README.md conflicts 2 and 3); ours is a union of both.";
    private const string FirstShapeOnly = "NSwag reads a oneOf of response shapes as its first branch (the success shape) and fails on the error and processing shapes ModelsLab answers with HTTP 200; ours is a union that holds whichever came (its cases told apart by their status values).";
    private const string ReplicateApi = "QwenImageEdit.Vendors.Replicate/openapi.json";
    private const string ImageSizeChoice = "NSwag types fal's image_size, anyOf [ImageSize object, preset name], as its object and cannot take a preset (square_hd); ours is a union of both.";
    private const string VersionChoice = "NSwag types Replicate's prediction version, oneOf [version id, the enum value hidden], as an enum of hidden alone and cannot read a version id; ours is a union that holds either.";
    private const string EventStream = "fal's status stream is text/event-stream: ours yields each event's data as a QueueStatus (IAsyncEnumerable); NSwag tries to read the whole stream as one JSON value.";
    private const string DefaultsRead = "NSwag gives a model member the spec's default when the answer leaves it out, so its minimal answer reads back with the defaults filled in; ours reports what the server sent (issue 14's honest defaults).";
    private const string DefaultsNotSent = "NSwag initialises an optional member with the spec's default and sends it; ours sends only what the caller set, and the server applies its own default (issue 14's honest defaults).";

    public static readonly IReadOnlyList<ExpectedDifference> All =
    [
        new("*", "*", "request", "header Content-Type: absent vs application/json; charset=utf-8", "An operation without a request body (fal's cancel PUT, Replicate's cancel POSTs): ours sends no content; NSwag sends an empty application/json one."),

        new(EvoLinkFiles, "uploadFileStream", "request", "part file file name: file vs sample.png", StreamFileName),
        new(EvoLinkFiles, "uploadFileStream", "request", "part file media type: application/octet-stream vs image/png", StreamMediaType),
        new(EvoLinkFiles, "uploadFileStream", "request minimal", "sent a request vs sent nothing (ArgumentNullException", OptionalFormField),
        new(ApikleyFiles, "upload-file-stream", "request", "part file file name: file vs sample.png", StreamFileName),
        new(ApikleyFiles, "upload-file-stream", "request", "part file media type: application/octet-stream vs image/png", StreamMediaType),
        new(ApikleyFiles, "upload-file-stream", "request minimal", "sent a request vs sent nothing (ArgumentNullException", OptionalFormField),


        .. NotSent("QwenImageEdit.Vendors.ModelsLab/qwen-edit.yaml", "createQwenEdit", "base64", "model_id"),
        .. NotSent("QwenImageEdit.Vendors.EvoLink/qwen-image-edit-plus.yaml", "createQwenImageEditPlusGeneration", "n", "prompt_extend", "watermark"),
        new("QwenImageEdit.Vendors.ModelsLab/qwen-edit.yaml", "createQwenEdit", "request other branches", "sent a request vs sent nothing (ArgumentException: cannot take the sample: Could not convert string to integer", IntegerOrString),
        new("QwenImageEdit.Vendors.EvoLink/qwen-image-edit.yaml", "createQwenImageEditGeneration", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", IntegerOrString),
        new("QwenImageEdit.Vendors.EvoLink/qwen-image-edit-plus.yaml", "createQwenImageEditPlusGeneration", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", IntegerOrString),
        new("QwenImageEdit.Vendors.ModelsLab/fetch.yaml", "fetchQwenEditResult", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", FirstShapeOnly),
        new("QwenImageEdit.Vendors.ModelsLab/base64-to-url.yaml", "base64ToUrl", "answer 200 other branches, NSwag", "threw ApiException: Could not deserialize", FirstShapeOnly),

        .. Fal("qwen-image-edit", "QwenImageEdit"),
        .. Fal("qwen-image-edit-plus", "QwenImageEditPlus"),
        .. Fal("qwen-image-edit-2509", "QwenImageEdit2509"),
        .. Fal("qwen-image-edit-2511", "QwenImageEdit2511"),
        .. Defaults("QwenImageEdit.Vendors.Replicate/qwen-image-edit.yaml", "createQwenImageEditPrediction"),
        .. Defaults("QwenImageEdit.Vendors.Replicate/qwen-image-edit-plus.yaml", "createQwenImageEditPlusPrediction"),

        .. new[] { "deployments.predictions.create", "models.examples.list", "models.predictions.create", "predictions.cancel", "predictions.create", "predictions.get", "predictions.list" }
            .Select(static operation => new ExpectedDifference(ReplicateApi, operation, "answer", "threw ApiException: Could not deserialize the response body stream as", VersionChoice)),
        new(ReplicateApi, "predictions.list", "request", "query: {created_after=2025-01-01T00:00:00.0000000+00:00, created_before=2025-02-01T00:00:00.0000000+00:00, source=web} vs {created_after=2025-01-01T00:00:00, created_before=2025-02-01T00:00:00, source=web}", "NSwag writes a date-time query value with the format s, which drops the offset (a server may read it in its own time zone); ours writes the round-trip form with its offset, as RFC 3339 requires."),
        new(ReplicateApi, "files.create", "request", "part content file name: content vs sample.png", StreamFileName),
        new(ReplicateApi, "files.create", "request", "part content media type: application/octet-stream vs image/png", StreamMediaType),
        new(ReplicateApi, "files.create", "request minimal", "sent a request vs sent nothing (ArgumentNullException", OptionalFormField),

        new("QwenImageEdit.Vendors.Apikley/record-info.yaml", "getTaskRecordInfo", "answer 200 full, NSwag", "threw ApiException: Could not deserialize", "NSwag types resultJson, oneOf [string, object] after the overlay (specs/README.md conflict 6), as its object branch, and cannot read the JSON text Apikley documents; ours reads either."),
    ];

    // fal's four documents, one client: each model's operations carry its name (the overlays' operation ids).
    private static IEnumerable<ExpectedDifference> Fal(string file, string model) => Fal("QwenImageEdit.Vendors.Fal/" + file + ".yaml", "submit" + model, "stream" + model + "Status");

    private static IEnumerable<ExpectedDifference> Fal(string document, string submit, string stream) =>
    [
        new(document, submit, "request other branches", "sent a request vs sent nothing (ArgumentException: cannot take the sample: Error converting value \"square_hd\"", ImageSizeChoice),
        new(document, stream, "answer 200", "threw ApiException", EventStream),
        .. NotSent(document, submit, "num_images", "acceleration", "output_format", "sync_mode", "guidance_scale", "num_inference_steps", "negative_prompt", "enable_safety_checker"),
    ];

    private static IEnumerable<ExpectedDifference> Defaults(string document, string create)
        => new[] { "go_fast: null vs true", "aspect_ratio: null vs \"match_input_image\"", "output_format: null vs \"webp\"", "output_quality: null vs 95", "disable_safety_checker: null vs false" }
            .Select(member => new ExpectedDifference(document, create, "answer 201 minimal", "$.input." + member, DefaultsRead))
            .Concat(NotSent(document, create, "input.go_fast", "input.aspect_ratio", "input.output_format", "input.output_quality", "input.disable_safety_checker"));

    private static IEnumerable<ExpectedDifference> NotSent(string document, string operation, params string[] members)
        => members.Select(member => new ExpectedDifference(document, operation, "request minimal", $"body $.{member}: absent vs ", DefaultsNotSent));
}
