using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenApiGen.Reading;

/// <summary>
/// Where Microsoft.OpenApi is wrong about a valid document: what is rewritten before it reads the spec, and which of
/// its errors are dropped after. Each case is one it gets wrong on documents the OpenAPI specification allows.
/// </summary>
internal static class ReaderWorkarounds
{
    // Schema keywords whose value is one schema, a list of schemas, or a map of names to schemas (JSON Schema 2020-12).
    private static readonly HashSet<string> s_schemaKeywords = new(StringComparer.Ordinal)
    {
        "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "contentSchema",
    };

    private static readonly HashSet<string> s_schemaListKeywords = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    private static readonly HashSet<string> s_schemaMapKeywords = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions",
    };

    /// <summary>
    /// OpenAPI 3.1 schemas are JSON Schema 2020-12, where a schema may be a boolean: true accepts anything, false
    /// nothing. Microsoft.OpenApi reads a boolean in a map of schemas (properties, components/schemas, $defs) as a null
    /// schema and then fails on it with a NullReferenceException, so each boolean schema becomes the object that means
    /// the same: {} for true, {"not": {}} for false. additionalProperties and unevaluatedProperties keep their
    /// booleans, which Microsoft.OpenApi reads itself.
    /// </summary>
    public static void ReplaceBooleanSchemas(JsonObject root)
    {
        if (root["components"] is JsonObject components && components["schemas"] is JsonObject schemas)
        {
            ReplaceInMap(schemas);
        }

        WalkDocument(root, null, null);
    }

    /// <summary>
    /// 3.0's <c>nullable: true</c> in a 3.1 (or later) document, where it is no keyword and Microsoft.OpenApi ignores
    /// it, so a member the author made nullable was generated as one that never is (30 places in Replicate's API spec,
    /// whose overlay fixed the prediction's required <c>error</c> by hand). Read as 3.0 defines it: <c>"null"</c> added to the schema's <c>type</c>, each
    /// place reported (OAG013). As in 3.0, <c>nullable</c> beside no <c>type</c> adds nothing (a branch that says only
    /// <c>nullable: true</c> is Building's: TypelessNullable); <c>nullable: false</c> says nothing.
    /// </summary>
    public static void ReadLegacyNullable(JsonObject root, Action<KeywordFinding> report)
    {
        if (root["openapi"] is not JsonValue version || !version.TryGetValue<string>(out var text)
            || !text.StartsWith("3.", StringComparison.Ordinal) || text.StartsWith("3.0", StringComparison.Ordinal))
        {
            return;
        }

        // An explicit stack: the document may nest as deep as the reader allows. IsSchema: the node is a schema.
        // Each node's children are pushed last first, so the places are reported in the document's order.
        var stack = new Stack<(JsonNode Node, string Pointer, bool IsSchema)>();
        var children = new List<(JsonNode? Node, string Pointer, bool IsSchema)>();
        stack.Push((root, string.Empty, false));
        while (stack.Count > 0)
        {
            var (node, pointer, isSchema) = stack.Pop();
            children.Clear();
            if (isSchema && node is JsonObject schema)
            {
                AddNull(schema, pointer, text, report);
                SchemaChildren(schema, pointer, children);
            }
            else if (!isSchema)
            {
                DocumentChildren(node, pointer, children);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].Node is { } child)
                {
                    stack.Push((child, children[i].Pointer, children[i].IsSchema));
                }
            }
        }
    }

    // Outside schemas: every "schema" member, and each component schema, is a schema; data values and extensions are not walked.
    private static void DocumentChildren(JsonNode node, string pointer, List<(JsonNode?, string, bool)> children)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                children.Add((array[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), false));
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var pair in obj)
            {
                var at = pointer + "/" + SourceMap.EscapeToken(pair.Key);
                if (pair.Key == "schema" || pointer == "/components/schemas")
                {
                    children.Add((pair.Value, at, true));
                }
                else if (!DataMembers.IsData(pair.Key, pointer) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    children.Add((pair.Value, at, false));
                }
            }
        }
    }

    private static void SchemaChildren(JsonObject schema, string pointer, List<(JsonNode?, string, bool)> children)
    {
        foreach (var pair in schema)
        {
            var at = pointer + "/" + SourceMap.EscapeToken(pair.Key);
            if (s_schemaKeywords.Contains(pair.Key) || pair.Key is "additionalProperties" or "unevaluatedProperties")
            {
                children.Add((pair.Value, at, true));
            }
            else if (s_schemaListKeywords.Contains(pair.Key) && pair.Value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    children.Add((list[i], at + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), true));
                }
            }
            else if (s_schemaMapKeywords.Contains(pair.Key) && pair.Value is JsonObject map)
            {
                foreach (var member in map)
                {
                    children.Add((member.Value, at + "/" + SourceMap.EscapeToken(member.Key), true));
                }
            }
        }
    }

    // type: T beside nullable: true becomes type: [T, "null"]; a list of types gets "null" added.
    private static void AddNull(JsonObject schema, string pointer, string version, Action<KeywordFinding> report)
    {
        if (schema["nullable"] is not JsonValue flag || flag.GetValueKind() != JsonValueKind.True)
        {
            return;
        }

        var types = schema["type"] switch
        {
            JsonValue single when single.TryGetValue<string>(out var name) => new[] { name },
            JsonArray list when list.All(static t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String) => list.Select(static t => t!.GetValue<string>()).ToArray(),
            _ => null,
        };
        if (types is null || types.Length == 0 || types.Contains("null"))
        {
            return;
        }

        var written = string.Join(", ", types.Select(static t => "\"" + t + "\""));
        report(new KeywordFinding(pointer + "/nullable", $"'nullable: true' is OpenAPI 3.0's, not a keyword of {version}; read as 3.0 reads it, the type [{written}, \"null\"]", FindingKind.Reading));
        schema["type"] = new JsonArray(types.Append("null").Select(static t => (JsonNode?)JsonValue.Create(t)).ToArray());
    }

    /// <summary>
    /// Errors and warnings Microsoft.OpenApi's validation reports for what the OpenAPI specification allows: a server
    /// variable whose default is the empty string (it takes "" for missing), a 3.1 operation without 'responses', which
    /// 3.1 made optional (it checks the empty object it puts in its place), and a schema reference into a schema or a
    /// path (<c>#/components/schemas/Outer/properties/inner</c>), which it cannot follow but the generator does
    /// (Building/SchemaReferences.cs; a discriminator's mapping into a path is reported there), and a discriminator whose
    /// property the schema does not list as required.
    /// </summary>
    public static bool IsFalseAlarm(JsonObject root, OpenApiError error)
    {
        if (error.Pointer is not { Length: > 0 } pointer)
        {
            return false;
        }

        if (error.Message.IndexOf("does not point to an existing schema", StringComparison.Ordinal) >= 0)
        {
            return LeadsToSchema(root, pointer);
        }

        // OpenAPI asks that the discriminator's property be present in the payload, not that the schema list it as
        // required (3.1: "SHOULD be required"); most large real specs leave it out.
        if (error.Message.IndexOf("must contain property specified in the discriminator", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (SourceMap.ParsePointer(pointer) is not { Count: > 0 } segments)
        {
            return false;
        }

        var last = segments.Count - 1;
        if (segments.Count >= 5 && segments[last] == "default" && segments[last - 2] == "variables" && segments[last - 4] == "servers")
        {
            return SourceMap.TryFind(root, pointer, out var value) && value is JsonValue defaultValue && defaultValue.TryGetValue<string>(out _);
        }

        if (segments[last] == "responses"
            && root["openapi"] is JsonValue version && version.TryGetValue<string>(out var text)
            && text.StartsWith("3.1", StringComparison.Ordinal))
        {
            var operation = pointer.Substring(0, pointer.Length - "/responses".Length);
            return !SourceMap.TryFind(root, pointer, out _) && SourceMap.TryFind(root, operation, out var node) && node is JsonObject;
        }

        return false;
    }

    /// <summary>
    /// Errors Microsoft.OpenApi's validation reports for what is the spec's fault but has one obvious reading, so the
    /// generated code is what the author meant; they are passed on as information (OAG013) with that reading. Two
    /// path templates of one signature (<c>/a/{id}</c> beside <c>/a/{key}</c>, which OpenAPI forbids) are still two
    /// operations a client can call; an operation whose <c>responses</c> is empty or missing (3.0 wants at least one)
    /// documents no answer, so its method returns <c>Task</c>, as for 3.1, where <c>responses</c> is optional.
    /// </summary>
    /// <returns>The reading, as a sentence for the diagnostic; null when the error stands.</returns>
    public static string? ObviousReading(OpenApiError error)
    {
        if (error.Message.IndexOf("path signature", StringComparison.Ordinal) >= 0 && error.Message.IndexOf("MUST be unique", StringComparison.Ordinal) >= 0)
        {
            return "Each path is generated as written.";
        }

        return error.Message.IndexOf("Responses must contain at least one response", StringComparison.Ordinal) >= 0
               || error.Message.IndexOf("The field 'responses' in 'operation' object is REQUIRED", StringComparison.Ordinal) >= 0
            ? "Read as an operation that documents no response."
            : null;
    }

    // The warning points at the reference (or its "$ref"; for a discriminator's mapping, at a "$ref" the mapping's
    // string does not have); the reference is sound when its own text, as written, leads to an object in this
    // document, through the references on its way (a response that is itself a $ref to another), as Building follows it.
    private static bool LeadsToSchema(JsonObject root, string pointer)
    {
        if (!SourceMap.TryFind(root, pointer, out var node)
            && !(pointer.EndsWith("/$ref", StringComparison.Ordinal) && SourceMap.TryFind(root, pointer.Substring(0, pointer.Length - "/$ref".Length), out node)))
        {
            return false;
        }

        var text = node is JsonObject reference ? reference["$ref"] : node;
        return text is JsonValue value && value.TryGetValue<string>(out var written) && written.StartsWith("#", StringComparison.Ordinal)
            && FindThroughReferences(root, written) is JsonObject;
    }

    // Bounded: a cycle of references leads nowhere.
    private const int MaxReferencesFollowed = 32;

    private static JsonNode? FindThroughReferences(JsonObject root, string pointer)
    {
        if (SourceMap.ParsePointer(pointer) is not { } segments)
        {
            return null;
        }

        JsonNode? node = root;
        var followed = 0;
        foreach (var segment in segments)
        {
            // A member missing where the object is a local reference is the member of what it refers to.
            while (node is JsonObject obj && !obj.ContainsKey(segment) && obj["$ref"] is JsonValue next && next.TryGetValue<string>(out var target)
                   && target.StartsWith("#", StringComparison.Ordinal) && followed++ < MaxReferencesFollowed)
            {
                SourceMap.TryFind(root, target, out node);
            }

            if (!SourceMap.TryFind(node, "/" + SourceMap.EscapeToken(segment), out node))
            {
                return null;
            }
        }

        return node;
    }

    // Outside schemas: every "schema" (parameters, headers, media types) is one; data values and extensions are left
    // alone. key and parentKey say where node sits (an array's items sit where the array does), as DataMembers needs.
    private static void WalkDocument(JsonNode? node, string? key, string? parentKey)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj.ToList())
                {
                    if (pair.Key == "schema")
                    {
                        WalkSchema(Replace(obj, pair.Key, pair.Value));
                    }
                    else if (!DataMembers.IsData(pair.Key, key, parentKey) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        WalkDocument(pair.Value, pair.Key, key);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WalkDocument(item, key, parentKey);
                }

                break;
        }
    }

    private static void WalkSchema(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        foreach (var pair in schema.ToList())
        {
            if (s_schemaKeywords.Contains(pair.Key))
            {
                WalkSchema(Replace(schema, pair.Key, pair.Value));
            }
            else if (s_schemaListKeywords.Contains(pair.Key) && pair.Value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (Replacement(list[i]) is { } replacement)
                    {
                        list[i] = replacement;
                    }

                    WalkSchema(list[i]);
                }
            }
            else if (s_schemaMapKeywords.Contains(pair.Key) && pair.Value is JsonObject map)
            {
                ReplaceInMap(map);
            }
            else if (pair.Key is "additionalProperties" or "unevaluatedProperties")
            {
                WalkSchema(pair.Value);
            }
        }
    }

    private static void ReplaceInMap(JsonObject map)
    {
        foreach (var pair in map.ToList())
        {
            WalkSchema(Replace(map, pair.Key, pair.Value));
        }
    }

    private static JsonNode? Replace(JsonObject parent, string key, JsonNode? node)
    {
        if (Replacement(node) is not { } replacement)
        {
            return node;
        }

        parent[key] = replacement;
        return replacement;
    }

    // The object a boolean schema means, or null when the node is not a boolean.
    private static JsonObject? Replacement(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        var kind = value.GetValueKind();
        return kind == JsonValueKind.True ? new JsonObject() : kind == JsonValueKind.False ? new JsonObject { ["not"] = new JsonObject() } : null;
    }
}
