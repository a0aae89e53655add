using System.Text.Json.Nodes;
using CsCheck;

namespace OpenApiGen.Fuzz.Seeds;

/// <summary>
/// A few paths (or components) of a large spec and everything they reference, as a document of its own. Mutating a
/// slice finds what mutating the whole finds, at a fraction of the cost of generating and compiling Discord's 539
/// schemas per mutant; whole specs are built by .ci/run's corpus step.
/// </summary>
internal static class Slicer
{
    public static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    // Kept whole in every slice: small, and the reading of everything else depends on them.
    private static readonly string[] s_documentKeys = ["openapi", "info", "servers", "security", "jsonSchemaDialect", "externalDocs"];

    public static JsonObject Slice(JsonObject root, PCG random)
    {
        var slice = new JsonObject();
        foreach (var key in s_documentKeys.Where(root.ContainsKey))
        {
            slice[key] = root[key]?.DeepClone();
        }

        var wanted = new Queue<string[]>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (root["components"] is JsonObject { } components && components["securitySchemes"] is JsonObject)
        {
            wanted.Enqueue(["components", "securitySchemes"]);
        }

        var paths = (root["paths"] as JsonObject)?.Select(static p => p.Key).ToList() ?? [];
        var schemas = (root["components"]?["schemas"] as JsonObject)?.Select(static p => p.Key).ToList() ?? [];
        if (paths.Count > 0 && random.Next(5) != 0)
        {
            for (var i = 0; i < 1 + (int)random.Next(4); i++)
            {
                wanted.Enqueue(["paths", paths[(int)random.Next((uint)paths.Count)]]);
            }
        }
        else if (schemas.Count > 0)
        {
            for (var i = 0; i < 1 + (int)random.Next(6); i++)
            {
                wanted.Enqueue(["components", "schemas", schemas[(int)random.Next((uint)schemas.Count)]]);
            }
        }

        while (wanted.TryDequeue(out var segments))
        {
            if (!taken.Add(string.Join('\u0001', segments)) || Find(root, segments) is not { } node)
            {
                continue;
            }

            Place(slice, segments, node.DeepClone());
            foreach (var reference in References(node))
            {
                if (Unit(reference) is { } unit)
                {
                    wanted.Enqueue(unit);
                }
            }
        }

        if (!slice.ContainsKey("paths"))
        {
            slice["paths"] = new JsonObject();
        }

        return slice;
    }

    /// <summary>Every local <c>$ref</c> under a node, as pointer segments.</summary>
    public static IEnumerable<string[]> References(JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.TryPop(out var current))
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref" && value is JsonValue text && text.TryGetValue<string>(out var reference) && reference.StartsWith("#/", StringComparison.Ordinal))
                        {
                            yield return Pointer.Parse(reference.Substring(1));
                        }
                        else if (key == "mapping" && value is JsonObject mapping)
                        {
                            foreach (var target in mapping.Select(static m => m.Value).OfType<JsonValue>())
                            {
                                if (target.TryGetValue<string>(out var mapped) && mapped.StartsWith("#/", StringComparison.Ordinal))
                                {
                                    yield return Pointer.Parse(mapped.Substring(1));
                                }
                            }
                        }
                        else if (value is not null)
                        {
                            stack.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push(item);
                        }
                    }

                    break;
            }
        }
    }

    // The unit a reference needs whole: a component entry, a path item, or a top-level member.
    private static string[]? Unit(string[] segments) => segments switch
    {
        ["components", var kind, var name, ..] => ["components", kind, name],
        ["paths", var path, ..] => ["paths", path],
        ["webhooks", var hook, ..] => ["webhooks", hook],
        [var top, ..] => [top],
        _ => null,
    };

    private static JsonNode? Find(JsonNode root, string[] segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static void Place(JsonObject slice, string[] segments, JsonNode node)
    {
        var parent = slice;
        foreach (var segment in segments.Take(segments.Length - 1))
        {
            if (parent[segment] is not JsonObject child)
            {
                child = new JsonObject();
                parent[segment] = child;
            }

            parent = child;
        }

        parent[segments[^1]] = node;
    }
}
