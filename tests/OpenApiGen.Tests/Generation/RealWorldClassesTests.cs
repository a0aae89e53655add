using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// One test a failure class found on real specs or by the fuzzer (docs/fuzzing.md), each over its minimal spec in
/// TestData/RealWorld: the generator never throws, every problem is a diagnostic at its own line, and a spec whose
/// intent is clear builds with warnings only.
/// </summary>
public class RealWorldClassesTests
{
    private static string PathOf(string file) => Path.Combine(RepoPaths.TestData, "RealWorld", file);

    private static GeneratorRun Run(string file)
    {
        var run = GeneratorHarness.Run(new[] { SpecSource.FromFile(PathOf(file), "RealWorld", "RealWorldClient") });
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id is "OAG000" or "CS8785");
        return run;
    }

    /// <summary>Generates, expects no error from the generator and output that compiles cleanly.</summary>
    private static GeneratorRun Builds(string file, DiagnosticSeverity worst = DiagnosticSeverity.Warning)
    {
        var run = Run(file);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > worst);
        Assert.Empty(run.CompilationProblems);
        return run;
    }

    /// <summary>The 0-based line of the first line of the file, comments aside, that contains <paramref name="text"/>.</summary>
    private static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(PathOf(file));
        var index = Array.FindIndex(lines, l => !l.TrimStart().StartsWith('#') && l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in {file}");
        return index;
    }

    /// <summary>The one diagnostic with that id on that line, or on the next (where a block mapping's value starts).</summary>
    private static Diagnostic At(GeneratorRun run, string id, int line)
    {
        var found = run.GeneratorDiagnostics.Where(d => d.Id == id && d.Location.GetLineSpan().StartLinePosition.Line - line is 0 or 1).ToList();
        Assert.True(found.Count == 1, $"no single {id} at line {line + 1}; reported:\n" + string.Join("\n", run.GeneratorDiagnostics));
        return found[0];
    }

    [Fact]
    public void Values_of_the_wrong_kind_are_read_the_obvious_way_with_a_warning_at_their_line()
    {
        const string file = "boolean-written-as-zero.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);

        Assert.Contains("read as minimum 0, exclusive", At(run, "OAG013", LineOf(file, "exclusiveMinimum: 0")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("read as false", At(run, "OAG013", LineOf(file, "nullable: '0'")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("read as true", At(run, "OAG013", LineOf(file, "readOnly: 1")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("read as 5", At(run, "OAG013", LineOf(file, "maxLength: 5.0")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("read as true", At(run, "OAG013", LineOf(file, "uniqueItems: 'true'")).GetMessage(), StringComparison.Ordinal);
        // Information, not a warning: the code is what the author meant, so a build with warnings as errors goes on.
        Assert.All(run.GeneratorDiagnostics, static d => Assert.Equal(("OAG013", DiagnosticSeverity.Info), (d.Id, d.Severity)));

        // The readings are applied: the exclusive bound is checked, and a is not nullable.
        var flags = run.Source("Flags.g.cs");
        Assert.Contains("(double)v_Seed, 0d, true, null, false);", flags, StringComparison.Ordinal);
        Assert.Contains("public string? A { get; set; }", flags, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_no_reading_fits_are_dropped_each_with_a_warning_at_its_line()
    {
        const string file = "keyword-values-of-the-wrong-kind.yaml";
        var run = Run(file);

        At(run, "OAG014", LineOf(file, "additionalProperties: 42"));
        At(run, "OAG014", LineOf(file, "list: []"));
        At(run, "OAG013", LineOf(file, "none: null"));
        var maxLine = LineOf(file, "maxLength: 2147483648");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG014" && d.Location.GetLineSpan().StartLinePosition.Line == maxLine && d.GetMessage().Contains("'maxLength' is 2147483648", StringComparison.Ordinal));
        At(run, "OAG014", LineOf(file, "minLength: 0.5"));
        At(run, "OAG014", LineOf(file, "multipleOf: 1e300"));
        At(run, "OAG014", LineOf(file, "minimum: 1e400"));
        At(run, "OAG014", LineOf(file, "nothing: '#/components/schemas/'"));
        Assert.Equal(DiagnosticSeverity.Warning, run.GeneratorDiagnostics.First(static d => d.Id == "OAG014").Severity);

        // The empty reference resolves to no schema: that one is an error, at its line, and the rest still builds.
        At(run, "OAG004", LineOf(file, "$ref: ''"));
        Assert.Empty(run.CompilationProblems);
        var odd = run.Source("Odd.g.cs");
        Assert.Contains("global::System.Text.Json.JsonElement? List { get; set; }", odd, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", odd, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_the_generator_does_not_read_is_an_error_at_the_version()
    {
        var run = Run("unsupported-version.yaml");
        Assert.Equal(DiagnosticSeverity.Error, At(run, "OAG002", LineOf("unsupported-version.yaml", "openapi: 4.0.0")).Severity);
        Assert.Empty(run.Sources);

        // 3.2 keeps 3.1's documents valid: read as 3.1, with a warning.
        var next = GeneratorHarness.Run(new[] { new SpecSource("/specs/next.yaml", "openapi: 3.2.0\ninfo: {title: Next, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {type: object, properties: {b: {type: string}}}}}\n", "Next", "NextClient") });
        Assert.Equal(("OAG014", DiagnosticSeverity.Warning), Assert.Single(next.GeneratorDiagnostics) is var d ? (d.Id, d.Severity) : default);
        Assert.Contains("public string? B { get; set; }", next.Source("A.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Required_true_inside_a_property_is_read_as_a_required_property()
    {
        const string file = "required-true-in-a-schema.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);

        Assert.Contains("Swagger 2.0", At(run, "OAG013", LineOf(file, "required: true")).GetMessage(), StringComparison.Ordinal);
        At(run, "OAG013", LineOf(file, "required: false"));
        var account = run.Source("Account.g.cs");
        Assert.Contains("public required string Id { get; set; }", account, StringComparison.Ordinal);
        Assert.Contains("public string? Note { get; set; }", account, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_nested_past_the_budget_are_cut_there_with_a_located_warning()
    {
        // 990 levels overflowed the compiler's stack; the reader's limit is 1,000 JSON levels, the schema budget 64.
        var run = Builds("schemas-990-deep.json");
        var cut = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAG005", DiagnosticSeverity.Warning), (cut.Id, cut.Severity));
        Assert.Contains("deeper than 64", cut.GetMessage(), StringComparison.Ordinal);
        Assert.NotEqual(default, cut.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void A_discriminator_whose_property_is_not_required_is_valid()
    {
        // Microsoft.OpenApi's "must contain property specified in the discriminator in the required field list" failed
        // the build of most large real specs; OpenAPI asks for the property in the payload, not in 'required'.
        var run = Builds("discriminator-not-required.yaml", DiagnosticSeverity.Hidden);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public partial class Cat : global::RealWorld.Pet", run.Source("Cat.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_paths_of_one_signature_are_a_warning_and_both_operations_are_generated()
    {
        const string file = "duplicate-path-signatures.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);
        Assert.Contains("MUST be unique", At(run, "OAG013", LineOf(file, "/accounts/{key}/users/{name}:")).GetMessage(), StringComparison.Ordinal);
        var client = run.Source("RealWorldClient.g.cs");
        Assert.Contains("GetAccountUserAsync(string id, string user,", client, StringComparison.Ordinal);
        Assert.Contains("DeleteAccountUserAsync(string key, string name,", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Responses_without_a_response_are_a_warning_and_the_method_returns_task()
    {
        const string file = "responses-without-a-response.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);
        At(run, "OAG013", LineOf(file, "responses: {}"));
        Assert.Contains("global::System.Threading.Tasks.Task<global::OpenApiGen.Runtime.ApiResponse> PingAsync(", run.Source("RealWorldClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_in_another_form_are_read_as_their_type()
    {
        const string file = "defaults-in-another-form.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);
        At(run, "OAG013", LineOf(file, "default: \"false\""));
        At(run, "OAG013", LineOf(file, "default: \"0.0001\""));
        At(run, "OAG013", LineOf(file, "default: \"100\""));
        At(run, "OAG013", LineOf(file, "default: 9223372036854776000"));
        Assert.Equal(3, run.GeneratorDiagnostics.Count(static d => d.Id == "OAG013" && d.GetMessage().Contains("read as null", StringComparison.Ordinal)));

        var settings = run.Source("Settings.g.cs");
        Assert.Contains("public bool HasAttachments { get; set; } = false;", settings, StringComparison.Ordinal);
        Assert.Contains("public float LearningRate { get; set; } = 0.0001f;", settings, StringComparison.Ordinal);
        Assert.Contains("public int MaxTokens { get; set; } = 100;", settings, StringComparison.Ordinal);
        Assert.Contains("public long Limit { get; set; } = 9223372036854775807L;", settings, StringComparison.Ordinal);
        Assert.Contains("public float? TopP { get; set; }", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("TopP { get; set; } =", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Seed { get; set; } =", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Grammar { get; set; } =", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_made_from_deep_places_fit_a_file_name()
    {
        // 330 nested inline objects are named OuterInnerInner...: past 255 bytes, no file system takes the file.
        var run = Builds("inline-objects-330-deep.json");
        Assert.All(run.Sources, static s => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(s.HintName), 1, 200));
        Assert.Equal(run.Sources.Length, run.Sources.Select(static s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_long_name_is_cut_to_the_budget_with_a_hash_of_the_whole()
    {
        var a = OpenApiGen.Naming.NameScope.WithinBudget(new string('A', 300) + "Left");
        var b = OpenApiGen.Naming.NameScope.WithinBudget(new string('A', 300) + "Right");
        var wide = OpenApiGen.Naming.NameScope.WithinBudget(string.Concat(Enumerable.Repeat("名前\uD83D\uDE00", 60)));

        Assert.Equal(OpenApiGen.Naming.NameScope.MaxNameBytes, System.Text.Encoding.UTF8.GetByteCount(a));
        Assert.NotEqual(a, b);
        Assert.Equal(a, OpenApiGen.Naming.NameScope.WithinBudget(new string('A', 300) + "Left"));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(wide), 100, OpenApiGen.Naming.NameScope.MaxNameBytes);
        Assert.False(char.IsHighSurrogate(wide[wide.LastIndexOf('_') - 1]));
        Assert.Equal("Short", OpenApiGen.Naming.NameScope.WithinBudget("Short"));
    }

    [Fact]
    public void References_that_lead_only_to_references_are_cut_where_the_cycle_closes()
    {
        const string file = "reference-cycles-through-no-schema.yaml";
        var run = Builds(file);
        Assert.Equal(2, run.GeneratorDiagnostics.Count(static d => d.Id == "OAG005"));
        At(run, "OAG005", LineOf(file, "$ref: '#/components/schemas/Holder/properties/self'"));
        Assert.Contains("global::System.Text.Json.JsonElement? Self { get; set; }", run.Source("Holder.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_references_past_the_budget_is_cut_there()
    {
        // 1,500 components, each a $ref to the next: followed by recursion, as deep as any nesting.
        var run = Builds("ref-chain-1500-long.json");
        // Cut once every 65 links, from the end, so no chain is longer than 64: 23 cuts for 1,500.
        var cuts = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG005").ToList();
        Assert.Equal(1500 / 65, cuts.Count);
        Assert.All(cuts, static d => Assert.Contains("more than 64 references", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void Type_names_that_differ_only_in_case_are_told_apart()
    {
        // OAuthDelegationStatus (an inline enum) and OauthDelegationStatus (declared): one hint name to Roslyn (OAG000),
        // one file to Windows and macOS.
        var run = Builds("names-differ-in-case.yaml", DiagnosticSeverity.Info);
        Assert.Equal(run.Sources.Length, run.Sources.Select(static s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(run.Sources, static s => s.HintName.EndsWith(".OauthDelegationStatus.g.cs", StringComparison.Ordinal));
        Assert.Contains(run.Sources, static s => s.HintName.EndsWith(".OAuthDelegationStatus2.g.cs", StringComparison.Ordinal));
        Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG006");
    }

    [Fact]
    public void A_type_is_not_named_like_a_member_every_type_of_its_kind_declares()
    {
        // Qdrant's union Match beside every union's Match method was CS0542, and no diagnostic said why.
        const string file = "type-named-like-its-member.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);

        Assert.Contains("public sealed partial class Match2", run.Source(".Match2.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public readonly partial record struct KnownValues2 ", run.Source(".KnownValues2.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public partial class Validate2", run.Source(".Validate2.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public bool IsString2 => ", run.Source(".IsString.g.cs"), StringComparison.Ordinal);
        Assert.Contains("a member every generated union declares", At(run, "OAG006", LineOf(file, "Match:")).GetMessage(), StringComparison.Ordinal);
        At(run, "OAG006", LineOf(file, "KnownValues:"));
        At(run, "OAG006", LineOf(file, "Validate:"));
    }

    [Fact]
    public void A_list_with_constraints_of_another_kind_gets_no_check_for_them()
    {
        // A maxLength, maximum or pattern on an array asked for checks the list has none of: CS1525 in Validate().
        var run = Builds("list-with-constraints-of-another-kind.yaml", DiagnosticSeverity.Info);
        var source = run.Source(".Connection.g.cs");
        Assert.Contains("if (Uri is null) collector.Missing(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("if (Links is { } v_Links)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_security_requirement_naming_an_empty_scheme_is_left_out_at_its_line()
    {
        const string file = "security-requirement-naming-nothing.yaml";
        var run = Builds(file);
        At(run, "OAG014", LineOf(file, "- '': []"));
        At(run, "OAG014", LineOf(file, "- ' ': []"));

        // The other requirement stands: the client still sends the key.
        Assert.Contains("X-Api-Key", string.Concat(run.Sources.Select(static s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_that_fits_one_case_of_a_union_is_that_case()
    {
        // AssemblyAI's, Together's and Qdrant's defaults were OAG010 ("does not fit its type"), failing their builds.
        var run = Builds("default-fits-a-union-case.yaml");
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG010");
        var request = run.Source(".Request.g.cs");

        // A member an enum case names comes before the string case; a value no other case takes is the enum's.
        Assert.Contains("LanguageCode { get; set; } = new global::RealWorld.RequestLanguageCode(global::RealWorld.LanguageCode.EnUs);", request, StringComparison.Ordinal);
        Assert.Contains("BatchSize { get; set; } = new global::RealWorld.RequestBatchSize(global::RealWorld.RequestBatchSizeOption2.Max);", request, StringComparison.Ordinal);
        Assert.Contains("WithPayload { get; set; } = new global::RealWorld.RequestWithPayload(true);", request, StringComparison.Ordinal);

        var type = run.Load().GetType("RealWorld.Request", throwOnError: true)!;
        var value = Activator.CreateInstance(type)!;
        // A union's ToString is its JSON.
        Assert.Equal("\"en_us\"", type.GetProperty("LanguageCode")!.GetValue(value)!.ToString());
    }

    [Fact]
    public void A_branch_that_says_only_nullable_makes_the_other_branch_nullable()
    {
        var run = Builds("nullable-only-branch.yaml", DiagnosticSeverity.Hidden);
        var request = run.Source(".Request.g.cs");

        // The other branch, nullable: no union of it and a JSON element, and the default fits it.
        Assert.Contains("public global::RealWorld.PayloadSelector? WithPayload { get; set; } = new global::RealWorld.PayloadSelector(true);", request, StringComparison.Ordinal);
        Assert.Contains("public string? Name { get; set; }", request, StringComparison.Ordinal);
        Assert.Contains("public int? Limit { get; set; }", request, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, static s => s.HintName.Contains("RequestWithPayload", StringComparison.Ordinal) || s.HintName.Contains("RequestName", StringComparison.Ordinal));

        // A branch {} is still any value: an integer or any JSON value is a union with a JSON case.
        Assert.Contains("public global::RealWorld.RequestAnything? Anything { get; set; }", request, StringComparison.Ordinal);

        // Null reads as null, a value as the branch.
        var type = run.Load().GetType("RealWorld.Request", throwOnError: true)!;
        var read = System.Text.Json.JsonSerializer.Deserialize("{\"with_payload\": null, \"name\": null, \"limit\": 3}", type)!;
        Assert.Null(type.GetProperty("WithPayload")!.GetValue(read));
        Assert.Null(type.GetProperty("Name")!.GetValue(read));
        Assert.Equal(3, type.GetProperty("Limit")!.GetValue(read));
    }

    [Fact]
    public void Nullable_beside_a_composition_makes_the_member_nullable()
    {
        var run = Builds("nullable-beside-a-composition.yaml", DiagnosticSeverity.Hidden);
        var owner = run.Source(".Owner.g.cs");

        // Required, and nullable as the spec says: present on the wire, maybe null.
        Assert.Contains("public required global::RealWorld.Money? Fee { get; set; }", owner, StringComparison.Ordinal);
        Assert.Contains("public required global::RealWorld.Money? Balance { get; set; }", owner, StringComparison.Ordinal);
        Assert.Contains("public required global::RealWorld.OwnerChoice? Choice { get; set; }", owner, StringComparison.Ordinal);

        // Without nullable, allOf of one reference is that reference, not nullable.
        Assert.Contains("public required global::RealWorld.Money Plain { get; set; }", owner, StringComparison.Ordinal);

        // A part that says only nullable makes no subclass.
        Assert.DoesNotContain(run.Sources, static s => s.HintName.Contains("OwnerBalance", StringComparison.Ordinal) || s.HintName.Contains("OwnerFee", StringComparison.Ordinal));

        // Null reads as null; a required member that is absent is still an error, and a null where none is allowed too.
        var type = run.Load().GetType("RealWorld.Owner", throwOnError: true)!;
        var read = System.Text.Json.JsonSerializer.Deserialize("{\"fee\": null, \"balance\": null, \"choice\": null, \"plain\": {\"amount\": 5}}", type)!;
        Assert.Null(type.GetProperty("Fee")!.GetValue(read));
        Assert.Null(type.GetProperty("Balance")!.GetValue(read));
        Assert.Null(type.GetProperty("Choice")!.GetValue(read));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize("{\"fee\": null, \"balance\": null, \"choice\": null}", type));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize("{\"fee\": null, \"balance\": null, \"choice\": null, \"plain\": null}", type));
    }

    [Fact]
    public void A_ref_into_a_component_responses_schema_resolves_to_that_schema()
    {
        // No diagnostic at all: the references resolve, and Microsoft.OpenApi's warning about a component named 'schema' is dropped.
        var run = Builds("ref-into-response-schema.yaml", DiagnosticSeverity.Hidden);
        var client = run.Source(".RealWorldClient.g.cs");

        // The response's items, its items' member, and the response's schema through a response that is a $ref: one type.
        Assert.Contains("Task<global::OpenApiGen.Runtime.ApiResponse<global::System.Collections.Generic.IList<global::RealWorld.ThingsResponseItem>>> ListThingsAsync(string? name = null,", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::OpenApiGen.Runtime.ApiResponse<global::System.Collections.Generic.IList<global::RealWorld.ThingsResponseItem>>> AddThingAsync(global::RealWorld.ThingsResponseItem body,", client, StringComparison.Ordinal);
        Assert.Equal("RealWorldClient.ThingsResponseItem.g.cs", Assert.Single(run.Sources, static s => !s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal) && !s.HintName.EndsWith(".RealWorldClient.g.cs", StringComparison.Ordinal)).HintName);
    }

    [Fact]
    public void A_discriminator_mapping_into_a_path_is_left_out_with_a_warning_at_the_entry()
    {
        const string file = "discriminator-mapping-into-a-path.yaml";
        var run = Builds(file);

        // What the entry is and what becomes of it, at the entry; not Microsoft.OpenApi's "'#/components/schemas/schema' does not point to an existing schema".
        var left = At(run, "OAG014", LineOf(file, "click: '#/paths/"));
        Assert.Equal(DiagnosticSeverity.Warning, left.Severity);
        Assert.Contains("mapping of 'click' on 'Event' leads into a path ('#/paths/~1events/post/requestBody/content/application~1json/schema'), not to a component schema", left.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("a payload whose 'type' is 'click' reads as Event", left.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(new[] { "OAG014" }, run.GeneratorDiagnostics.Select(static d => d.Id));

        // The same for a union's discriminator: its cases are still told apart by their members.
        var union = GeneratorHarness.Run(new[] { new SpecSource("/specs/union.yaml", """
            openapi: 3.0.3
            info: {title: Union, version: '1'}
            paths: {}
            components:
              schemas:
                Cat: {type: object, required: [kind, meow], properties: {kind: {type: string}, meow: {type: boolean}}}
                Dog: {type: object, required: [kind, bark], properties: {kind: {type: string}, bark: {type: boolean}}}
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      dog: '#/components/schemas/Dog/properties/bark'
            """, "RealWorld", "UnionClient") });
        var inside = Assert.Single(union.GeneratorDiagnostics);
        Assert.Equal("OAG014", inside.Id);
        Assert.Contains("mapping of 'dog' on 'Pet' leads inside the component schema 'Dog'", inside.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("is matched to a case by its members", inside.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(union.CompilationProblems);
    }

    [Fact]
    public void A_ref_whose_last_segment_is_empty_is_an_error_at_the_ref_and_the_rest_generates()
    {
        const string file = "ref-with-an-empty-name.yaml";
        var run = Run(file);

        At(run, "OAG004", LineOf(file, "$ref: '#/components/schemas/'"));
        At(run, "OAG004", LineOf(file, "$ref: '#/'"));
        At(run, "OAG004", LineOf(file, "$ref: '#'"));
        At(run, "OAG004", LineOf(file, "$ref: \"#/\""));
        At(run, "OAG004", LineOf(file, "$ref: \"#/components/schemas/\""));
        At(run, "OAG004", LineOf(file, "$ref: '#/components/schemas/ '"));
        Assert.Equal(6, run.GeneratorDiagnostics.Count(static d => d.Severity == DiagnosticSeverity.Error));

        // Each is typed as any value; the rest is generated and compiles.
        Assert.Contains("public global::System.Text.Json.JsonElement? Manager { get; set; }", run.Source(".User.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_media_type_path_or_response_that_is_no_object_is_left_out_with_a_warning_at_its_line()
    {
        const string file = "media-type-that-is-no-object.yaml";
        var run = Builds(file);

        Assert.Contains("the media type 'text/plain' is \"just text\", not an object; left out", At(run, "OAG014", LineOf(file, "text/plain: just text")).GetMessage(), StringComparison.Ordinal);
        var streamLine = LineOf(file, "text/event-stream: [id, data]");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG014" && d.Location.GetLineSpan().StartLinePosition.Line == streamLine && d.GetMessage().Contains("'text/event-stream' is [\"id\",\"data\"]", StringComparison.Ordinal));
        var xmlLine = LineOf(file, "application/xml:");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG014" && d.Location.GetLineSpan().StartLinePosition.Line == xmlLine && d.GetMessage().Contains("'application/xml' is null", StringComparison.Ordinal));
        Assert.Contains("the path '/nothing' is null", At(run, "OAG014", LineOf(file, "/nothing:")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("the response 'Cut' is null", At(run, "OAG014", LineOf(file, "Cut:")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("the component 'x-order' is 5", At(run, "OAG014", LineOf(file, "x-order: 5")).GetMessage(), StringComparison.Ordinal);
        var maxLine = LineOf(file, "maxLength: 2147483648");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG014" && d.Location.GetLineSpan().StartLinePosition.Line == maxLine && d.GetMessage().Contains("'maxLength' is 2147483648", StringComparison.Ordinal));

        // The media types that are objects are generated as written.
        Assert.Contains("Task<global::OpenApiGen.Runtime.ApiResponse<global::System.Collections.Generic.IList<string>>> PostEventAsync(", run.Source(".RealWorldClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_mark_on_a_member_that_is_no_string_is_left_out_with_a_warning()
    {
        // The client filled an integer member from the string ApiKey: code that did not compile, and no diagnostic.
        const string file = "credential-typed-as-a-number.yaml";
        var run = Builds(file);
        Assert.Contains("typed Int64, not a string", At(run, "OAG014", LineOf(file, "x-openapigen-credential: true")).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("public required long Key { get; set; }", run.Source(".RunRequest.g.cs"), StringComparison.Ordinal);
    }

    /// <summary>Runs on a thread with a compiler thread's stack (1 MB, a Windows compiler's), where recursion that follows the spec overflowed.</summary>
    private static GeneratorRun OnCompilerStack(Func<GeneratorRun> run)
    {
        GeneratorRun? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = run();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result!;
    }

    [Fact]
    public void A_oneOf_that_holds_itself_is_a_union_of_its_other_branches()
    {
        // The shape of a union's branches asked the shape of the union again: a stack overflow that ended the compiler.
        var run = OnCompilerStack(static () => Builds("self-referencing-oneof.yaml"));
        // The branch that is the union itself adds nothing (and its conversion from itself was CS0555): a string.
        var node = run.Source(".Node.g.cs");
        Assert.DoesNotContain("Node(global::RealWorld.Node value)", node, StringComparison.Ordinal);
        Assert.Contains("public Node(string value)", node, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_allOf_bases_past_the_budget_is_cut_there_and_keeps_the_rest_as_json()
    {
        // 1,500 components, each an allOf of the next: each base was built inside its subclass, 1,500 deep, and
        // overflowed the stack. Generated only: compiling 1,500 classes 64 deep takes minutes (the next test compiles a
        // shorter chain).
        var run = OnCompilerStack(static () => Run("allof-chain-1500-long.json"));
        var cuts = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG005").ToList();
        Assert.Equal(run.GeneratorDiagnostics.Length, cuts.Count);
        Assert.NotEmpty(cuts);
        Assert.All(cuts, static d => Assert.Contains("more than 64 allOf bases", d.GetMessage(), StringComparison.Ordinal));
        Assert.All(cuts, static d => Assert.NotEqual(default, d.Location.GetLineSpan().StartLinePosition));

        // Chain0 to Chain63 derive from one another, 64 classes; the last of them declares its own member and keeps the
        // rest's as JSON; Chain64 starts the next run.
        Assert.Contains("public partial class Chain0 : global::RealWorld.Chain1", run.Source(".Chain0.g.cs"), StringComparison.Ordinal);
        var cut = run.Source(".Chain63.g.cs");
        Assert.Contains("public partial class Chain63 : global::OpenApiGen.Runtime.Validatable\n", cut, StringComparison.Ordinal);
        Assert.Contains("public string? P63 { get; set; }", cut, StringComparison.Ordinal);
        Assert.DoesNotContain("P64", cut, StringComparison.Ordinal);
        Assert.Contains("AdditionalProperties { get; set; }", cut, StringComparison.Ordinal);
        Assert.Contains("public partial class Chain64 : global::RealWorld.Chain65", run.Source(".Chain64.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_chain_of_allOf_bases_compiles_and_reads_the_members_past_the_cut_as_json()
    {
        // 70 components, each an allOf of the next: one cut, Chain63 (the 64th class of the run) derives from nothing.
        var schemas = string.Join(",", Enumerable.Range(0, 70).Select(static i =>
            "\"Chain" + i + "\":{\"allOf\":[{\"$ref\":\"#/components/schemas/Chain" + (i + 1) + "\"},{\"type\":\"object\",\"properties\":{\"p" + i + "\":{\"type\":\"string\"}}}]}"));
        var spec = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Chain\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{"
            + schemas + ",\"Chain70\":{\"type\":\"object\",\"properties\":{\"end\":{\"type\":\"string\"}}}}}}";
        var run = OnCompilerStack(() => GeneratorHarness.Run(new[] { new SpecSource("/specs/chain.json", spec, "RealWorld", "RealWorldClient") }));
        Assert.Equal("OAG005", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.CompilationProblems);

        var assembly = run.Load();
        var type = assembly.GetType("RealWorld.Chain0", throwOnError: true)!;
        var context = (System.Text.Json.Serialization.JsonSerializerContext)assembly.GetTypes()
            .Single(static t => t.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)))
            .GetProperty("Default")!.GetValue(null)!;
        var info = context.GetTypeInfo(type)!;
        const string json = """{"p0":"a","p63":"b","p64":"c","end":"d"}""";
        var read = System.Text.Json.JsonSerializer.Deserialize(json, info)!;
        Assert.Equal("a", type.GetProperty("P0")!.GetValue(read));
        Assert.Equal("b", type.GetProperty("P63")!.GetValue(read));
        var rest = Assert.IsAssignableFrom<System.Collections.IDictionary>(type.GetProperty("AdditionalProperties")!.GetValue(read));
        Assert.Equal(new[] { "p64", "end" }, rest.Keys.Cast<string>());
        Assert.Equal(json.Length, System.Text.Json.JsonSerializer.Serialize(read, info).Length);
    }

    [Fact]
    public void A_chain_of_array_aliases_past_the_budget_is_cut_there()
    {
        // 1,500 components, each an array of the next: followed by recursion, each alias standing for what it holds.
        var run = OnCompilerStack(static () => Builds("array-chain-1500-long.json"));
        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, static d => Assert.Equal(("OAG005", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.All(run.GeneratorDiagnostics, static d => Assert.Contains("more than 128 components that each contain the next", d.GetMessage(), StringComparison.Ordinal));
        Assert.All(run.GeneratorDiagnostics, static d => Assert.NotEqual(default, d.Location.GetLineSpan().StartLinePosition));
    }

    [Fact]
    public void Enum_values_named_like_an_enums_own_members_are_renamed()
    {
        // 'value' beside every extensible enum's Value property was CS0102; an enum named Value, CS0542.
        const string file = "enum-values-named-like-its-members.yaml";
        var run = Builds(file, DiagnosticSeverity.Info);
        var mode = run.Source(".Mode.g.cs");
        Assert.Contains("public static global::RealWorld.Mode Value2 { get; } = new(\"value\");", mode.Replace("public static Mode", "public static global::RealWorld.Mode", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(run.Sources, static s => s.HintName.EndsWith(".Value2.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_a_map_of_schemas_is_an_error_at_the_reference()
    {
        // '#/components/schemas/Error/properties': Microsoft.OpenApi threw IndexOutOfRangeException (OAG000 at 1,1).
        const string file = "ref-to-a-map-of-schemas.yaml";
        var run = Run(file);
        Assert.Equal(DiagnosticSeverity.Error, At(run, "OAG004", LineOf(file, "Error/properties'")).Severity);
        Assert.Empty(run.CompilationProblems);
        var holder = run.Source(".Holder.g.cs");
        Assert.Contains("global::System.Text.Json.JsonElement? Info { get; set; }", holder, StringComparison.Ordinal);
        Assert.Contains("public string? Code { get; set; }", holder, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_backtracks_exponentially_is_checked_in_bounded_time()
    {
        // '^(a+)+$' on .NET's backtracking engine: 2^n steps on n letters and a mismatch at the end (ReDoS in Validate()).
        var run = Builds("pattern-that-backtracks.yaml");
        Assert.Contains("global::OpenApiGen.Runtime.ValidationPattern.Create(\"^(a+)+$\")", run.Source(".Code.g.cs"), StringComparison.Ordinal);

        var type = run.Load().GetType("RealWorld.Code", throwOnError: true)!;
        var value = Activator.CreateInstance(type)!;
        type.GetProperty("Value")!.SetValue(value, new string('a', 5000) + "!");
        var errors = (IReadOnlyList<OpenApiGen.Runtime.ValidationError>)type.GetMethod("Validate")!.Invoke(value, null)!;
        Assert.Equal(("$.value", "pattern"), (Assert.Single(errors).Path, errors[0].Rule));
    }

    [Fact]
    public void A_block_scalar_whose_first_line_holds_only_deeper_spaces_is_read_with_a_warning_at_its_header()
    {
        // YamlDotNet failed the whole document: "found extra spaces in first line" (OAG001).
        const string file = "keep-block-scalar-with-spaces.yaml";
        var run = Builds(file);
        var warning = At(run, "OAG055", LineOf(file, "example: |+"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var header = File.ReadAllLines(PathOf(file))[LineOf(file, "example: |+")];
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(LineOf(file, "example: |+"), header.IndexOf('|', StringComparison.Ordinal)), warning.Location.GetLineSpan().StartLinePosition);
        Assert.Single(run.GeneratorDiagnostics);

        // The rest of the document is read as written, and located as written: the next property is there.
        var note = run.Source(".Note.g.cs");
        Assert.Contains(" Size { get; set; }", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_that_fits_a_case_of_a_union_case_is_that_case_inside_it()
    {
        // The outer union's cases were asked only as scalars: a union case never fit, and the default was OAG010.
        var run = Builds("default-fits-a-case-of-a-case.yaml");
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG010");
        var request = run.Source(".Request.g.cs");
        Assert.Contains("new global::RealWorld.RequestSize(new global::RealWorld.Size(global::RealWorld.Preset.Large))", request, StringComparison.Ordinal);
        Assert.Contains("new global::RealWorld.RequestCount(new global::RealWorld.Size(3L))", request, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_report_that_names_its_place_only_in_its_message_is_located_there()
    {
        // "type is not a valid property at #/paths/~1pets/get/parameters", its pointer empty: OAG002 at (1,1).
        const string file = "reader-report-located-in-its-message.yaml";
        var run = Run(file);
        var errors = run.GeneratorDiagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, static d => Assert.NotEqual(default, d.Location.GetLineSpan().StartLinePosition));
        var parameters = LineOf(file, "parameters:");
        Assert.Contains(errors, d => d.GetMessage().Contains("type is not a valid property", StringComparison.Ordinal) && d.Location.GetLineSpan().StartLinePosition.Line - parameters is 0 or 1);
        var scheme = LineOf(file, "bearerAuth:");
        Assert.Contains(errors, d => d.GetMessage().Contains("enum is not a valid property", StringComparison.Ordinal) && d.Location.GetLineSpan().StartLinePosition.Line - scheme is 0 or 1);
    }

    [Fact]
    public void A_large_enum_is_written_in_the_form_that_compiles_in_linear_time_with_the_same_public_shape()
    {
        // 30,000 values as static auto-properties with initializers and a KnownValues array of them: a 5.8 MB file the
        // compiler took over 2 minutes on (nullable analysis of the static initializer is quadratic in its statements).
        var values = Enumerable.Range(0, 600).Select(static i => "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var spec = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Big\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Big\":{\"type\":\"string\",\"enum\":["
            + string.Join(",", values.Select(static v => "\"" + v + "\"")) + "]}}}}";
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/big.json", spec, "RealWorld", "RealWorldClient") });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var big = run.Source(".Big.g.cs");
        Assert.Contains("public static Big V599 => new(\"v599\");", big, StringComparison.Ordinal);
        Assert.DoesNotContain("{ get; } = new(\"", big, StringComparison.Ordinal);

        var type = run.Load().GetType("RealWorld.Big", throwOnError: true)!;
        var known = ((System.Collections.IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().Select(static v => v.ToString()!).ToList();
        Assert.Equal(values, known);
        Assert.Equal("v42", type.GetProperty("V42")!.GetValue(null)!.ToString());
        Assert.Equal(type.GetProperty("V42")!.GetValue(null), Activator.CreateInstance(type, "v42"));
    }
}
