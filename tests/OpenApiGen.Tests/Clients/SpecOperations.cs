using System.Text.Json.Nodes;
using OpenApiGen.Reading;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Clients;

/// <summary>A vendor operation with the request and response examples its spec (after overlays) gives.</summary>
internal sealed record SpecOperation(string Spec, string Path, string Method, string OperationId, JsonNode? RequestExample, JsonNode ResponseExample);

/// <summary>Reads the operations of the vendor specs, with their examples, from the corrected spec JSON.</summary>
internal static class SpecOperations
{
    public static IReadOnlyList<SpecOperation> Of(string spec)
    {
        var sources = VendorSpecs.Own(spec);
        var root = DocumentLoader.Load(sources[0].Text, isJson: false, CancellationToken.None).Root!.AsObject();
        foreach (var overlay in sources.Skip(1))
        {
            var loaded = DocumentLoader.Load(overlay.Text, isJson: false, CancellationToken.None);
            OverlayApplier.Apply(root, loaded.Root!, loaded.Map, CancellationToken.None);
        }

        var operations = new List<SpecOperation>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var success = operation!["responses"]!.AsObject().FirstOrDefault(static r => r.Key.StartsWith('2')).Value;
                var responseMedia = success?["content"]?["application/json"];
                if (operation["operationId"]?.GetValue<string>() is not { } id || (Example(responseMedia) ?? SchemaExample(root, responseMedia?["schema"])) is not { } response)
                {
                    continue;
                }

                var requestMedia = operation["requestBody"]?["content"]?["application/json"];
                operations.Add(new SpecOperation(spec, path, method.ToUpperInvariant(), id, Example(requestMedia) ?? SchemaExample(root, requestMedia?["schema"]), response));
            }
        }

        return operations;
    }

    /// <summary>The example a schema carries itself, following a $ref to a component.</summary>
    private static JsonNode? SchemaExample(JsonObject root, JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            schema = root["components"]!["schemas"]![reference["#/components/schemas/".Length..]];
        }

        return (schema?["example"] ?? (schema?["examples"] as JsonArray)?.FirstOrDefault())?.DeepClone();
    }

    /// <summary>A media type's example: its <c>example</c>, or the first of its <c>examples</c>.</summary>
    private static JsonNode? Example(JsonNode? media)
        => (media?["example"] ?? (media?["examples"] as JsonObject)?.FirstOrDefault().Value?["value"])?.DeepClone();
}
