using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>What the upload APIs check beyond their schemas: the data decodes, and it is an image type they take.</summary>
internal static class UploadRules
{
    public const string AcceptedTypes = "a JPEG, PNG, GIF or WebP image";

    /// <summary>Checks a Base64 (or data URL) member; <paramref name="content"/> holds the decoded bytes when there is no problem.</summary>
    public static SchemaProblem? Base64Image(JsonObject body, string member, out byte[] content)
    {
        content = [];
        if (JsonText.String(body[member]) is not { } text)
        {
            return null; // Missing or not a string: the schema reports it.
        }

        if (!UploadedContent.TryDecodeBase64(text, out content))
        {
            return new SchemaProblem("$." + member, "is not valid Base64 data");
        }

        return UploadedContent.SniffImageType(content) is null ? new SchemaProblem("$." + member, "must be " + AcceptedTypes) : null;
    }

    public static SchemaProblem? FileImage(MultipartForm? form, string part)
        => form is not null && form.Files.TryGetValue(part, out var file) && UploadedContent.SniffImageType(file.Content) is null
            ? new SchemaProblem("$." + part, "must be " + AcceptedTypes)
            : null;

    public static IEnumerable<SchemaProblem> Only(SchemaProblem? problem) => problem is null ? [] : [problem];
}
