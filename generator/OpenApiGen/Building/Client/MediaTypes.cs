using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>What a media type says about a body: JSON, XML, a form, text or bytes, and which of several to use.</summary>
internal static class MediaTypes
{
    public static bool IsJson(string mediaType)
    {
        var type = Essence(mediaType).ToLowerInvariant();
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*" || type == "application/*";
    }

    public static bool IsXml(string mediaType)
    {
        var type = Essence(mediaType).ToLowerInvariant();
        return type is "application/xml" or "text/xml" || type.EndsWith("+xml", StringComparison.Ordinal);
    }

    public static bool IsWildcard(string mediaType)
    {
        var type = Essence(mediaType);
        return type == "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An HTML form's body (<c>application/x-www-form-urlencoded</c>).</summary>
    public static bool IsForm(string mediaType) => Essence(mediaType).Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Server-sent events (<c>text/event-stream</c>).</summary>
    public static bool IsEventStream(string mediaType) => Essence(mediaType).Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    public static BodyKind KindOf(string mediaType, IOpenApiSchema? schema)
    {
        var type = Essence(mediaType).ToLowerInvariant();
        if (IsJson(type))
        {
            // A wildcard says nothing of the body's form; a binary string schema says it is bytes (springdoc writes
            // every response as */*, file downloads included).
            return IsWildcard(type) && schema?.Format == "binary" ? BodyKind.Binary : BodyKind.Json;
        }

        if (type.StartsWith("multipart/", StringComparison.Ordinal) || type == "application/x-www-form-urlencoded")
        {
            return BodyKind.Content;
        }

        if (type.StartsWith("text/", StringComparison.Ordinal) && schema?.Format is not "binary")
        {
            return BodyKind.Text;
        }

        return BodyKind.Binary;
    }

    /// <summary>JSON first, as the most useful to type (a named JSON type before a wildcard); then whatever the spec lists first.</summary>
    public static (string MediaType, IOpenApiMediaType Media) Pick(IDictionary<string, IOpenApiMediaType> content)
    {
        foreach (var pair in content.Where(static p => IsJson(p.Key) && !IsWildcard(p.Key)).Concat(content.Where(static p => IsJson(p.Key) && IsWildcard(p.Key))))
        {
            if (KindOf(pair.Key, pair.Value.Schema) == BodyKind.Json)
            {
                return (pair.Key, pair.Value);
            }
        }

        var first = content.First();
        return (first.Key, first.Value);
    }

    private static string Essence(string mediaType) => mediaType.Split(';')[0].Trim();
}
