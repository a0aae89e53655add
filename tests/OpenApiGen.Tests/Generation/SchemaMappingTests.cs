using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>How schema constructs map to C#, each with a small purpose-written spec; every output must also compile cleanly.</summary>
public class SchemaMappingTests
{
    private static GeneratorRun Generate(string version, string schemas)
    {
        var spec = $"""
            openapi: {version}
            info: {"{"}title: Mapping, version: '1'{"}"}
            paths: {"{"}{"}"}
            components:
              schemas:
            {string.Join("\n", schemas.Split('\n').Select(static l => "    " + l))}
            """;
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/mapping.yaml", spec, "Mapping", "MappingClient") });
        Assert.Empty(run.CompilationProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run;
    }

    [Fact]
    public void Nullable_in_3_0_and_null_in_3_1_type_arrays_are_nullable_annotations()
    {
        var v30 = Generate("3.0.3", """
            Thing:
              type: object
              required: [name, nick]
              properties:
                name: {type: string}
                nick: {type: string, nullable: true}
                age: {type: integer, format: int32}
            """).Source("Thing.g.cs");
        var v31 = Generate("3.1.0", """
            Thing:
              type: object
              required: [name, nick]
              properties:
                name: {type: string}
                nick: {type: [string, 'null']}
                age: {type: integer, format: int32}
            """).Source("Thing.g.cs");

        foreach (var source in new[] { v30, v31 })
        {
            Assert.Contains("public required string Name { get; set; }", source, StringComparison.Ordinal);
            Assert.Contains("public required string? Nick { get; set; }", source, StringComparison.Ordinal);
            Assert.Contains("public int? Age { get; set; }", source, StringComparison.Ordinal);
            Assert.Contains("writer.WriteNull(s_Nick);", source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_required_member_with_no_type_takes_a_json_null_as_its_value()
    {
        // Replicate's prediction `output`: any JSON, null until the prediction has succeeded.
        var source = Generate("3.1.0", """
            Prediction:
              type: object
              required: [output, id]
              properties:
                output: {description: any JSON}
                id: {type: string}
            """).Source("Prediction.g.cs");

        Assert.Contains("public required global::System.Text.Json.JsonElement Output { get; set; }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("NullValue(\"output\"", source, StringComparison.Ordinal);
        Assert.Contains("NullValue(\"id\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_map_to_the_natural_dotnet_types()
    {
        var source = Generate("3.1.0", """
            Formats:
              type: object
              properties:
                at: {type: string, format: date-time}
                day: {type: string, format: date}
                id: {type: string, format: uuid}
                link: {type: string, format: uri}
                blob: {type: string, format: byte}
                big: {type: integer, format: int64}
                small: {type: integer, minimum: 0, maximum: 100}
                unbounded: {type: integer}
                ratio: {type: number}
                single: {type: number, format: float}
                money: {type: number, format: decimal}
                flag: {type: boolean}
                anything: {}
            """).Source("Formats.g.cs");

        Assert.Contains("global::System.DateTimeOffset? At", source, StringComparison.Ordinal);
        Assert.Contains("global::System.DateOnly? Day", source, StringComparison.Ordinal);
        Assert.Contains("global::System.Guid? Id", source, StringComparison.Ordinal);
        Assert.Contains("global::System.Uri? Link", source, StringComparison.Ordinal);
        Assert.Contains("byte[]? Blob", source, StringComparison.Ordinal);
        Assert.Contains("long? Big", source, StringComparison.Ordinal);
        Assert.Contains("int? Small", source, StringComparison.Ordinal);
        Assert.Contains("long? Unbounded", source, StringComparison.Ordinal);
        Assert.Contains("double? Ratio", source, StringComparison.Ordinal);
        Assert.Contains("float? Single", source, StringComparison.Ordinal);
        Assert.Contains("decimal? Money", source, StringComparison.Ordinal);
        Assert.Contains("bool? Flag", source, StringComparison.Ordinal);
        Assert.Contains("global::System.Text.Json.JsonElement? Anything", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_initialise_required_members_and_are_the_servers_for_optional_ones()
    {
        var source = Generate("3.1.0", """
            Settings:
              type: object
              required: [mode, label]
              properties:
                mode: {type: string, enum: [fast, slow], default: slow}
                steps: {type: integer, format: int32, default: 25}
                scale: {type: number, default: 4}
                label: {type: string, default: "say \"hi\""}
                wrong: {type: integer, default: lots}
            """);

        var options = source.Source("Settings.g.cs");
        Assert.Contains("public global::Mapping.SettingsMode Mode { get; set; } = global::Mapping.SettingsMode.Slow;", options, StringComparison.Ordinal);
        Assert.Contains("public int? Steps { get; set; }", options, StringComparison.Ordinal); // optional: not sent until set
        Assert.Contains("public double? Scale { get; set; }", options, StringComparison.Ordinal);
        Assert.Contains("The server's default is <c>25</c>.", options, StringComparison.Ordinal);
        Assert.Contains("public string Label { get; set; } = \"say \\\"hi\\\"\";", options, StringComparison.Ordinal);
        Assert.Contains("public long? Wrong { get; set; }", options, StringComparison.Ordinal);
        Assert.Single(source.GeneratorDiagnostics, static d => d.Id == "OAG010");
    }

    [Fact]
    public void Names_the_json_context_uses_are_not_given_to_types()
    {
        var run = Generate("3.1.0", """
            Options:
              type: object
              properties:
                a: {type: string}
            """);

        Assert.Contains(run.Sources, static s => s.HintName == "MappingClient.Options2.g.cs");
        Assert.Contains(run.GeneratorDiagnostics, static d => d.Id == "OAG006" && d.GetMessage().Contains("'Options'", StringComparison.Ordinal));
    }

    [Fact]
    public void Types_are_not_named_like_the_members_every_object_has()
    {
        // The JSON context has a property named like each type; one named ToString hides object.ToString (CS0108).
        var run = Generate("3.1.0", """
            ToString:
              type: object
              properties:
                a: {type: string}
            GetType:
              type: object
              properties:
                a: {type: string}
            Equals:
              type: object
              properties:
                a: {type: string}
            MemberwiseClone:
              type: object
              properties:
                a: {type: string}
            """);

        foreach (var name in new[] { "ToString", "GetType", "Equals", "MemberwiseClone" })
        {
            Assert.Contains(run.Sources, s => s.HintName == $"MappingClient.{name}2.g.cs");
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG006" && d.GetMessage().Contains($"'{name}'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Converter_names_never_collide_with_schemas_named_like_them()
    {
        // PetJsonConverter beside Pet: a type in the spec's namespace, while Pet's converter is in Serialization.
        // PetListJsonConverter: the JSON context's property for that schema and the converter the context nests for
        // the PetList root were two members of one name (CS0102) until Building claimed the converter's name.
        var spec = """
            openapi: 3.1.0
            info: {title: Mapping, version: '1'}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                PetJsonConverter:
                  type: object
                  properties:
                    converted: {type: boolean}
                PetListJsonConverter:
                  type: object
                  properties:
                    listed: {type: boolean}
                Choice:
                  oneOf: [{type: string}, {type: integer}]
                ChoiceJsonConverter:
                  oneOf: [{type: boolean}, {type: number}]
            """;
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/mapping.yaml", spec, "Mapping", "MappingClient") });

        Assert.Empty(run.CompilationProblems);
        var context = run.Source("MappingJsonContext.g.cs");
        Assert.Contains("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<global::Mapping.PetListJsonConverter> PetListJsonConverter =>", context, StringComparison.Ordinal);
        Assert.Contains("private sealed class PetListJsonConverter2 :", context, StringComparison.Ordinal);
        Assert.Contains("internal sealed class PetJsonConverterJsonConverter :", run.Source("MappingClient.PetJsonConverter.g.cs"), StringComparison.Ordinal);
        Assert.Contains("internal sealed class ChoiceJsonConverterJsonConverter :", run.Source("MappingClient.ChoiceJsonConverter.g.cs"), StringComparison.Ordinal);

        // Each converter reads its own type: the list through the context's nested one, the schemas through theirs.
        var assembly = run.Load();
        var contextType = assembly.GetType("Mapping.MappingJsonContext", throwOnError: true)!;
        var instance = contextType.GetProperty("Default")!.GetValue(null)!;
        string RoundTrip(string member, string json)
        {
            var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)contextType.GetProperty(member)!.GetValue(instance)!;
            return System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize(json, info), info);
        }

        Assert.Equal("""[{"name":"Rex"}]""", RoundTrip("PetList", """[{"name":"Rex"}]"""));
        Assert.Equal("""{"converted":true}""", RoundTrip("PetJsonConverter", """{"converted":true}"""));
        Assert.Equal("""{"listed":true}""", RoundTrip("PetListJsonConverter", """{"listed":true}"""));
        Assert.Equal("true", RoundTrip("ChoiceJsonConverter", "true"));
    }

    [Fact]
    public void Inline_schemas_are_named_from_their_place()
    {
        var run = Generate("3.1.0", """
            ErrorResponse:
              type: object
              properties:
                error:
                  type: object
                  properties:
                    code: {type: string}
                results:
                  type: array
                  items:
                    type: object
                    properties:
                      url: {type: string}
                labels:
                  type: object
                  additionalProperties: {type: string}
            """);

        var error = run.Source("ErrorResponse.g.cs");
        Assert.Contains("public global::Mapping.ErrorResponseError? Error { get; set; }", error, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IList<global::Mapping.ErrorResponseResult>? Results { get; set; }", error, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IDictionary<string, string>? Labels { get; set; }", error, StringComparison.Ordinal);
        Assert.Contains(run.Sources, static s => s.HintName == "MappingClient.ErrorResponseResult.g.cs");
        Assert.DoesNotContain(run.Sources, static s => s.HintName.Contains("Anonymous", StringComparison.Ordinal));
    }

    [Fact]
    public void AllOf_with_one_base_derives_from_it_and_a_lone_ref_is_the_ref()
    {
        var run = Generate("3.0.3", """
            Base:
              type: object
              required: [id]
              properties:
                id: {type: string}
            Derived:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [extra]
                  properties:
                    extra: {type: integer, format: int32}
            Holder:
              type: object
              properties:
                base:
                  description: A described reference
                  allOf:
                    - $ref: '#/components/schemas/Base'
            """);

        var derived = run.Source("Derived.g.cs");
        Assert.Contains("public partial class Derived : global::Mapping.Base", derived, StringComparison.Ordinal);
        Assert.DoesNotContain("public required string Id { get; set; }", derived, StringComparison.Ordinal);
        Assert.Contains("public required int Extra { get; set; }", derived, StringComparison.Ordinal);
        Assert.Contains("JsonRead.Member(ref reader, \"id\"u8, ref member)", derived, StringComparison.Ordinal);
        Assert.Contains("public global::Mapping.Base? Base { get; set; }", run.Source("Holder.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_and_odd_names_become_valid_identifiers()
    {
        var run = Generate("3.1.0", """
            class:
              type: object
              properties:
                class: {type: string}
                'StartTime<': {type: string}
                StartTime: {type: string}
                '2fa': {type: boolean}
                equals: {type: string}
                kind:
                  type: string
                  enum: ['Etc/GMT-0', 'Etc/GMT0', '', '1']
            """);

        var type = run.Source("Class.g.cs");
        Assert.Contains("public partial class Class", type, StringComparison.Ordinal);
        Assert.Contains("public string? Class2 { get; set; }", type, StringComparison.Ordinal);
        Assert.Contains("public string? StartTimeLessThan { get; set; }", type, StringComparison.Ordinal);
        Assert.Contains("public string? StartTime { get; set; }", type, StringComparison.Ordinal);
        Assert.Contains("public bool? _2fa { get; set; }", type, StringComparison.Ordinal);
        Assert.Contains("public string? Equals2 { get; set; }", type, StringComparison.Ordinal);
        var kind = run.Source("ClassKind.g.cs");
        Assert.Contains("EtcGmtMinus0 { get; } = new(\"Etc/GMT-0\");", kind, StringComparison.Ordinal);
        Assert.Contains("EtcGmt0 { get; } = new(\"Etc/GMT0\");", kind, StringComparison.Ordinal);
        Assert.Contains("Empty { get; } = new(\"\");", kind, StringComparison.Ordinal);
        Assert.Contains("_1 { get; } = new(\"1\");", kind, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_of_nullable_enums_and_strings_compile()
    {
        var run = Generate("3.1.0", """
            Kind:
              type: string
              oneOf:
                - {title: USERS, const: users}
                - {title: ROLES, const: roles}
            Id:
              type: string
              format: snowflake
            Mentions:
              type: object
              properties:
                parse:
                  type: [array, 'null']
                  items:
                    oneOf: [{type: 'null'}, {$ref: '#/components/schemas/Kind'}]
                users:
                  type: [array, 'null']
                  items:
                    oneOf: [{type: 'null'}, {$ref: '#/components/schemas/Id'}]
            """);

        var mentions = run.Source("Mentions.g.cs");
        Assert.Contains("IList<global::Mapping.Kind?>? Parse", mentions, StringComparison.Ordinal);
        Assert.Contains("IList<string?>? Users", mentions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mixed_enum_is_a_union_of_its_value_types_and_binary_is_a_stream()
    {
        var run = Generate("3.1.0", """
            Odd:
              type: object
              properties:
                level:
                  enum: [1, 2, high, null]
                file:
                  type: string
                  format: binary
                link:
                  type: string
                  format: uri
                  maxLength: 10
            """);

        var odd = run.Source("Odd.g.cs");
        Assert.Contains("public global::Mapping.OddLevel? Level { get; set; }", odd, StringComparison.Ordinal);
        Assert.Contains("public global::System.IO.Stream? File { get; set; }", odd, StringComparison.Ordinal);
        Assert.Contains("collector.Length(global::OpenApiGen.Runtime.ValidationCollector.Member(path, \"link\"), v_Link.OriginalString, null, 10);", odd, StringComparison.Ordinal);
        var level = run.Source("OddLevel.g.cs");
        Assert.Contains("public bool IsInt64", level, StringComparison.Ordinal);
        Assert.Contains("public bool IsString", level, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_in_a_string_enum_makes_it_nullable_and_is_no_member()
    {
        var run = Generate("3.1.0", """
            Light:
              type: object
              properties:
                color:
                  enum: [red, green, null]
                  default: null
            """);

        Assert.Contains("public global::Mapping.LightColor? Color { get; set; }", run.Source("Light.g.cs"), StringComparison.Ordinal);
        var color = run.Source("LightColor.g.cs");
        Assert.Equal(2, color.Split("public static LightColor ").Length - 1);
        Assert.DoesNotContain("sentinel", color, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_specs_read_like_yaml_ones()
    {
        const string json = """
            {"openapi": "3.0.1", "info": {"title": "J", "version": "1"}, "paths": {},
             "components": {"schemas": {"Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "description": "The pet's name"}}}}}}
            """;

        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/pets.json", json) });

        Assert.Contains("/// <summary>The pet's name</summary>", run.Source("Pet.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_references_own_keywords_beside_ref_win_over_its_targets()
    {
        // 3.1 lets a $ref carry keywords of its own; the generator reads a plain reference's keywords from its target
        // (resolved once, for speed), so this pins that a reference with keywords of its own still has them honoured.
        var source = Generate("3.1.0", """
            Name: {type: string, description: The target's words., maxLength: 10}
            Person:
              type: object
              properties:
                plain: {$ref: '#/components/schemas/Name'}
                described: {$ref: '#/components/schemas/Name', description: Its own words.}
                shorter: {$ref: '#/components/schemas/Name', maxLength: 5}
            """).Source("Person.g.cs");

        Assert.Contains("/// <summary>The target's words.</summary>\n        /// <remarks>Constraints: at most 10 characters.</remarks>\n        public string? Plain", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Its own words.</summary>\n        /// <remarks>Constraints: at most 10 characters.</remarks>\n        public string? Described", source, StringComparison.Ordinal);
        Assert.Contains("/// <remarks>Constraints: at most 5 characters.</remarks>\n        public string? Shorter", source, StringComparison.Ordinal);
        Assert.Contains("\"shorter\"), v_Shorter, null, 5);", source, StringComparison.Ordinal);
        Assert.Contains("\"plain\"), v_Plain, null, 10);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_take_the_names_and_descriptions_the_spec_gives_them()
    {
        var run = Generate("3.0.3", """
            Count:
              type: string
              enum: ['1', '2', '3']
              x-enum-varnames: [One, Two]
              x-enum-descriptions: [A single image, Two images]
            Tier:
              type: string
              enum: [std, hd]
              x-ms-enum:
                name: Tier
                modelAsString: true
                values:
                  - {value: std, name: Standard, description: The usual quality}
                  - {value: hd, name: HighDefinition}
            Plain:
              type: string
              enum: ['1', '2']
            """);

        var count = run.Source("Count.g.cs");
        Assert.Contains("/// <summary><c>1</c>: A single image</summary>\n    public static Count One { get; } = new(\"1\");", count, StringComparison.Ordinal);
        Assert.Contains("public static Count Two { get; } = new(\"2\");", count, StringComparison.Ordinal);
        Assert.Contains("/// <summary><c>3</c></summary>\n    public static Count _3 { get; } = new(\"3\");", count, StringComparison.Ordinal);

        var tier = run.Source("Tier.g.cs");
        Assert.Contains("/// <summary><c>std</c>: The usual quality</summary>\n    public static Tier Standard { get; } = new(\"std\");", tier, StringComparison.Ordinal);
        Assert.Contains("public static Tier HighDefinition { get; } = new(\"hd\");", tier, StringComparison.Ordinal);

        Assert.Contains("public static Plain _1 { get; } = new(\"1\");", run.Source("Plain.g.cs"), StringComparison.Ordinal);
    }
}
