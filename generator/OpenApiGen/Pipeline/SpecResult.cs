using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>
/// What one spec produced: a model to emit (absent when the spec is unusable) and its diagnostics. The two go to
/// separate outputs, so a change that only moves a diagnostic (a line added above it) re-emits no source.
/// <c>Input</c> is the input it was built from, when a client of several documents may need to build it again.
/// </summary>
internal sealed record SpecResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, SpecInput? Input = null);
