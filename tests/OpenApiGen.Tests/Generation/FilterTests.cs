using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Cli;
using OpenApiGen.Pipeline;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// IncludeOperations and ExcludeOperations: only the operations kept become methods, only the schemas they use
/// (however indirectly) become types, the output compiles, a selector that matches nothing or cannot be read is
/// reported, and the command writes what the build emits for the same filter.
/// </summary>
public sealed class FilterTests : IDisposable
{
    private static readonly string s_spec = Path.Combine(RepoPaths.TestData, "filters.yaml");

    private static readonly string[] s_allOperations = ["ListPets", "CreatePet", "ShowPetById", "DeletePet", "ListOrders", "GetOrder", "ListUsers"];

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("openapigen-filters-");

    [Fact]
    public void Without_a_filter_every_operation_and_every_component_is_generated()
    {
        var run = Run(include: null, exclude: null);

        Assert.Equal(s_allOperations.Order(StringComparer.Ordinal), Operations(run));
        Assert.Subset(Types(run), new HashSet<string> { "Pet", "NewPet", "Category", "Animal", "Dog", "Order", "OrderLine", "Problem", "User", "Orphan" });
    }

    [Fact]
    public void A_tag_keeps_its_operations_and_the_schemas_they_reach_and_nothing_else()
    {
        var run = Run("tag:pets", exclude: null);

        Assert.Equal(["CreatePet", "DeletePet", "ListPets", "ShowPetById"], Operations(run));
        var types = Types(run);
        // Reached through a property (Category, Animal), a request body (NewPet), and as Animal's discriminated subtype (Dog).
        Assert.Subset(types, new HashSet<string> { "Pet", "NewPet", "Category", "Animal", "Dog" });
        Assert.DoesNotContain("Order", types);
        Assert.DoesNotContain("OrderLine", types);
        Assert.DoesNotContain("Problem", types);
        Assert.DoesNotContain("User", types);
        Assert.DoesNotContain("Orphan", types);
    }

    [Fact]
    public void A_path_glob_with_two_stars_keeps_the_path_and_everything_under_it()
    {
        var run = Run("path:/store/**", exclude: null);

        Assert.Equal(["GetOrder", "ListOrders"], Operations(run));
        var types = Types(run);
        // Problem only through the component response NotFound, which only getOrder uses.
        Assert.Subset(types, new HashSet<string> { "Order", "OrderLine", "Problem" });
        Assert.DoesNotContain("Pet", types);
        Assert.DoesNotContain("Category", types);
    }

    [Fact]
    public void A_path_glob_with_one_star_is_one_segment()
    {
        var run = Run("path:/pets/*", exclude: null);

        Assert.Equal(["DeletePet", "ShowPetById"], Operations(run));
        Assert.DoesNotContain("NewPet", Types(run));
    }

    [Fact]
    public void An_operation_id_keeps_that_operation_only()
    {
        var run = Run("operation:listPets", exclude: null);

        Assert.Equal(["ListPets"], Operations(run));
        var types = Types(run);
        Assert.Contains("Pet", types);
        // Only createPet's request body used it.
        Assert.DoesNotContain("NewPet", types);
    }

    [Fact]
    public void Include_and_exclude_together_keep_what_one_matches_and_the_other_does_not()
    {
        var run = Run("tag:pets;path:/users", "operation:deletePet;tag:admin");

        Assert.Equal(["CreatePet", "ListPets", "ListUsers", "ShowPetById"], Operations(run));
        Assert.Subset(Types(run), new HashSet<string> { "Pet", "User" });
        Assert.DoesNotContain("Order", Types(run));
    }

    [Fact]
    public void An_exclude_alone_keeps_every_other_operation_and_drops_what_only_the_excluded_used()
    {
        var run = Run(include: null, "tag:store");

        Assert.Equal(["CreatePet", "DeletePet", "ListPets", "ListUsers", "ShowPetById"], Operations(run));
        var types = Types(run);
        Assert.Contains("User", types);
        Assert.DoesNotContain("Order", types);
        Assert.DoesNotContain("Problem", types);
        // With a filter on, a component nobody uses is not generated either.
        Assert.DoesNotContain("Orphan", types);
    }

