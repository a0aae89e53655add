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
        Assert.Equal(typeof(object), Type("Conflict").BaseType);
        Assert.Equal(typeof(long?), Type("Conflict").GetProperty("Name")!.PropertyType);
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
