using System.Globalization;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>DashScope's errors, the same for every API: <c>{request_id, code, message}</c> with the matching HTTP status.</summary>
internal sealed class DashScopeErrors : ErrorStyle
{
    private static int s_requests;

    public static DashScopeErrors Instance { get; } = new();

    public override FakeResponse Create(ErrorKind kind, string? message = null, string? param = null, int? status = null, string? code = null)
    {
        var (defaultCode, defaultMessage) = kind switch
        {
            ErrorKind.InvalidRequest => ("InvalidParameter", "The request is invalid."),
            ErrorKind.Unauthorized => ("InvalidApiKey", "Invalid API-key provided."),
            ErrorKind.NotFound => ("InvalidURL", "The requested URL was not found."),
            ErrorKind.MethodNotAllowed => ("InvalidURL", "The method is not allowed for the requested URL."),
            ErrorKind.RateLimited => ("Throttling", "Requests rate limit exceeded, please try again later."),
            _ => ("InternalError", "An internal error has occured, please try again later or contact service support."),
        };
        return FakeResponse.Json(
            new JsonObject
            {
                ["request_id"] = RequestId(),
                ["code"] = code ?? defaultCode,
                ["message"] = message ?? defaultMessage,
            },
            status ?? DefaultStatus(kind));
    }

    /// <summary>A request id in DashScope's UUID form.</summary>
    public static string RequestId()
        => string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref s_requests):x8}-da5c-4000-8000-000000000000");

    /// <summary>The status of a task's failure code: moderation and parameter problems are the caller's (400), the rest the service's (500).</summary>
    public static int StatusOf(string? code) => code switch
    {
        "InvalidParameter" or "DataInspectionFailed" or "IPInfringementSuspect" => 400,
        "InvalidApiKey" => 401,
        "AccessDenied" or "AllocationQuota.FreeTierOnly" => 403,
        "Throttling" => 429,
        _ => 500,
    };
}
