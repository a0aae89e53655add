using System;
using System.Collections.Generic;
using System.Threading;
using OpenApiGen.Building;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen.Pipeline;

/// <summary>One spec from text to model. Nothing thrown here leaves the generator: a failure becomes OAG000 on the spec.</summary>
internal static class SpecModels
{
    public static SpecResult Build(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>(input.Diagnostics);
        try
        {
            var read = SpecReader.Read(input, diagnostics, cancellationToken);
            var model = read is null ? null : ModelBuilder.Build(read, input, diagnostics, cancellationToken);
            return new SpecResult(model, diagnostics.ToEquatableArray(), input);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.GeneratorFailure, input.Spec.Path, e.GetType().Name + ": " + e.Message));
            return new SpecResult(null, diagnostics.ToEquatableArray(), input);
        }
    }
}
