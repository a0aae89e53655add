using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// 3.0's <c>nullable: true</c> where no <c>type</c> stands beside it, which Microsoft.OpenApi drops (nullability is a
/// flag of its type), read as its authors mean it. Two forms:
/// <list type="bullet">
/// <item>A <c>oneOf</c>/<c>anyOf</c> branch or an <c>allOf</c> part written <c>{nullable: true}</c> and nothing else:
/// how schemars (Rust: Qdrant's 255 optional members) and others write <c>Option&lt;T&gt;</c>, <c>anyOf: [T, {nullable:
/// true}]</c>. Its obvious reading is "T or null", as <c>{type: 'null'}</c> is in 3.1. Dropped, the branch is <c>{}</c>,
/// any JSON value: each became a union of T and a JSON element, and a default that fits T did not fit the union
/// (OAG010); an <c>allOf</c> part made a subclass of T that never holds null.</item>
/// <item><c>nullable: true</c> beside an <c>allOf</c>, <c>oneOf</c> or <c>anyOf</c>: how Swashbuckle (ASP.NET Core) and
/// NSwag write a nullable reference, <c>{nullable: true, allOf: [{$ref: T}]}</c>. Dropped, a required member of that
/// schema was a non-nullable T, and a null on the wire an error.</item>
/// </list>
/// Found here in the spec's own JSON, before Building asks <see cref="SchemaFacts.IsNullOnly"/> and
/// <see cref="SchemaFacts.AllowsNull"/> of the schemas.
/// </summary>
/// <remarks>
/// Strictly (3.0.3), <c>nullable</c> without <c>type</c> adds nothing, so <c>{nullable: true}</c> allows any value
/// and <c>{nullable: true, allOf: [T]}</c> no null; no author means that, and the tools that write such specs read it
/// as nullable. A bare <c>{}</c> branch is still any value. Beside a 3.0 <c>$ref</c> every keyword is ignored, as the
/// version says.
/// </remarks>
internal static class TypelessNullable
{
    // Weak keys, as SchemaFacts' targets: an entry lives as long as its document.
    private static readonly ConditionalWeakTable<IOpenApiSchema, object> s_nullOnly = new();
    private static readonly ConditionalWeakTable<IOpenApiSchema, object> s_nullable = new();
    private static readonly object s_mark = new();

    // Keywords that say nothing about which values a schema allows: a branch with only these beside nullable says "null".
    private static readonly HashSet<string> s_annotations = new(StringComparer.Ordinal)
    {
        "nullable", "description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs", "$comment",
    };

    private static readonly string[] s_compositions = ["anyOf", "oneOf", "allOf"];

    // Values that are data, not OpenAPI objects: an "anyOf" member inside them is the data's own.
    private static readonly HashSet<string> s_dataKeywords = new(StringComparer.Ordinal) { "example", "examples", "value", "default", "enum", "const" };

    /// <summary>Whether the schema is a branch or part that says only <c>nullable: true</c> (marked by <see cref="Mark"/>).</summary>
    public static bool IsNullOnly(IOpenApiSchema schema) => s_nullOnly.TryGetValue(schema, out _);

    /// <summary>Whether the schema's <c>nullable: true</c> stands beside a composition and no <c>type</c>, or one of its <c>allOf</c> parts says only that.</summary>
    public static bool MakesNullable(IOpenApiSchema schema) => s_nullable.TryGetValue(schema, out _);

    /// <summary>Finds every such schema in the spec's JSON and marks the schema Microsoft.OpenApi made of it.</summary>
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

            var partSaysNull = false;
            foreach (var keyword in s_compositions)
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
                        _ = s_nullOnly.GetValue(schema, static _ => s_mark);
                        partSaysNull |= keyword == "allOf";
                    }
                }
            }

            if ((partSaysNull || IsNullableComposition(obj)) && SchemaReferences.Find(spec.Document, pointer) is { } composed && composed is not OpenApiSchemaReference)
            {
                _ = s_nullable.GetValue(composed, static _ => s_mark);
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

    // nullable: true beside a composition and no type (nor a $ref, beside which 3.0 ignores every keyword).
    private static bool IsNullableComposition(JsonObject obj)
        => obj["nullable"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True
           && !obj.ContainsKey("type") && !obj.ContainsKey("$ref")
           && Array.Exists(s_compositions, keyword => obj[keyword] is JsonArray { Count: > 0 });

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
