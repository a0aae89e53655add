using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// The <c>oneOf</c>/<c>anyOf</c> branches written <c>{nullable: true}</c> and nothing else: how schemars (Rust: Qdrant's
/// 255 optional members) and others write <c>Option&lt;T&gt;</c> in 3.0, <c>anyOf: [T, {nullable: true}]</c>. Its
/// obvious reading is "T or null", as <c>{type: 'null'}</c> is in 3.1. Microsoft.OpenApi drops <c>nullable</c> when no
/// <c>type</c> stands beside it, so the branch it keeps is <c>{}</c>, any JSON value: each became a union of T and a
/// JSON element (a type and a converter a member), and a default that fits T did not fit the union (OAG010). Found
/// here in the spec's own JSON, before Building asks <see cref="SchemaFacts.IsNullOnly"/> of the branches.
/// </summary>
/// <remarks>
/// Strictly (3.0.3), <c>nullable</c> without <c>type</c> adds nothing, so <c>{nullable: true}</c> allows any value;
/// beside another branch no author means that. A bare <c>{}</c> branch is still any value.
/// </remarks>
internal static class NullOnlyBranches
{
    // Weak keys, as SchemaFacts' targets: an entry lives as long as its document.
    private static readonly ConditionalWeakTable<IOpenApiSchema, object> s_marked = new();
    private static readonly object s_mark = new();

    // Keywords that say nothing about which values a schema allows: a branch with only these beside nullable says "null".
    private static readonly HashSet<string> s_annotations = new(StringComparer.Ordinal)
    {
        "nullable", "description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs", "$comment",
    };

    // Values that are data, not OpenAPI objects: an "anyOf" member inside them is the data's own.
    private static readonly HashSet<string> s_dataKeywords = new(StringComparer.Ordinal) { "example", "examples", "value", "default", "enum", "const" };

    /// <summary>Whether the schema is such a branch (marked by <see cref="Mark"/>).</summary>
    public static bool Contains(IOpenApiSchema schema) => s_marked.TryGetValue(schema, out _);

    /// <summary>Finds every such branch in the spec's JSON and marks the schema Microsoft.OpenApi made of it.</summary>
    public static void Mark(ReadSpec spec)
    {
        // An explicit stack: the document may nest as deep as the reader allows.
        var stack = new Stack<(JsonNode Node, string Pointer)>();
        stack.Push((spec.Root, string.Empty));
        while (stack.Count > 0)
        {
            var (node, pointer) = stack.Pop();
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push((item, pointer + "/" + i));
                    }
                }

                continue;
            }

            if (node is not JsonObject obj)
            {
                continue;
            }

            foreach (var keyword in new[] { "anyOf", "oneOf" })
            {
                if (obj[keyword] is not JsonArray branches)
                {
                    continue;
                }

                for (var i = 0; i < branches.Count; i++)
                {
                    var at = pointer + "/" + keyword + "/" + i;
                    if (IsNullableOnly(branches[i]) && SchemaReferences.Find(spec.Document, at) is { } schema && schema is not OpenApiSchemaReference)
                    {
                        _ = s_marked.GetValue(schema, static _ => s_mark);
                    }
                }
            }

            foreach (var pair in obj)
            {
                if (pair.Value is not null && !s_dataKeywords.Contains(pair.Key) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    stack.Push((pair.Value, pointer + "/" + SchemaFacts.Escape(pair.Key)));
                }
            }
        }
    }

    private static bool IsNullableOnly(JsonNode? branch)
    {
        if (branch is not JsonObject obj || obj["nullable"] is not JsonValue flag || flag.GetValueKind() != JsonValueKind.True)
        {
            return false;
        }

        foreach (var pair in obj)
        {
            if (!s_annotations.Contains(pair.Key) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
