using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Diagnostics;
using OpenApiGen.Emit;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>The last step for a spec's model: its files, added to the compilation.</summary>
internal static class SourceOutput
{
    public static void Add(SourceProductionContext context, SpecModel model, EmitCapabilities capabilities)
    {
        try
        {
            foreach (var (hintName, source) in SpecEmitter.Emit(model, capabilities, context.CancellationToken))
            {
                context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An exception escaping a generator loses all output behind a bare CS8785; report it where it belongs instead.
            context.ReportDiagnostic(DiagnosticInfo.AtFileStart(Descriptors.GeneratorFailure, model.SpecPath, e.GetType().Name + ": " + e.Message).ToDiagnostic());
        }
    }
}
