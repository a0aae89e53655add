using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// <c>deprecated: true</c> is <c>[Obsolete]</c> on the operation and the property, with the spec's reason where it
/// gives one, and the generated code that still reads, writes and validates those members compiles without a warning
/// (the harness reports CS0612/CS0618 like any other) and still moves them over the wire.
/// </summary>
public class DeprecatedTests
{
    [Fact]
    public void Deprecated_operations_and_properties_are_obsolete_and_the_generated_code_does_not_warn()
    {
        var run = Run();

        Assert.True(run.CompilationProblems.IsEmpty, string.Join("\n", run.CompilationProblems));
        var pet = run.OutputCompilation.GetTypeByMetadataName("Old.Api.Pet")!;
        Assert.Equal("Deprecated in version 3. Use `name` instead.", Obsolete(pet.GetMembers("Nickname").Single()));
        Assert.Equal(string.Empty, Obsolete(pet.GetMembers("Tag").Single()));
        Assert.Null(Obsolete(pet.GetMembers("Name").Single()));
        Assert.Null(Obsolete(pet.GetMembers("Legacy").Single())); // required: C# cannot have both (CS9042), so its docs say it
        Assert.Contains("Deprecated: the API may remove it.", run.Source("Pet.g.cs"), StringComparison.Ordinal);
        var client = run.OutputCompilation.GetTypeByMetadataName("Old.Api.IOldClient")!;
        Assert.Equal(string.Empty, Obsolete(client.GetMembers("ListPetsAsync").Single()));
        Assert.Equal(string.Empty, Obsolete(run.OutputCompilation.GetTypeByMetadataName("Old.Api.OldClient")!.GetMembers("ListPetsAsync").Single()));
        Assert.Null(Obsolete(client.GetMembers("CreatePetAsync").Single()));
        Assert.Equal(1, run.Source("Pet.g.cs").Split("Deprecated: the API may remove it.").Length - 1); // the others say it with the attribute
    }

    [Fact]
    public void A_deprecated_property_is_still_read_written_and_validated()
    {
        var assembly = Run().Load();
        var context = assembly.GetType("Old.Api.OldJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)context.GetType().GetProperty("Pet")!.GetValue(context)!;

        var pet = System.Text.Json.JsonSerializer.Deserialize("""{"name":"a","nickname":"b","legacy":"c","tag":"toolongtag"}""", info)!;
        Assert.Equal("b", pet.GetType().GetProperty("Nickname")!.GetValue(pet));
        Assert.Equal("""{"name":"a","nickname":"b","legacy":"c","tag":"toolongtag"}""", System.Text.Json.JsonSerializer.Serialize(pet, info));
        var problems = (System.Collections.IEnumerable)pet.GetType().GetMethod("Validate")!.Invoke(pet, null)!;
        Assert.Contains(problems.Cast<object>(), static p => p.ToString()!.Contains("tag", StringComparison.Ordinal));
    }

    [Fact]
    public void Deprecated_schemas_are_obsolete_types_and_every_use_in_the_generated_code_is_wrapped_line_by_line()
    {
        var run = GeneratorHarness.Run(
            new[] { new SpecSource("/specs/zoo.yaml", DeprecatedSchemas, "Zoo.Api", "ZooClient") },
            "Generated.Tests",
            """
            namespace Probe
            {
                internal static class Use
                {
                    // A caller that names a deprecated type is told so; the generated code itself is not (the harness fails on any warning).
            #pragma warning disable CS0612, CS0618
                    public static string RoundTrip(string json)
                        => System.Text.Json.JsonSerializer.Serialize(
                            System.Text.Json.JsonSerializer.Deserialize(json, Zoo.Api.ZooJsonContext.Default.Zoo)!,
                            Zoo.Api.ZooJsonContext.Default.Zoo);
            #pragma warning restore CS0612, CS0618
                }
            }
            """);

        Assert.True(run.CompilationProblems.IsEmpty, string.Join("\n", run.CompilationProblems));
        Assert.Equal("Deprecated in version 2. Use Animal.", Obsolete(run.OutputCompilation.GetTypeByMetadataName("Zoo.Api.OldPet")!));
        Assert.Equal(string.Empty, Obsolete(run.OutputCompilation.GetTypeByMetadataName("Zoo.Api.OldKind")!));
        Assert.Equal(string.Empty, Obsolete(run.OutputCompilation.GetTypeByMetadataName("Zoo.Api.OldTag")!));
        Assert.Null(Obsolete(run.OutputCompilation.GetTypeByMetadataName("Zoo.Api.Zoo")!));
        Assert.Null(Obsolete(run.OutputCompilation.GetTypeByMetadataName("Zoo.Api.OldDog")!)); // a subclass of one is not itself deprecated

        // No file-wide pragma: each one is restored within a few lines, and every disable has its restore.
        foreach (var (hintName, text) in run.Sources)
        {
            var lines = text.Split('\n');
            var open = -1;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("#pragma warning disable CS0612, CS0618", StringComparison.Ordinal))
                {
                    Assert.True(open < 0, $"{hintName}:{i + 1}: a second disable before the restore");
                    open = i;
                }
                else if (lines[i].TrimStart().StartsWith("#pragma warning restore CS0612, CS0618", StringComparison.Ordinal))
                {
                    Assert.True(open >= 0 && i - open <= 12, $"{hintName}:{i + 1}: the pragma spans {i - open} lines");
                    open = -1;
                }
            }

            Assert.True(open < 0, $"{hintName}: a disable with no restore");
        }

