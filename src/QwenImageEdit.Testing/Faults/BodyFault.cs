using System.Text;

namespace QwenImageEdit.Testing;

/// <summary>Spoils a body the way broken proxies and dropped streams do, keeping status and content type.</summary>
internal sealed class BodyFault(bool truncate) : Fault
{
    internal override ValueTask<FakeResponse> AfterProcessingAsync(FakeResponse response, OperationContext context)
    {
        var body = response.Body;
        if (truncate)
        {
            return ValueTask.FromResult(response.WithBody(body[..(body.Length / 2)]));
        }

        // '=' for the first ':' breaks every JSON reader, lenient ones included (trailing commas and comments are
        // accepted by some); a body without ':' (a PNG, an array) is replaced outright.
        var text = Encoding.UTF8.GetString(body);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var spoiled = response.IsJson && colon >= 0 ? string.Concat(text.AsSpan(0, colon), "=", text.AsSpan(colon + 1)) : "{\"status\"=";
        return ValueTask.FromResult(response.WithBody(Encoding.UTF8.GetBytes(spoiled)));
    }

    public override string ToString() => truncate ? "TruncatedJson" : "MalformedJson";
}
