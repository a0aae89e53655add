using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// allOf inheritance, discriminated hierarchies, oneOf with a discriminator and extension data, from a small
/// purpose-written spec: snapshots of what is generated, and the generated code run on JSON.
/// </summary>
public class CompositionTests
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_generated = new(static () =>
    {
        var run = GeneratorHarness.Run(new[] { SpecSource.FromFile(Path.Combine(RepoPaths.TestData, "composition.yaml"), "Composition", "CompositionClient") });
        return (run, run.Load());
    });

    private static GeneratorRun Run => s_generated.Value.Run;

    [Fact]
    public void Generated_code_matches_snapshots_and_compiles_cleanly()
    {
        Assert.Empty(Run.CompilationProblems);
        Assert.DoesNotContain(Run.GeneratorDiagnostics, static d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Snapshot.VerifyAll(Path.Combine(RepoPaths.Snapshots, "Constructs", "composition"), Run.Sources.Select(static s => (s.HintName[..^".g.cs".Length], s.Text)));
    }

    [Fact]
    public void AllOf_with_one_base_derives_and_an_unsound_one_is_flattened()
    {
        Assert.Equal(Type("Pet"), Type("Cat").BaseType);
        Assert.Equal(Type("Dog"), Type("Puppy").BaseType);
        Assert.Equal(typeof(OpenApiGen.Runtime.Validatable), Type("Conflict").BaseType);
        Assert.Equal(typeof(long?), Type("Conflict").GetProperty("Name")!.PropertyType);
    }

    /// <summary>
    /// Pet's members lead to Dog (Pet.owner is an Owner, whose pets are Dogs) and Dog derives from Pet: Dog is still a
    /// Pet, whichever the document declares first. Built depth first, a class reached from inside its own base's body
    /// found that base unfinished and was flattened, so the result hung on declaration order.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_subclass_reached_from_its_base_still_derives_from_it(bool baseFirst)
    {
        const string pet = """
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                    owner: {$ref: '#/components/schemas/Owner'}
                Owner:
                  type: object
                  properties:
                    pets: {type: array, items: {$ref: '#/components/schemas/Dog'}}
            """;
        const string dog = """
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        barks: {type: boolean}
            """;
        var spec = "openapi: 3.0.3\ninfo: {title: Order, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + (baseFirst ? pet + "\n" + dog : dog + "\n" + pet);

        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/order.yaml", spec, "Order", "OrderClient") });

        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        Assert.Equal(assembly.GetType("Order.Pet"), assembly.GetType("Order.Dog")!.BaseType);
        Assert.Null(assembly.GetType("Order.Dog")!.GetProperty("Name", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
    }

    [Fact]
    public void A_discriminated_base_reads_each_subclass_and_keeps_an_unknown_one()
    {
        const string json = """
            {"pets":[
              {"petType":"cat","name":"Tom","lives":9},
              {"petType":"Dog","bark":true},
              {"bark":false,"petType":"Puppy","ageWeeks":6},
              {"petType":"lizard","name":"Liz","scales":120}
            ]}
            """;

        var owner = Deserialize("Owner", json);
        var pets = ((System.Collections.IEnumerable)Type("Owner").GetProperty("Pets")!.GetValue(owner)!).Cast<object>().ToList();

        Assert.Equal(new[] { Type("Cat"), Type("Dog"), Type("Puppy"), Type("Pet") }, pets.Select(static p => p.GetType()));
        var kept = (IDictionary<string, JsonElement>)Type("Pet").GetProperty("AdditionalProperties")!.GetValue(pets[3])!;
        Assert.Equal(120, kept["scales"].GetInt32());
        AssertSameJson(json, Serialize("Owner", owner));
    }

    [Fact]
    public void A_subclass_validates_its_base_members_too()
    {
        var cat = Deserialize("Cat", """{"petType":"cat","name":"A name far longer than twenty","lives":10}""");

        var errors = (IReadOnlyList<OpenApiGen.Runtime.ValidationError>)Type("Cat").GetMethod("Validate")!.Invoke(cat, null)!;

        Assert.Equal(new[] { "$.lives", "$.name" }, errors.Select(static e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"kind":"round","radius":2}""", "IsCircle")]
    [InlineData("""{"kind":"Square","side":3}""", "IsSquare")]
    [InlineData("""{"kind":"triangle","sides":3}""", "IsUnmatched")]
    public void OneOf_with_a_discriminator_picks_the_case_by_its_value(string json, string expected)
    {
        var shape = Deserialize("Shape", json);

        Assert.True((bool)Type("Shape").GetProperty(expected)!.GetValue(shape)!);
        AssertSameJson(json, Serialize("Shape", shape));
    }

    [Fact]
    public void Members_the_spec_does_not_name_are_kept_as_extension_data()
    {
        const string json = """{"id":"x","team":"blue","size":"L"}""";

        var labels = Deserialize("Labels", json);

        var kept = (IDictionary<string, string>)Type("Labels").GetProperty("AdditionalProperties")!.GetValue(labels)!;
        Assert.Equal(new[] { "size", "team" }, kept.Keys.Order(StringComparer.Ordinal));
        AssertSameJson(json, Serialize("Labels", labels));
    }

    private static Type Type(string name) => s_generated.Value.Assembly.GetType("Composition." + name, throwOnError: true)!;

    private static JsonSerializerContext Context
        => (JsonSerializerContext)Type("CompositionJsonContext").GetProperty("Default")!.GetValue(null)!;

    private static object Deserialize(string type, string json) => JsonSerializer.Deserialize(json, Context.GetTypeInfo(Type(type))!)!;

    private static string Serialize(string type, object value) => JsonSerializer.Serialize(value, Context.GetTypeInfo(Type(type))!);

    private static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual).RootElement), $"expected {expected}\nactual   {actual}");
}
