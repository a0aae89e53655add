using System.Text.Json.Nodes;
using NSwag;

namespace Differential.Tests.Infrastructure;

/// <summary>
/// What both clients are given for one operation: a value per parameter (by wire name) and a body, from the spec
/// (<see cref="Samples"/>); a multipart body's binary members as file bytes.
/// </summary>
internal sealed record OperationSample(IReadOnlyDictionary<string, JsonNode?> Parameters, JsonNode? Body, string? BodyMediaType, IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>The bytes a binary member or body carries: a PNG signature, so a client that re-encodes it shows it.</summary>
    public static readonly byte[] FileBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01, 0x02];

    public static OperationSample For(OpenApiOperation operation, SampleKind kind)
    {
        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var parameter in operation.ActualParameters.Where(static p => p.Kind != OpenApiParameterKind.Body))
        {
            if (kind != SampleKind.Minimal || parameter.IsRequired)
            {
                parameters[parameter.Name] = parameter.Example is { } example
                    ? JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(example))
                    : Samples.For(parameter.ActualSchema, kind);
            }
        }

        JsonNode? body = null;
        string? mediaType = null;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (operation.ActualRequestBody is { } requestBody && requestBody.Content.Count > 0)
        {
            var (type, media) = requestBody.Content.First();
            mediaType = type;
            body = media.Schema is { } schema ? Samples.For(schema, kind) : null;
            if (type.StartsWith("multipart/", StringComparison.Ordinal) && media.Schema is { } form)
            {
                foreach (var (name, property) in form.ActualSchema.ActualProperties)
                {
                    if (property.ActualSchema.Format == "binary")
                    {
                        files[name] = FileBytes;
                        (body as JsonObject)?.Remove(name);
                    }
                }
            }
        }

        return new OperationSample(parameters, body, mediaType, files);
    }
}
