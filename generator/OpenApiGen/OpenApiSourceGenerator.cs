using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Building;
using OpenApiGen.Diagnostics;
using OpenApiGen.Emit;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen;

/// <summary>
/// The pipeline, and only the pipeline: AdditionalFiles -> spec files -> one input per spec (with its overlays and
/// settings) -> one equatable model per spec -> source. Each step's value compares by content, so editing C# re-runs
/// nothing and editing one spec re-runs only that spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiSourceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) ? value : string.Empty)
            .WithTrackingName(TrackingNames.RootNamespace);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecFiles.Read(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.Files);

        var grouped = files.Collect()
            .Combine(rootNamespace)
            .Select(static (pair, _) => SpecInputs.Group(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Grouped);

        var inputs = grouped
            .SelectMany(static (group, _) => group.Inputs)
            .WithTrackingName(TrackingNames.Inputs);

        var results = inputs
            .Select(static (input, cancellationToken) => SpecPipeline.Build(input, cancellationToken))
            .WithTrackingName(TrackingNames.Results);

        // Only a bool from the compilation, so editing C# re-runs this cheap lookup and nothing after it.
        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => new EmitCapabilities(
                compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null
                && compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1") is not null))
            .WithTrackingName(TrackingNames.Capabilities);

        context.RegisterSourceOutput(results.Combine(capabilities), static (context, pair) => Emit(context, pair.Left, pair.Right));
        context.RegisterSourceOutput(grouped, static (context, group) =>
        {
            foreach (var diagnostic in group.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static void Emit(SourceProductionContext context, SpecResult result, EmitCapabilities capabilities)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Model is null)
        {
            return;
        }

        try
        {
            foreach (var (hintName, source) in SpecEmitter.Emit(result.Model, capabilities, context.CancellationToken))
            {
                context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An exception escaping a generator loses all output behind a bare CS8785; report it where it belongs instead.
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.GeneratorFailure,
                Location.Create(result.SpecPath, default, default),
                e.GetType().Name + ": " + e.Message));
        }
    }
}
