using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// Members that must be objects: Microsoft.OpenApi keeps a media type, path, response or component that is not one as
// null, on which every later step would fail.
internal static partial class KeywordValues
{
    // Maps of named objects: a member named "content" in one of them is an object of that map, not a map of media types.
    private static readonly HashSet<string> s_componentMaps = new(StringComparer.Ordinal)
    {
        "responses", "requestBodies", "headers", "parameters", "callbacks", "pathItems", "links", "examples", "securitySchemes", "schemas",
    };

    /// <summary>
    /// A media type, path, response or component that is no object (a list, a string, a YAML null, a document cut
    /// short): Microsoft.OpenApi keeps it as null, on which every later step would fail. Left out, at its line.
    /// </summary>
    // Only the Paths and Responses objects take extensions among their members; in the other maps (components, media
    // types) an "x-" key is a name like any other, and Microsoft.OpenApi reads its value as the object (mutant 7200:
    // a parameter component 'x-order: 5', a NullReferenceException in DocumentWalk).
    private static void CheckMembersAreObjects(JsonObject map, string pointer, string what, Action<KeywordFinding> report)
    {
        var takesExtensions = what is "path" or "response";
        foreach (var pair in map.ToList())
        {
            if (pair.Value is not JsonObject && !(takesExtensions && pair.Key.StartsWith("x-", StringComparison.Ordinal)))
            {
                report(new KeywordFinding(pointer + "/" + Escape(pair.Key), $"the {what} '{pair.Key}' is {Show(pair.Value)}, not an object; left out", FindingKind.LeftOut, AtKey: pair.Value is null));
                map.Remove(pair.Key);
            }
        }
    }
}
