using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// fal.ai's errors (https://docs.fal.ai/errors): a refused input is a 422 whose <c>detail</c> is an array of
/// <c>{loc, msg, type}</c>; everything else carries <c>detail</c> as a string, request errors with <c>error_type</c>.
/// </summary>
internal sealed class FalErrors : ErrorStyle
{
    public static FalErrors Instance { get; } = new();

    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        if (kind == ErrorKind.InvalidRequest)
        {
            var loc = new JsonArray("body");
            if (param is { Length: > 0 })
            {
                foreach (var part in param.Split('.'))
                {
                    loc.Add((JsonNode)part);
                }
            }

            var detail = new JsonObject
            {
                ["loc"] = loc,
                ["msg"] = message ?? "Invalid request",
                ["type"] = code ?? "value_error",
            };
            return FakeResponse.Json(new JsonObject { ["detail"] = new JsonArray(detail) }, status ?? 422);
        }

        var (defaultMessage, errorType) = kind switch
        {
            ErrorKind.Unauthorized => ("No user found for Key ID and Secret", (string?)null),
            ErrorKind.NotFound => ("Not Found", null),
            ErrorKind.MethodNotAllowed => ("Method Not Allowed", null),
            ErrorKind.RateLimited => ("Too many concurrent requests, please try again later", "rate_limited"),
            _ => ("Internal Server Error", "internal_error"),
        };
        var body = new JsonObject { ["detail"] = message ?? defaultMessage };
        if ((code ?? errorType) is { } type)
        {
            body["error_type"] = type;
        }

        var answer = FakeResponse.Json(body, status ?? DefaultStatus(kind));
        return (code ?? errorType) is { } header ? answer.WithHeader("X-Fal-Error-Type", header) : answer;
    }
}
