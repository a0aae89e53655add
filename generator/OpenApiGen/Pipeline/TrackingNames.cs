namespace OpenApiGen.Pipeline;

/// <summary>Names of the pipeline steps, for caching tests (<c>trackIncrementalGeneratorSteps</c>).</summary>
public static class TrackingNames
{
    /// <summary>The project's root namespace, the default for specs without one.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>Each AdditionalFile that is a spec or an overlay, with its text and metadata.</summary>
    public const string Files = nameof(Files);

    /// <summary>All spec files grouped into inputs, and project-wide diagnostics.</summary>
    public const string Grouped = nameof(Grouped);

    /// <summary>One input per spec: the spec, its overlays, its settings.</summary>
    public const string Inputs = nameof(Inputs);

    /// <summary>One result per spec: the model and the diagnostics.</summary>
    public const string Results = nameof(Results);

    /// <summary>The usable specs' models as clients: those naming the same client together, every other alone.</summary>
    public const string Clients = nameof(Clients);

    /// <summary>One result per client: its documents merged into one model, and what the merging reported.</summary>
    public const string Merged = nameof(Merged);

    /// <summary>What merging each client's documents reported (renamed types and operations, other servers).</summary>
    public const string ClientDiagnostics = nameof(ClientDiagnostics);

    /// <summary>One model per client: what is emitted.</summary>
    public const string Models = nameof(Models);

    /// <summary>One list of diagnostics per spec.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The diagnostics about the project's specs as a whole (an overlay without its spec).</summary>
    public const string ProjectDiagnostics = nameof(ProjectDiagnostics);

    /// <summary>Which optional libraries the project references (Microsoft.Extensions.Http, for registrations).</summary>
    public const string Capabilities = nameof(Capabilities);

    /// <summary>Whether the project can compile the output: its C# version, and OpenApiGen.Runtime referenced.</summary>
    public const string Support = nameof(Support);

    /// <summary>The models whose files are emitted: all of them, or none when the project cannot compile them.</summary>
    public const string Emitted = nameof(Emitted);

    /// <summary>The one diagnostic of a project with specs that cannot compile their code, or none.</summary>
    public const string SupportDiagnostics = nameof(SupportDiagnostics);
}
