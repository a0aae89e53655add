using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// Apikley's task API: HTTP 200 with the error in the envelope's <c>code</c> (401, 422, ...), except what a gateway
/// answers (unknown path, rate limit, server error), which has a matching HTTP status. createTask writes <c>msg</c>;
/// recordInfo writes <c>message</c> unless the fake is told to use <c>msg</c>.
/// </summary>
internal sealed class ApikleyErrors(Func<string> messageMember) : ErrorStyle
{
    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        var (httpStatus, bodyCode, defaultMessage) = kind switch
        {
            ErrorKind.InvalidRequest => (200, 422, "Validation error"),
            ErrorKind.Unauthorized => (200, 401, "You do not have access permissions"),
            ErrorKind.NotFound => (404, 404, "Not found"),
            ErrorKind.MethodNotAllowed => (405, 404, "Method not allowed"),
            ErrorKind.RateLimited => (429, 429, "Too many requests, please try again later"),
            _ => (status ?? 500, 500, "Server error"),
        };
        return FakeResponse.Json(new JsonObject { ["code"] = bodyCode, [messageMember()] = message ?? defaultMessage }, status ?? httpStatus);
    }

    public override bool HasBodyCodes => true;

    public override FakeResponse CreateWithBodyCode(int code, string? message = null)
        => FakeResponse.Json(new JsonObject { ["code"] = code, [messageMember()] = message ?? DefaultMessage(code) });

    // What each documented code means, in the words of the spec's ApiResponse.code description.
    private static string DefaultMessage(int code) => code switch
    {
        401 => "You do not have access permissions",
        402 => "Insufficient credits",
        404 => "Not found",
        422 => "Validation error",
        429 => "Too many requests, please try again later",
        455 => "Service unavailable: the system is under maintenance",
        500 => "Server error",
        501 => "Generation failed",
        505 => "Feature disabled",
        _ => "Error",
    };
}