        Assert.DoesNotContain("Deprecated: the API may remove it.", run.Source("OldPet.g.cs"), StringComparison.Ordinal); // the attribute says it

        // Still read and written, every member of every deprecated type.
        const string json = """{"pet":{"name":"rex","kind":"cat"},"pets":[{"name":"a"}],"tag":7,"dog":{"name":"d","bark":true},"kind":"dog"}""";
        Assert.Equal(json, Load(run).GetMethod("RoundTrip")!.Invoke(null, new object[] { json }));
    }

    private const string DeprecatedSchemas = """
        openapi: 3.0.3
        info: {title: Zoo, version: '1'}
        paths:
          /pets:
            get:
              operationId: getPet
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/OldPet'}
            post:
              operationId: putPets
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: array
                      items: {$ref: '#/components/schemas/OldPet'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/OldTag'}
        components:
          schemas:
            OldPet:
              type: object
              deprecated: true
              x-deprecatedInVersion: '2'
              x-deprecatedMessage: Use Animal.
              required: [name]
              properties:
                name: {type: string}
                kind: {$ref: '#/components/schemas/OldKind'}
            OldKind:
              type: string
              deprecated: true
              enum: [cat, dog]
            OldTag:
              deprecated: true
              oneOf: [{type: string}, {type: integer}]
            OldDog:
              allOf:
                - $ref: '#/components/schemas/OldPet'
                - type: object
                  properties:
                    bark: {type: boolean}
            Zoo:
              type: object
              required: [pet, kind]
              properties:
                pet: {$ref: '#/components/schemas/OldPet'}
                pets:
                  type: array
                  items: {$ref: '#/components/schemas/OldPet'}
                tag: {$ref: '#/components/schemas/OldTag'}
                dog: {$ref: '#/components/schemas/OldDog'}
                kind:
                  allOf: [{$ref: '#/components/schemas/OldKind'}]
                  default: dog
        """;

    private static Type Load(GeneratorRun run) => run.Load().GetType("Probe.Use")!;

    // null: not obsolete; empty: obsolete without a message.
    private static string? Obsolete(ISymbol symbol)
        => symbol.GetAttributes().SingleOrDefault(static a => a.AttributeClass?.Name == "ObsoleteAttribute") is { } attribute
            ? attribute.ConstructorArguments.Length > 0 ? (string?)attribute.ConstructorArguments[0].Value : string.Empty
            : null;

    private static GeneratorRun Run()
    {
        var pet = new JsonObject { ["$ref"] = "#/components/schemas/Pet" };
        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Old", ["version"] = "1" },
            ["paths"] = new JsonObject
            {
                ["/pets"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "listPets",
                        ["deprecated"] = true,
                        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = pet.DeepClone() } } } },
                    },
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = "createPet",
                        ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = pet.DeepClone() } } },
                        ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "none" } },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["Pet"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("name", "legacy"),
                        ["properties"] = new JsonObject
                        {
                            ["name"] = new JsonObject { ["type"] = "string" },
                            ["nickname"] = new JsonObject { ["type"] = "string", ["deprecated"] = true, ["x-deprecatedInVersion"] = "3", ["x-deprecatedMessage"] = "Use `name` instead." },
                            ["legacy"] = new JsonObject { ["type"] = "string", ["deprecated"] = true },
                            ["tag"] = new JsonObject { ["type"] = "string", ["deprecated"] = true, ["maxLength"] = 3 },
                        },
                    },
                },
            },
        };
        return GeneratorHarness.Run(new[] { new SpecSource("/specs/old.json", spec.ToJsonString(), "Old.Api", "OldClient") });
    }
}
