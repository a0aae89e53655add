using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// References checked over the whole document once the schemas are read: chains, cycles, and pointers that lead to no schema.
internal static partial class KeywordValues
{
    /// <summary>
    /// References that lead only to references: a cycle of them (<c>A: {$ref: B}</c>, <c>B: {$ref: A}</c>, a property
    /// that is its own reference) has no schema at its end, and Microsoft.OpenApi throws on it; a chain longer than
    /// <see cref="MaxSchemaDepth"/> is followed by recursion later. Either is cut at the reference that closes or
    /// passes the budget (OAG005), which then stands for any value.
    /// </summary>
    private static void CheckReferenceChains(JsonObject root, Action<KeywordFinding> report)
    {
        var references = new List<(JsonObject Holder, string Pointer)>();
        var stack = new Stack<(JsonNode Node, string Pointer)>();
        stack.Push((root, string.Empty));
        while (stack.Count > 0)
        {
            var (node, pointer) = stack.Pop();
            if (node is JsonObject obj)
            {
                // Any reference, not only a schema's (a response's, a parameter's): Microsoft.OpenApi throws on one that
                // is empty or no URI, and on a local one whose last segment, which it takes for a component's name, is
                // empty or only white space ('#/components/schemas/', '#/', '#', '#/components/schemas/ ': ArgumentNullException
                // for "referenceId").
                if (obj["$ref"] is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is var written
                    && (written.Trim().Length == 0 || !Uri.TryCreate(written, UriKind.RelativeOrAbsolute, out _)
                        || (written[0] == '#' && written.Substring(Math.Max(written.LastIndexOf('/'), 0) + 1).Trim().Length == 0)))
                {
                    report(new KeywordFinding(pointer + "/$ref", written, FindingKind.UnresolvedReference));
                    obj.Remove("$ref");
                }
                else if (LocalReference(obj) is { } local && LeadsToSchemaContainer(local))
                {
                    // '#/components/schemas/A/properties' is the map of A's properties, no schema: Microsoft.OpenApi's
                    // walk into a component's subschemas reads past the end of the pointer and throws.
                    report(new KeywordFinding(pointer + "/$ref", local, FindingKind.UnresolvedReference));
                    obj.Remove("$ref");
                }

                if (LocalReference(obj) is not null)
                {
                    references.Add((obj, pointer));
                }

                foreach (var pair in obj)
                {
                    if (pair.Value is not null && !DataMembers.IsData(pair.Key, pointer) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        stack.Push((pair.Value, pointer + "/" + Escape(pair.Key)));
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        var pointers = new Dictionary<JsonObject, string>(SameNode.Instance);
        foreach (var (holder, pointer) in references)
        {
            pointers[holder] = pointer;
        }

        // How many references follow from each holder before a schema: each chain is walked once, and assigned from
        // its end, where a cycle closes or a run of the budget's length ends the reference is cut.
        var length = new Dictionary<JsonObject, int>(SameNode.Instance);
        foreach (var (holder, _) in references)
        {
            var path = new List<JsonObject>();
            var onPath = new HashSet<JsonObject>(SameNode.Instance);
            var current = holder;
            var end = 0;
            while (true)
            {
                if (length.TryGetValue(current, out var known))
                {
                    end = known;
                    break;
                }

                path.Add(current);
                onPath.Add(current);
                if (LocalReference(current) is not { } target || !SourceMap.TryFind(root, target, out var next) || next is not JsonObject nextObject)
                {
                    end = -1;
                    break;
                }

                if (onPath.Contains(nextObject))
                {
                    report(new KeywordFinding(PointerOf(current) + "/$ref", "A $ref cycle that passes through no schema", FindingKind.Unsupported));
                    current.Remove("$ref");
                    end = -1;
                    break;
                }

                current = nextObject;
            }

            // The last node on the path is a schema (-1: no reference of its own) or a node already measured.
            for (var i = path.Count - 1; i >= 0; i--)
            {
                if (length.ContainsKey(path[i]))
                {
                    continue;
                }

                var count = LocalReference(path[i]) is null ? 0 : end + 1;
                if (count > MaxSchemaDepth)
                {
                    report(new KeywordFinding(PointerOf(path[i]) + "/$ref", $"A chain of more than {MaxSchemaDepth} references", FindingKind.Unsupported));
                    path[i].Remove("$ref");
                    count = 0;
                }

                length[path[i]] = count;
                end = count;
            }
        }

        string PointerOf(JsonObject node) => pointers.TryGetValue(node, out var at) ? at : string.Empty;
    }

    // Keywords whose value holds schemas by name or by index, not a schema: a pointer that ends on one leads to no schema.
    private static readonly HashSet<string> s_schemaContainers = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    /// <summary>Whether a pointer into a component schema ends on a keyword that holds schemas (<c>.../properties</c>) rather than on a schema.</summary>
    private static bool LeadsToSchemaContainer(string reference)
    {
        const string components = "#/components/schemas/";
        if (!reference.StartsWith(components, StringComparison.Ordinal))
        {
            return false;
        }

        // The component's name, then keywords, each container keyword followed by a name or an index.
        var tokens = reference.Substring(components.Length).Split('/');
        var i = 1;
        while (i < tokens.Length)
        {
            if (s_schemaContainers.Contains(tokens[i]))
            {
                if (i == tokens.Length - 1)
                {
                    return true;
                }

                i += 2;
            }
            else
            {
                i++;
            }
        }

        return false;
    }

    private static string? LocalReference(JsonObject obj)
        => obj["$ref"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text && text[0] == '#' ? text : null;

    private sealed class SameNode : IEqualityComparer<JsonObject>
    {
        public static readonly SameNode Instance = new();

        public bool Equals(JsonObject? x, JsonObject? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonObject obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
