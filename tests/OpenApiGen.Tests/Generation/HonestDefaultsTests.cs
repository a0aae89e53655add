using System.Reflection;
using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// What a member sends when the caller leaves it alone: 3.0's <c>nullable</c> in a 3.1 document is nullable; a member
/// with one possible value is filled in with it; an optional member's default is the server's, so it is not sent until
/// set. Each spec is compiled with a caller's code beside it (the harness fails on any warning), and the JSON it writes
/// and reads is checked.
/// </summary>
public class HonestDefaultsTests
{
    [Fact]
    public void A_31_document_that_writes_30_nullable_is_read_as_nullable_and_the_reading_is_reported_where_it_was_written()
    {
        var run = GeneratorHarness.Run(
            new[] { new SpecSource("/specs/nullable.yaml", NullableSpec, "Nullable.Api", "NullableClient") },
            "Generated.Tests",
            """
            namespace Probe
            {
                internal static class Use
                {
                    // Before the reading, 'Error' was a non-null string: a caller could not say "no error".
                    public static string Write() => System.Text.Json.JsonSerializer.Serialize(new Nullable.Api.Prediction { Id = "p1", Error = null }, Nullable.Api.NullableJsonContext.Default.Prediction);

                    public static string? ReadError(string json) => System.Text.Json.JsonSerializer.Deserialize(json, Nullable.Api.NullableJsonContext.Default.Prediction)!.Error;
                }
            }
            """);

        Assert.True(run.CompilationProblems.IsEmpty, string.Join("\n", run.CompilationProblems));
        var readings = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG013").ToList();
        Assert.Equal(2, readings.Count);
        Assert.All(readings, static d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains("the type [\"string\", \"null\"]", readings[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal(new[] { 24, 25 }, readings.Select(static d => d.Location.GetLineSpan().StartLinePosition.Line + 1));

        var prediction = run.OutputCompilation.GetTypeByMetadataName("Nullable.Api.Prediction")!;
        Assert.Equal(NullableAnnotation.Annotated, Property(prediction, "Error").Type.NullableAnnotation);
        Assert.Equal(NullableAnnotation.Annotated, Property(prediction, "Count").Type.NullableAnnotation);
        Assert.Equal(NullableAnnotation.NotAnnotated, Property(prediction, "Id").Type.NullableAnnotation);

        var use = Probe(run);
        Assert.Equal("""{"id":"p1","error":null}""", use.Invoke("Write")); // required: sent as null; the optional count is not sent
        Assert.Null(use.Invoke("ReadError", """{"id":"p1","error":null}""")); // was a JsonException: null for a non-null member
        Assert.Equal("boom", use.Invoke("ReadError", """{"id":"p1","error":"boom"}"""));
    }

    [Fact]
    public void A_30_document_keeps_its_own_reading_of_nullable_and_reports_nothing()
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/nullable.yaml", NullableSpec.Replace("openapi: 3.1.0", "openapi: 3.0.3", StringComparison.Ordinal), "Nullable.Api", "NullableClient") });

        Assert.True(run.CompilationProblems.IsEmpty, string.Join("\n", run.CompilationProblems));
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG013");
        Assert.Equal(NullableAnnotation.Annotated, Property(run.OutputCompilation.GetTypeByMetadataName("Nullable.Api.Prediction")!, "Error").Type.NullableAnnotation);
    }

    [Fact]
    public void A_required_member_with_one_possible_value_is_filled_in_not_required_and_sent()
    {
        var run = GeneratorHarness.Run(
            new[] { new SpecSource("/specs/only.yaml", OnlyValueSpec, "Only.Api", "OnlyClient") },
            "Generated.Tests",
            """
            namespace Probe
            {
                internal static class Use
                {
                    // Only 'name' is set: the four one-value members need not be (they are not 'required' in C#).
                    public static string Write() => System.Text.Json.JsonSerializer.Serialize(new Only.Api.Item { Name = "n" }, Only.Api.OnlyJsonContext.Default.Item);

                    public static string RoundTrip(string json) => System.Text.Json.JsonSerializer.Serialize(Read(json), Only.Api.OnlyJsonContext.Default.Item);

                    public static string Problems(string json) => string.Join("|", System.Linq.Enumerable.Select(Read(json).Validate(), static p => p.ToString()));

                    private static Only.Api.Item Read(string json) => System.Text.Json.JsonSerializer.Deserialize(json, Only.Api.OnlyJsonContext.Default.Item)!;
                }
            }
            """);

        Assert.True(run.CompilationProblems.IsEmpty, string.Join("\n", run.CompilationProblems));
        var item = run.OutputCompilation.GetTypeByMetadataName("Only.Api.Item")!;
        foreach (var name in new[] { "Object", "Kind", "Version", "Live", "Shape" })
        {
            Assert.False(Property(item, name).IsRequired, name);
        }

        Assert.True(Property(item, "Name").IsRequired);
        Assert.Equal(NullableAnnotation.Annotated, Property(item, "Tag").Type.NullableAnnotation); // optional: not filled in
        Assert.Contains("Set for you: it is the only value the spec allows.", run.Source("Item.g.cs"), StringComparison.Ordinal);

        var use = Probe(run);
        Assert.Equal("""{"object":"list","kind":"item","version":2,"live":true,"shape":"circle","name":"n"}""", use.Invoke("Write"));

        // Read without them: filled in, as a caller would have sent them (they were a JsonException: missing).
        Assert.Equal("""{"object":"list","kind":"item","version":2,"live":true,"shape":"circle","name":"n"}""", use.Invoke("RoundTrip", """{"name":"n"}"""));

        // Another value is read and written back as it came; for a string, Validate() says it is not the one allowed,
        // as it did before (an extensible enum of one value); a number or boolean has no such check, as before.
        const string other = """{"object":"page","kind":"item","version":3,"live":true,"shape":"circle","name":"n"}""";
        Assert.Equal(other, use.Invoke("RoundTrip", other));
        var problems = (string)use.Invoke("Problems", other)!;
        Assert.Contains("$.object", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("$.version", problems, StringComparison.Ordinal);
        Assert.Equal(string.Empty, use.Invoke("Problems", """{"name":"n"}"""));
    }

    [Fact]
    public void An_optional_member_with_a_default_is_not_sent_until_the_caller_sets_it_and_its_docs_say_the_default()
    {
        var run = GeneratorHarness.Run(
            new[] { new SpecSource("/specs/defaults.yaml", DefaultsSpec, "Defaults.Api", "DefaultsClient") },
            "Generated.Tests",
            """
            namespace Probe
            {
                internal static class Use
                {
                    public static string Unset() => Write(new Defaults.Api.Input { Prompt = "p" });

                    // Set to the default itself: the caller asked for it, so it is sent.
                    public static string Set() => Write(new Defaults.Api.Input { Prompt = "p", SyncMode = false, NumImages = 2, OutputFormat = Defaults.Api.InputOutputFormat.Jpeg, Scale = 4.5 });

                    public static string Read(string json)
                    {
                        var input = System.Text.Json.JsonSerializer.Deserialize(json, Defaults.Api.DefaultsJsonContext.Default.Input)!;
                        return $"{input.SyncMode?.ToString() ?? "unset"} {input.NumImages?.ToString() ?? "unset"} {input.Mode}";
                    }

                    private static string Write(Defaults.Api.Input input) => System.Text.Json.JsonSerializer.Serialize(input, Defaults.Api.DefaultsJsonContext.Default.Input);
                }
            }
            """);

        Assert.True(run.CompilationProblems.IsEmpty, string.Join("\n", run.CompilationProblems));
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity >= DiagnosticSeverity.Warning);

        // 'mode' is required and has a default: filled in with it and always sent. The optional ones are not sent.
        var use = Probe(run);
        Assert.Equal("""{"prompt":"p","mode":"fast"}""", use.Invoke("Unset"));
        Assert.Equal("""{"prompt":"p","sync_mode":false,"num_images":2,"output_format":"jpeg","scale":4.5,"mode":"fast"}""", use.Invoke("Set"));
        Assert.Equal("unset unset fast", use.Invoke("Read", """{"prompt":"p"}"""));
        Assert.Equal("False 3 slow", use.Invoke("Read", """{"prompt":"p","sync_mode":false,"num_images":3,"mode":"slow"}"""));

        var source = run.Source("Input.g.cs");
        Assert.Contains("public bool? SyncMode { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("/// <remarks>The server's default is <c>false</c>.</remarks>", source, StringComparison.Ordinal);
        Assert.Contains("The server's default is <c>\"png\"</c>.", source, StringComparison.Ordinal);
        Assert.Contains("public string Mode { get; set; } = \"fast\";", source, StringComparison.Ordinal);
    }

    private const string NullableSpec = """
        openapi: 3.1.0
        info: {title: Nullable, version: '1'}
        paths:
          /predictions/{id}:
            get:
              operationId: getPrediction
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Prediction'}
        components:
          schemas:
            Prediction:
              type: object
              required: [id, error]
              properties:
                id: {type: string}
                error:
                  type: string
                  nullable: true
                count: {type: integer, nullable: true}
                detail: {type: [string, 'null'], nullable: true}
        """;

    private const string OnlyValueSpec = """
        openapi: 3.1.0
        info: {title: Only, version: '1'}
        paths:
          /items:
            post:
              operationId: createItem
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Item'}
              responses:
                '204': {description: created}
        components:
          schemas:
            Shape:
              type: string
              enum: [circle]
            Item:
              type: object
              required: [object, kind, version, live, shape, name]
              properties:
                object: {type: string, const: list}
                kind: {type: string, enum: [item]}
                version: {type: integer, const: 2}
                live: {type: boolean, enum: [true]}
                shape: {$ref: '#/components/schemas/Shape'}
                name: {type: string}
                tag: {type: string, const: extra}
        """;

    private const string DefaultsSpec = """
        openapi: 3.0.3
        info: {title: Defaults, version: '1'}
        paths:
          /edit:
            post:
              operationId: edit
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Input'}
              responses:
                '204': {description: queued}
        components:
          schemas:
            Input:
              type: object
              required: [prompt, mode]
              properties:
                prompt: {type: string}
                sync_mode: {type: boolean, default: false}
                num_images: {type: integer, default: 1}
                output_format: {type: string, enum: [jpeg, png], default: png}
                scale: {type: number, default: 4}
                mode: {type: string, default: fast}
        """;

    private static IPropertySymbol Property(INamedTypeSymbol type, string name) => (IPropertySymbol)type.GetMembers(name).Single();

    private static ProbeCalls Probe(GeneratorRun run) => new(run.Load().GetType("Probe.Use")!);

    private sealed class ProbeCalls(Type use)
    {
        public object? Invoke(string method, params object[] arguments)
            => use.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
    }
}
