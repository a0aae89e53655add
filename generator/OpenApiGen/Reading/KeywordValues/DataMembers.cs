using System;
using System.Collections.Generic;

namespace OpenApiGen.Reading;

// The keywords whose values are data (an example, a default, enum values): a "schema" or "$ref" inside them belongs
// to the data and is no OpenAPI object. The same words are plain names where a map is keyed by name: a response named
// "default", a property named "example", a component named "value". Every walk over the raw document asks here, so
// none skips a "default" response that another checks (a "$ref: '#/'" there reached Microsoft.OpenApi, which threw).
internal static class DataMembers
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal) { "example", "examples", "value", "default", "enum", "const" };

    // Maps whose keys are names the spec chose, outside and inside schemas.
    private static readonly HashSet<string> s_namedMaps = new(StringComparer.Ordinal)
    {
        "responses", "callbacks", "links", "headers", "encoding", "variables", "content",
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions",
    };

    /// <summary>Whether the member <paramref name="key"/> of an object holds data rather than OpenAPI objects.</summary>
    /// <param name="key">The member's key.</param>
    /// <param name="holderKey">The key under which the object holding the member sits; null at the document's root.</param>
    /// <param name="holderParentKey">The key above that one.</param>
    public static bool IsData(string key, string? holderKey, string? holderParentKey)
        => s_keywords.Contains(key) && holderKey is not null && !s_namedMaps.Contains(holderKey) && holderParentKey != "components";

    /// <summary>The same, for a member of the object at the JSON pointer <paramref name="holderPointer"/>.</summary>
    public static bool IsData(string key, string holderPointer)
    {
        if (!s_keywords.Contains(key) || holderPointer.Length == 0)
        {
            return false;
        }

        var last = holderPointer.LastIndexOf('/');
        var before = last > 0 ? holderPointer.LastIndexOf('/', last - 1) : -1;
        return IsData(key, holderPointer.Substring(last + 1), before < 0 ? null : holderPointer.Substring(before + 1, last - before - 1));
    }
}
