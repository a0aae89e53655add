using System.Text;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// Replicate's errors: problem details (<c>application/problem+json</c>, <c>{title, detail, status}</c>), a refused input
/// as a 422 <c>Input validation failed</c> that lists <c>invalid_fields</c>.
/// </summary>
internal sealed class ReplicateErrors : ErrorStyle
{
    public static ReplicateErrors Instance { get; } = new();

    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        var (title, defaultDetail, defaultStatus) = kind switch
        {
            ErrorKind.InvalidRequest => ("Input validation failed", "The request is not valid", 422),
            ErrorKind.Unauthorized => ("Unauthenticated", "You did not pass a valid authentication token", 401),
            ErrorKind.NotFound => ("Not found", "The requested resource could not be found.", 404),
            ErrorKind.MethodNotAllowed => ("Method not allowed", "The method is not allowed for the requested URL.", 405),
            ErrorKind.RateLimited => ("Request was throttled", "Request was throttled. Your rate limit resets in ~1s.", 429),
            _ => ("Internal server error", "An unexpected error occurred.", 500),
        };
        var answer = status ?? defaultStatus;
        var body = new JsonObject
        {
            ["title"] = code ?? title,
            ["detail"] = message ?? defaultDetail,
            ["status"] = answer,
        };
        if (kind == ErrorKind.InvalidRequest && param is { Length: > 0 })
        {
            body["invalid_fields"] = new JsonArray(new JsonObject
            {
                ["type"] = "invalid",
                ["field"] = param,
                ["description"] = message ?? defaultDetail,
            });
        }

        return FakeResponse.Bytes(Encoding.UTF8.GetBytes(JsonText.Write(body)), "application/problem+json", answer);
    }
}
