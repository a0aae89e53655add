using System.Text.Json.Nodes;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.RoundTrip;

/// <summary>An example from a spec and the generated type it should fit.</summary>
internal sealed record SpecExample(string Spec, string Pointer, string TypeName, JsonNode Value);

/// <summary>
/// Finds every example in a vendor spec (after its overlays): on schemas that became types, and on request and
/// response bodies whose schema did. Examples of values typed as raw JSON (unions, until Generator II) are listed apart.
/// </summary>
internal static class SpecExamples
{
    public static (SpecModel Model, List<SpecExample> Typed, List<string> Untyped) Collect(string spec)
    {
        var sources = VendorSpecs.Own(spec);
        var input = new SpecInput(
            new SpecFile(sources[0].Path, false, sources[0].Path, sources[0].Namespace, sources[0].ClientName, sources[0].Text),
            sources.Skip(1).Select(static o => new SpecFile(o.Path, true, o.OverlayFor!, null, null, o.Text)).ToEquatableArray(),
            sources[0].Namespace!,
            sources[0].ClientName!,
            sources[0].ClientName!,
            EquatableArray<DiagnosticInfo>.Empty);
        var model = SpecModels.Build(input, CancellationToken.None).Model ?? throw new InvalidOperationException("No model for " + spec);

        // The same corrected JSON the generator read.
        var root = DocumentLoader.Load(sources[0].Text, isJson: false, CancellationToken.None).Root!;
        foreach (var overlay in sources.Skip(1))
        {
            var loaded = DocumentLoader.Load(overlay.Text, isJson: false, CancellationToken.None);
            OverlayApplier.Apply(root, loaded.Root!, loaded.Map, CancellationToken.None);
        }

        var typesByPointer = model.Types.ToDictionary(static t => t.SpecPointer, static t => t.Name);
        var typed = new List<SpecExample>();
        var untyped = new List<string>();

        void Add(string pointer, JsonNode? example, string schemaPointer)
        {
            if (example is null)
            {
                return;
            }

            var target = Resolve(root, schemaPointer);
            if (typesByPointer.TryGetValue(target, out var typeName))
            {
                typed.Add(new SpecExample(spec, pointer, typeName, example));
            }
            else
            {
                untyped.Add(pointer);
            }
        }

        foreach (var (pointer, node) in Walk(root, string.Empty))
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            // A schema that became a type, with its own example(s).
            if (typesByPointer.ContainsKey(pointer))
            {
                Add(pointer + "/example", obj["example"], pointer);
                if (obj["examples"] is JsonArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Add(pointer + "/examples/" + i, list[i], pointer);
                    }
                }
            }

            // A media type object: {schema, example | examples: {name: {value}}}.
            if (obj["schema"] is JsonObject && (obj.ContainsKey("example") || obj.ContainsKey("examples")) && pointer.Contains("/content/", StringComparison.Ordinal))
            {
                Add(pointer + "/example", obj["example"], pointer + "/schema");
                if (obj["examples"] is JsonObject named)
                {
                    foreach (var (name, entry) in named)
                    {
                        Add(pointer + "/examples/" + name + "/value", entry?["value"], pointer + "/schema");
                    }
                }
            }
        }

        return (model, typed, untyped);
    }

    /// <summary>A schema's pointer, following a local $ref to the component it names.</summary>
    private static string Resolve(JsonNode root, string pointer)
    {
        var node = At(root, pointer);
        return node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[1..]
            : pointer;
    }

    private static JsonNode? At(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var token in pointer.Split('/').Skip(1))
        {
            var key = token.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj => obj[key],
                JsonArray array when int.TryParse(key, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static IEnumerable<(string Pointer, JsonNode Node)> Walk(JsonNode node, string pointer)
    {
        yield return (pointer, node);
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                // Examples are data: what is inside them is not spec structure.
                if (child is not null && key is not ("example" or "examples" or "default" or "enum" or "const"))
                {
                    foreach (var item in Walk(child, pointer + "/" + key.Replace("~", "~0").Replace("/", "~1")))
                    {
                        yield return item;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child)
                {
                    foreach (var item in Walk(child, pointer + "/" + i))
                    {
                        yield return item;
                    }
                }
            }
        }
    }
}
