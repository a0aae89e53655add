using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using NSwag;

namespace Differential.Tests.Infrastructure;

/// <summary>
/// Two requests compared as a server sees them: method, URL (query as a set of name/value pairs), headers, and the
/// body as JSON (structurally; null and absent differ on the wire), as multipart parts, or as bytes. Left out, with
/// their reason: the credentials (NSwag's clients do not implement security schemes; they leave them to the caller's
/// HttpClient, and OpenApiGen.Tests checks ours send them), and Content-Length (framing, not content: the same bytes
/// are sent with or without it). A multipart body's boundary is random: its media type and its parts are compared.
/// </summary>
internal static class RequestCompare
{
    public static List<string> Differences(RecordedRequest ours, RecordedRequest theirs, OpenApiDocument document)
    {
        var (headers, query) = Credentials(document);
        var differences = new List<string>();
        if (ours.Method != theirs.Method)
        {
            differences.Add($"method: {ours.Method} vs {theirs.Method}");
        }

        if (ours.Uri.GetLeftPart(UriPartial.Path) != theirs.Uri.GetLeftPart(UriPartial.Path))
        {
            differences.Add($"url: {ours.Uri.GetLeftPart(UriPartial.Path)} vs {theirs.Uri.GetLeftPart(UriPartial.Path)}");
        }

        var ourQuery = Query(ours.Uri, query);
        var theirQuery = Query(theirs.Uri, query);
        if (ourQuery != theirQuery)
        {
            differences.Add($"query: {ourQuery} vs {theirQuery}");
        }

        foreach (var name in ours.Headers.Concat(theirs.Headers).Select(static h => h.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            if (headers.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A multipart body's boundary is random; its parts are compared below.
            var multipart = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && ours.Parts is not null && theirs.Parts is not null;
            var a = multipart ? ours.MediaType ?? "absent" : Values(ours, name);
            var b = multipart ? theirs.MediaType ?? "absent" : Values(theirs, name);
            if (a != b)
            {
                differences.Add($"header {name}: {a} vs {b}");
            }
        }

        differences.AddRange(Body(ours, theirs));
        return differences;
    }

    private static IEnumerable<string> Body(RecordedRequest ours, RecordedRequest theirs)
    {
        if (ours.Parts is not null || theirs.Parts is not null)
        {
            foreach (var difference in Parts(ours.Parts ?? [], theirs.Parts ?? []))
            {
                yield return difference;
            }

            yield break;
        }

        if (ours.Body.AsSpan().SequenceEqual(theirs.Body))
        {
            yield break;
        }

        if (IsJson(ours.MediaType) && IsJson(theirs.MediaType) && TryParse(ours.Body, out var a) && TryParse(theirs.Body, out var b))
        {
            foreach (var difference in JsonCompare.Differences(a, b, nullIsAbsent: false, "body $"))
            {
                yield return difference;
            }

            yield break;
        }

        yield return $"body: {Excerpt(ours.Body)} vs {Excerpt(theirs.Body)}";
    }

    private static IEnumerable<string> Parts(IReadOnlyList<RecordedPart> ours, IReadOnlyList<RecordedPart> theirs)
    {
        foreach (var name in ours.Select(static p => p.Name).Concat(theirs.Select(static p => p.Name)).Distinct())
        {
            var a = ours.FirstOrDefault(p => p.Name == name);
            var b = theirs.FirstOrDefault(p => p.Name == name);
            if (a is null || b is null)
            {
                yield return $"part {name}: {(a is null ? "absent" : "sent")} vs {(b is null ? "absent" : "sent")}";
                continue;
            }

            if (a.FileName != b.FileName)
            {
                yield return $"part {name} file name: {a.FileName ?? "none"} vs {b.FileName ?? "none"}";
            }

            if (a.MediaType != b.MediaType)
            {
                yield return $"part {name} media type: {a.MediaType ?? "none"} vs {b.MediaType ?? "none"}";
            }

            if (!a.Body.AsSpan().SequenceEqual(b.Body))
            {
                yield return $"part {name}: {Excerpt(a.Body)} vs {Excerpt(b.Body)}";
            }
        }
    }

    /// <summary>The header, query and cookie names that carry a credential in this document.</summary>
    private static (HashSet<string> Headers, HashSet<string> Query) Credentials(OpenApiDocument document)
    {
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var query = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scheme in document.Components.SecuritySchemes.Values)
        {
            switch (scheme.Type, scheme.In)
            {
                case (OpenApiSecuritySchemeType.ApiKey, OpenApiSecurityApiKeyLocation.Header):
                    headers.Add(scheme.Name);
                    break;
                case (OpenApiSecuritySchemeType.ApiKey, OpenApiSecurityApiKeyLocation.Query):
                    query.Add(scheme.Name);
                    break;
                case (OpenApiSecuritySchemeType.ApiKey, _):
                    headers.Add("Cookie");
                    break;
                default:
                    headers.Add("Authorization");
                    break;
            }
        }

        return (headers, query);
    }

    private static string Query(Uri uri, HashSet<string> credentials)
    {
        var pairs = HttpUtility.ParseQueryString(uri.Query);
        var all = pairs.AllKeys.Where(k => k is not null && !credentials.Contains(k))
            .SelectMany(k => pairs.GetValues(k)!.Select(v => $"{k}={v}"))
            .Order(StringComparer.Ordinal);
        return "{" + string.Join(", ", all) + "}";
    }

    private static string Values(RecordedRequest request, string name)
        => string.Join(", ", request.Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(static h => h.Value).Order(StringComparer.Ordinal)) is { Length: > 0 } values ? values : "absent";

    private static bool IsJson(string? mediaType) => mediaType is not null && (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal));

    private static bool TryParse(byte[] body, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(body);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            node = null;
            return false;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 200 ? text[..200] + "..." : text;
    }
}
