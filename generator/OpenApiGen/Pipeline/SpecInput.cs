using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>A spec with its overlays and its settings decided: the unit the generator caches and re-runs.</summary>
/// <param name="Spec">The spec file.</param>
/// <param name="Overlays">Its overlays, in the order they apply.</param>
/// <param name="Namespace">The namespace of its generated code.</param>
/// <param name="ClientName">Its client's name.</param>
/// <param name="HintPrefix">The prefix of its hint names, unique in the project.</param>
/// <param name="Diagnostics">What was wrong with its settings.</param>
/// <param name="Filter">Which of its operations to generate (IncludeOperations, ExcludeOperations).</param>
/// <param name="References">The project's files that specs refer to, which this spec may read (Reading/References).</param>
internal sealed record SpecInput(
    SpecFile Spec,
    EquatableArray<SpecFile> Overlays,
    string Namespace,
    string ClientName,
    string HintPrefix,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<SpecFile> References = default,
    OperationFilter? Filter = null);
