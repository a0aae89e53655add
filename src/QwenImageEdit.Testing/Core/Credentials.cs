using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>Where each vendor expects its API key, and what is wrong with the one a request carries.</summary>
internal static class Credentials
{
    /// <summary>Null when the request carries the fake's key the way the operation demands; otherwise where and why not.</summary>
    public static (string Location, string Problem)? Check(AuthKind kind, OperationContext context, string apiKey) => kind switch
    {
        AuthKind.Bearer => Scheme(context.Request.Header("Authorization"), "Bearer", apiKey),
        AuthKind.Key => Scheme(context.Request.Header("Authorization"), "Key", apiKey),
        AuthKind.BodyKey => BodyKey(context.Body["key"], apiKey),
        _ => null,
    };

    private static (string, string)? Scheme(string? header, string scheme, string apiKey)
    {
        var problem = header switch
        {
            null or "" => $"is missing: the vendor wants 'Authorization: {scheme} <API key>'",
            _ when !header.StartsWith(scheme + " ", StringComparison.OrdinalIgnoreCase) => $"must use the {scheme} scheme",
            _ when header[(scheme.Length + 1)..].Trim() != apiKey => "carries a key that is not the fake's API key",
            _ => null,
        };
        return problem is null ? null : ("header Authorization", problem);
    }

    private static (string, string)? BodyKey(JsonNode? member, string apiKey)
    {
        var key = member is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var problem = key switch
        {
            null or "" => "is missing: ModelsLab takes the API key as the body's key member",
            _ when key != apiKey => "is not the fake's API key",
            _ => null,
        };
        return problem is null ? null : ("$.key", problem);
    }
}
