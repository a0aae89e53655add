namespace OpenApiGen;

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

    /// <summary>One model per spec: what is emitted, and the diagnostics.</summary>
    public const string Results = nameof(Results);

    /// <summary>Which optional libraries the project references (Microsoft.Extensions.Http, for registrations).</summary>
    public const string Capabilities = nameof(Capabilities);
}