    [Fact]
    public void A_selector_that_matches_nothing_is_OAG030_at_the_paths_key()
    {
        var run = Run("tag:pets;tag:Pets", "operation:nope");

        var found = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG030").ToList();
        Assert.Equal(2, found.Count);
        Assert.All(found, static d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(found, static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'tag:Pets' in IncludeOperations", StringComparison.Ordinal));
        Assert.Contains(found, static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'operation:nope' in ExcludeOperations", StringComparison.Ordinal));
        var pathsLine = File.ReadAllLines(s_spec).ToList().IndexOf("paths:");
        Assert.All(found, d => Assert.Equal((s_spec, pathsLine), (d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line)));
        // The selector that did match still filters.
        Assert.Equal(["CreatePet", "DeletePet", "ListPets", "ShowPetById"], Operations(run));
    }

    [Fact]
    public void An_include_that_matches_nothing_leaves_no_client_and_no_types_and_says_so()
    {
        var run = Run("tag:nope", exclude: null);

        Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG030");
        // As for a spec without paths: no operation, no client class.
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Filters.Pets.PetsClient"));
        Assert.DoesNotContain("Pet", Types(run));
        Assert.DoesNotContain("Orphan", Types(run));
    }

    [Theory]
    [InlineData("color:red")]
    [InlineData("tag:")]
    [InlineData("pets")]
    public void A_malformed_selector_is_the_error_OAG031_and_is_left_out(string selector)
    {
        var run = Run("tag:store;" + selector, exclude: null);

        var error = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG031");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(s_spec, error.Location.GetLineSpan().Path);
        Assert.Contains($"'{selector}' in IncludeOperations", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(["GetOrder", "ListOrders"], Operations(run));
    }

    [Fact]
    public void With_a_filter_an_unrelated_csharp_edit_reruns_nothing_and_changing_the_filter_reruns_the_spec()
    {
        var source = Source("tag:pets", "operation:deletePet");
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver([source], "Filters", trackSteps: true);
        driver = driver.RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var step in new[] { TrackingNames.Grouped, TrackingNames.Inputs, TrackingNames.Results, TrackingNames.Models })
        {
            Assert.All(steps[step].SelectMany(static r => r.Outputs), o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"{step} was {o.Reason}"));
        }

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.OptionsFor([source with { ExcludeOperations = null }], "Filters"));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(result.TrackedSteps[TrackingNames.Results].SelectMany(static r => r.Outputs)).Reason);
        Assert.Contains(result.GeneratedSources, static s => s.SourceText.ToString().Contains("DeletePetAsync(", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tag:pets", null)]
    [InlineData("path:/store/**;operation:listUsers", "operation:getOrder")]
    [InlineData(null, "tag:pets")]
    public void The_command_writes_the_files_the_build_emits_for_the_same_filter(string? include, string? exclude)
    {
        var built = Run(include, exclude);
        Assert.Empty(built.GeneratorDiagnostics);

        var errors = new StringWriter();
        var code = CommandLineGenerator.Run(
            new GenerateRequest(new FileInfo(s_spec), [], "Filters.Pets", "PetsClient", _output, Registrations: false, Include: include?.Split(';'), Exclude: exclude is null ? null : [exclude]),
            TextWriter.Null,
            errors,
            CancellationToken.None);

        Assert.Equal((0, string.Empty), (code, errors.ToString()));
        var written = _output.GetFiles().ToDictionary(static f => f.Name, static f => File.ReadAllText(f.FullName));
        Assert.Equal(built.Sources.Select(static s => s.HintName).Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(built.Sources, s => Assert.Equal(s.Text, written[s.HintName]));
    }

    public void Dispose() => _output.Delete(recursive: true);

    private static SpecSource Source(string? include, string? exclude)
        => SpecSource.FromFile(s_spec, "Filters.Pets", "PetsClient") with { IncludeOperations = include, ExcludeOperations = exclude };

    /// <summary>Runs the generator and holds the output to compile without a warning, whatever the filter kept.</summary>
    private static GeneratorRun Run(string? include, string? exclude)
    {
        var run = GeneratorHarness.Run([Source(include, exclude)]);
        Assert.Empty(run.CompilationProblems);
        return run;
    }

    /// <summary>The client's methods, by the operations' names: "ListPets" for ListPetsAsync.</summary>
    private static List<string> Operations(GeneratorRun run)
    {
        var client = run.OutputCompilation.GetTypeByMetadataName("Filters.Pets.PetsClient");
        Assert.NotNull(client);
        return client.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(static m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(static m => m.Name[..^"Async".Length])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The types generated in the spec's namespace, by name.</summary>
    private static HashSet<string> Types(GeneratorRun run)
        => run.OutputCompilation.GlobalNamespace.GetNamespaceMembers().Single(static n => n.Name == "Filters")
            .GetNamespaceMembers().Single(static n => n.Name == "Pets")
            .GetTypeMembers().Select(static t => t.Name).ToHashSet(StringComparer.Ordinal);
}
