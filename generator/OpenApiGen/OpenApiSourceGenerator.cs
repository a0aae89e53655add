using Microsoft.CodeAnalysis;
using OpenApiGen.Building;
using OpenApiGen.Pipeline;

namespace OpenApiGen;

/// <summary>
/// The pipeline, and only the pipeline: the table of contents of the generator. Each step is one call into
/// <c>Pipeline/</c>, and each step's value compares by content, so editing C# re-runs nothing and editing one spec
/// re-runs only that spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiSourceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. The project's root namespace: the default namespace of a spec that names none.
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) ? value : string.Empty)
            .WithTrackingName(TrackingNames.RootNamespace);

        // 2. Each AdditionalFile that an OpenApiSpec item made a spec or an overlay, with its text and item metadata.
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecFiles.Read(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.Files);

        // 3. All files at once, since only together can overlays find their specs and client names be told apart.
        var grouped = files.Collect()
            .Combine(rootNamespace)
            .Select(static (pair, _) => SpecInputs.Group(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Grouped);

        // 4. One input per spec: the spec, its overlays, its settings. From here on, each spec runs on its own.
        var inputs = grouped
            .SelectMany(static (group, _) => group.Inputs)
            .WithTrackingName(TrackingNames.Inputs);

        // 5. Read, correct and build: one model and the diagnostics per spec.
        var results = inputs
            .Select(static (input, cancellationToken) => SpecModels.Build(input, cancellationToken))
            .WithTrackingName(TrackingNames.Results);

        // 6. The models as clients: specs that name the same client in the same namespace form one (a value per client,
        //    so editing one spec merges again only its client), every other spec alone.
        var clients = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => new ClientMember(result.Input!, result.Model!))
            .Collect()
            .SelectMany(static (members, _) => ClientGroups.Of(members))
            .WithTrackingName(TrackingNames.Clients);
        var merged = clients
            .Select(static (members, cancellationToken) => ClientGroupMerge.Merge(members, cancellationToken))
            .WithTrackingName(TrackingNames.Merged);

        // 7. The model and the diagnostics apart: moving a diagnostic's line changes no model, so it re-emits nothing.
        var models = merged
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        var clientDiagnostics = merged
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.ClientDiagnostics);
        var projectDiagnostics = grouped
            .Select(static (group, _) => group.Diagnostics)
            .WithTrackingName(TrackingNames.ProjectDiagnostics);

        // 8. What the project references that changes the output: a bool, so editing C# stops here.
        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => EmitCapabilities.Of(compilation))
            .WithTrackingName(TrackingNames.Capabilities);

        // 9. Whether the project can compile the output at all (C# 11, OpenApiGen.Runtime): if not, one diagnostic, no files.
        var support = context.ParseOptionsProvider
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => ProjectSupport.Of(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Support);
        var emitted = models
            .Combine(support)
            .Where(static pair => pair.Right.CanCompile)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.Emitted);
        var supportDiagnostics = grouped
            .Select(static (group, _) => group.Inputs.Count)
            .Combine(support)
            .Select(static (pair, _) => pair.Right.Problems(pair.Left))
            .WithTrackingName(TrackingNames.SupportDiagnostics);

        // 10. The outputs: each client's files, and the diagnostics.
        context.RegisterSourceOutput(emitted.Combine(capabilities), static (context, pair) => SourceOutput.Add(context, pair.Left, pair.Right));
        context.RegisterSourceOutput(diagnostics, DiagnosticOutput.Report);
        context.RegisterSourceOutput(clientDiagnostics, DiagnosticOutput.Report);
        context.RegisterSourceOutput(projectDiagnostics, DiagnosticOutput.Report);
        context.RegisterSourceOutput(supportDiagnostics, DiagnosticOutput.Report);
    }
}
