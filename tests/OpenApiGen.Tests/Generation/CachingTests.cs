using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Pipeline;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>Editing C# re-runs nothing; editing one spec re-runs only that spec's outputs.</summary>
public class CachingTests
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.Files, TrackingNames.Grouped, TrackingNames.Inputs, TrackingNames.Results, TrackingNames.Clients, TrackingNames.Merged, TrackingNames.Models,
        TrackingNames.ClientDiagnostics,
        TrackingNames.Diagnostics, TrackingNames.ProjectDiagnostics, TrackingNames.Capabilities, TrackingNames.Support,
        TrackingNames.Emitted, TrackingNames.SupportDiagnostics,
    };

    // With the embedded document on, the model also holds the whole effective JSON: as a string, it must compare by content.
    private static IReadOnlyList<SpecSource> TwoSpecs(bool embedDocument) => new[]
    {
        SpecSource.FromFile(Path.Combine(RepoPaths.Specs, "evolink/tasks.yaml"), "Caching.Tasks", "TasksClient", embedDocument),
        SpecSource.FromFile(Path.Combine(RepoPaths.Specs, "apikley/record-info.yaml"), "Caching.Records", "RecordsClient", embedDocument),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unrelated_csharp_edit_reruns_nothing(bool embedDocument)
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(TwoSpecs(embedDocument), "Caching", trackSteps: true);
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        // Two steps read the compilation, so they run again and give what they gave (Unchanged); every other step,
        // the ones after those two included, is Cached.
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in s_trackedSteps.Append(TrackingNames.RootNamespace))
        {
            var expected = step is TrackingNames.Capabilities or TrackingNames.Support ? IncrementalStepRunReason.Unchanged : IncrementalStepRunReason.Cached;
            var outputs = result.TrackedSteps[step].SelectMany(static r => r.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason == expected, $"{step} was {o.Reason}, not {expected}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Editing_one_spec_reruns_only_that_spec(bool embedDocument)
    {
        var specs = TwoSpecs(embedDocument);
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(specs, "Caching", trackSteps: true, out var texts);
        driver = driver.RunGenerators(compilation);
        var original = driver.GetRunResult().Results.Single().GeneratedSources;

        var tasks = specs[0];
        var editedText = tasks.Text.Replace("Task ID", "The task's ID", StringComparison.Ordinal);
        Assert.NotEqual(tasks.Text, editedText);
        driver = driver.ReplaceAdditionalText(texts[0], new GeneratorHarness.InMemoryAdditionalText(tasks.Path, editedText));
        driver = driver.RunGenerators(compilation);

        var results = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Results];
        var reasons = results.SelectMany(static r => r.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(static r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var edited = driver.GetRunResult().Results.Single().GeneratedSources;
        Assert.NotEqual(original, edited);
        Assert.Equal(embedDocument, edited.Any(static s => s.HintName == "TasksClient.TasksOpenApiDocument.g.cs" && s.SourceText.ToString().Contains("The task's ID", StringComparison.Ordinal)));
    }

    [Fact]
    public void Moving_a_diagnostic_to_another_line_reemits_no_source()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Moved, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    age: {type: integer, default: old}
            """;
        var source = new SpecSource("/specs/moved.yaml", spec, "Caching.Moved", "MovedClient");
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { source }, "Caching", trackSteps: true, out var texts);
        driver = driver.RunGenerators(compilation);
        var before = driver.GetRunResult();

        driver = driver.ReplaceAdditionalText(texts[0], new GeneratorHarness.InMemoryAdditionalText(source.Path, "# A line above everything.\n" + spec));
        driver = driver.RunGenerators(compilation);
        var after = driver.GetRunResult();

        // The diagnostic moved one line down; the model did not change, so no file was emitted again.
        Assert.Equal(
            Assert.Single(before.Diagnostics, static d => d.Id == "OAG010").Location.GetLineSpan().StartLinePosition.Line + 1,
            Assert.Single(after.Diagnostics, static d => d.Id == "OAG010").Location.GetLineSpan().StartLinePosition.Line);
        var steps = after.Results.Single().TrackedSteps;
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(steps[TrackingNames.Results].SelectMany(static r => r.Outputs)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(steps[TrackingNames.Diagnostics].SelectMany(static r => r.Outputs)).Reason);
        // The client's merge ran again and gave the same model (Unchanged), so the step after it did not run (Cached).
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(steps[TrackingNames.Merged].SelectMany(static r => r.Outputs)).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(steps[TrackingNames.Models].SelectMany(static r => r.Outputs)).Reason);

        // One output ran again: the diagnostics' report.
        var outputs = after.Results.Single().TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs).ToList();
        Assert.Single(outputs, static o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(
            before.Results.Single().GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())),
            after.Results.Single().GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Turning_the_embedded_document_on_reruns_only_that_spec()
    {
        var specs = TwoSpecs(embedDocument: false);
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(specs, "Caching", trackSteps: true);
        driver = driver.RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.OptionsFor(new[] { specs[0] with { EmbedDocument = true }, specs[1] }, "Caching"));
        driver = driver.RunGenerators(compilation);

        var reasons = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Results].SelectMany(static r => r.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(static r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains(driver.GetRunResult().Results.Single().GeneratedSources, static s => s.HintName == "TasksClient.TasksOpenApiDocument.g.cs");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_pipeline_value_holds_a_symbol_a_syntax_node_or_a_compilation(bool embedDocument)
    {
        var driver = GeneratorHarness.CreateDriver(TwoSpecs(embedDocument), "Caching", trackSteps: true)
            .RunGenerators(GeneratorHarness.CreateCompilation("class A { }"));

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in result.TrackedSteps.Where(static s => s_trackedSteps.Contains(s.Key)))
        {
            foreach (var run in step.Value)
            {
                foreach (var (value, _) in run.Outputs)
                {
                    AssertPlainData(value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel or AdditionalText, $"{step} holds a {value.GetType().Name}");
        Assert.False(value is Array, $"{step} holds a plain array ({value.GetType().Name}), which compares by reference");

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertPlainData(item, step, seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), step, seen);
        }
    }
}
