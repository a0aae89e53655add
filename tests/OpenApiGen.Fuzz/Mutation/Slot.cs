using System.Text.Json.Nodes;
using OpenApiGen.Fuzz.Seeds;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>A place in the document: a member of an object or an item of an array, with its pointer.</summary>
internal sealed record Slot(JsonNode Parent, string? Key, int Index, JsonNode? Node, string Pointer, int Depth)
{
    public void Set(JsonNode? value)
    {
        if (Parent is JsonObject obj)
        {
            obj[Key!] = value;
        }
        else
        {
            ((JsonArray)Parent)[Index] = value;
        }
    }

    public void Remove()
    {
        if (Parent is JsonObject obj)
        {
            obj.Remove(Key!);
        }
        else
        {
            ((JsonArray)Parent).RemoveAt(Index);
        }
    }

    /// <summary>Every slot under <paramref name="root"/>, walked without recursion (mutants nest thousands deep).</summary>
    public static List<Slot> All(JsonNode root)
    {
        var slots = new List<Slot>();
        var stack = new Stack<(JsonNode Node, string Pointer, int Depth)>();
        stack.Push((root, string.Empty, 0));
        while (stack.TryPop(out var current))
        {
            switch (current.Node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        var pointer = current.Pointer + "/" + Seeds.Pointer.Escape(key);
                        slots.Add(new Slot(obj, key, -1, value, pointer, current.Depth + 1));
                        if (value is JsonObject or JsonArray)
                        {
                            stack.Push((value, pointer, current.Depth + 1));
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var pointer = current.Pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        slots.Add(new Slot(array, null, i, array[i], pointer, current.Depth + 1));
                        if (array[i] is JsonObject or JsonArray)
                        {
                            stack.Push((array[i]!, pointer, current.Depth + 1));
                        }
                    }

                    break;
            }
        }

        return slots;
    }

    private static readonly HashSet<string> s_schemaKeys = new(StringComparer.Ordinal)
    {
        "type", "properties", "$ref", "allOf", "oneOf", "anyOf", "items", "enum", "format", "additionalProperties", "const", "not", "required", "discriminator",
    };

    /// <summary>Whether a node looks like a schema (an object with a schema keyword), and is not data (an example or default).</summary>
    public bool IsSchema => Node is JsonObject obj && obj.Any(static p => s_schemaKeys.Contains(p.Key)) && !IsData;

    public bool IsData => Pointer.Contains("/example", StringComparison.Ordinal) || Pointer.Contains("/default", StringComparison.Ordinal) || Pointer.Contains("/enum/", StringComparison.Ordinal);
}
