using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>The EvoLink and Apikley file APIs: <c>{success: false, code, msg}</c> with the HTTP status as <c>code</c>.</summary>
internal sealed class UploadEnvelopeErrors : ErrorStyle
{
    public static UploadEnvelopeErrors Instance { get; } = new();

    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        var httpStatus = status ?? DefaultStatus(kind);
        var defaultMessage = kind switch
        {
            ErrorKind.InvalidRequest => "Invalid request parameters",
            ErrorKind.Unauthorized => "Authentication failed: Invalid API Key",
            ErrorKind.NotFound => "Not found",
            ErrorKind.MethodNotAllowed => "Method not allowed",
            ErrorKind.RateLimited => "Too many requests, please try again later",
            _ => "Internal server error",
        };
        return FakeResponse.Json(new JsonObject { ["success"] = false, ["code"] = httpStatus, ["msg"] = message ?? defaultMessage }, httpStatus);
    }
}
