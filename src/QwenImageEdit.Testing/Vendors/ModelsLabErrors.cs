using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// ModelsLab: <c>{status: "error", message}</c>, with HTTP 200 for what its API reports in the body (bad key, bad input);
/// legacy errors spell the member <c>messege</c> when the fake is told to.
/// </summary>
internal sealed class ModelsLabErrors(Func<string> messageMember) : ErrorStyle
{
    /// <summary>Errors as documented, with <c>message</c>.</summary>
    public static ModelsLabErrors Instance { get; } = new(static () => "message");

    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        var (httpStatus, defaultMessage) = kind switch
        {
            ErrorKind.InvalidRequest => (200, "Invalid request"),
            ErrorKind.Unauthorized => (200, "Invalid Api Key"),
            ErrorKind.NotFound => (404, "Not found"),
            ErrorKind.MethodNotAllowed => (405, "Method not allowed"),
            ErrorKind.RateLimited => (429, "Rate limit exceeded, please try again later"),
            _ => (500, "Internal server error"),
        };
        return FakeResponse.Json(new JsonObject { ["status"] = "error", [messageMember()] = message ?? defaultMessage }, status ?? httpStatus);
    }
}
