using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>EvoLink's generation and task APIs: the HTTP status says what failed, the body is <c>{error: {code, message, type, param?}}</c>.</summary>
internal sealed class EvoLinkErrors : ErrorStyle
{
    public static EvoLinkErrors Instance { get; } = new();

    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        var (defaultCode, type, defaultMessage) = kind switch
        {
            ErrorKind.InvalidRequest => ("invalid_request", "invalid_request_error", "Invalid request parameters"),
            ErrorKind.Unauthorized => ("unauthorized", "authentication_error", "Invalid or expired token"),
            ErrorKind.NotFound => ("not_found", "invalid_request_error", "Not found"),
            ErrorKind.MethodNotAllowed => ("method_not_allowed", "invalid_request_error", "Method not allowed"),
            ErrorKind.RateLimited => ("rate_limit_exceeded", "rate_limit_error", "Too many requests, please try again later"),
            _ => ("internal_error", "api_error", "Internal server error"),
        };
        var error = new JsonObject
        {
            ["code"] = code ?? defaultCode,
            ["message"] = message ?? defaultMessage,
            ["type"] = type,
        };
        if (param is not null)
        {
            error["param"] = param;
        }

        if (kind == ErrorKind.RateLimited)
        {
            error["fallback_suggestion"] = "Retry after a short delay";
        }

        return FakeResponse.Json(new JsonObject { ["error"] = error }, status ?? DefaultStatus(kind));
    }
}
