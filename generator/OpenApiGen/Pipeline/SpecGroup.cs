using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>All specs of a project, each with its overlays and decided settings, plus project-wide diagnostics.</summary>
internal sealed record SpecGroup(EquatableArray<SpecInput> Inputs, EquatableArray<DiagnosticInfo> Diagnostics);
