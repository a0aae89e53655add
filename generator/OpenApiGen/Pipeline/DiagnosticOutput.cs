using Microsoft.CodeAnalysis;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>Reports diagnostics held as values; Roslyn's <see cref="Diagnostic"/> is made only here.</summary>
internal static class DiagnosticOutput
{
    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
