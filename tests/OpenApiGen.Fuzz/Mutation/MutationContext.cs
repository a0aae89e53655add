using System.Text.Json.Nodes;
using CsCheck;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>One mutant being made: the document, the random stream, and what was done to it.</summary>
internal sealed class MutationContext(JsonObject root, PCG random)
{
    public JsonObject Root { get; } = root;

    public PCG Random { get; } = random;

    /// <summary>Members written a second time after an object's own (JSON has no way to hold them in a tree).</summary>
    public List<(JsonObject Owner, string Key, JsonNode? Value)> Duplicates { get; } = [];

    /// <summary>What each operator did, in order: the mutant's description in reports.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Nesting was made deep: the text is written without indentation, which would grow with the square of the depth.</summary>
    public bool Deep { get; set; }

    public int Next(int exclusiveMax) => exclusiveMax <= 0 ? 0 : (int)Random.Next((uint)exclusiveMax);

    public bool Chance(int oneIn) => Next(oneIn) == 0;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public List<Slot> Slots() => Slot.All(Root);

    public Slot? PickSlot(Func<Slot, bool> where)
    {
        var slots = Slots().Where(where).ToList();
        return slots.Count == 0 ? null : Pick(slots);
    }

    public Slot? PickSchema() => PickSlot(static s => s.IsSchema);

    /// <summary><c>components.schemas</c>, created when missing.</summary>
    public JsonObject Schemas()
    {
        if (Root["components"] is not JsonObject components)
        {
            components = new JsonObject();
            Root["components"] = components;
        }

        if (components["schemas"] is not JsonObject schemas)
        {
            schemas = new JsonObject();
            components["schemas"] = schemas;
        }

        return schemas;
    }

    /// <summary>A component schema's name, creating a small object schema when there is none.</summary>
    public string PickComponent()
    {
        var schemas = Schemas();
        if (schemas.Count == 0)
        {
            schemas["Thing"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string" } } };
        }

        return Pick(schemas.Select(static p => p.Key).ToList());
    }

    public static string ComponentRef(string name) => "#/components/schemas/" + Seeds.Pointer.Escape(name);

    public void Note(string what) => Log.Add(what);
}
