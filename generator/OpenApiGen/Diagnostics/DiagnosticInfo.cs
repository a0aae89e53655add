using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen.Diagnostics;

/// <summary>
/// A diagnostic as a value: which descriptor, its message arguments, and where in which spec file.
/// Roslyn's <see cref="Diagnostic"/> and <see cref="Location"/> are made only when reported, so pipeline values stay equatable.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, SourceSpan Span)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] arguments)
        => new(descriptor.Id, arguments.ToEquatableArray(), filePath, span);

    public Diagnostic ToDiagnostic()
    {
        var location = Location.Create(
            FilePath,
            new TextSpan(Span.Start, Span.Length),
            new LinePositionSpan(new LinePosition(Span.StartLine, Span.StartColumn), new LinePosition(Span.EndLine, Span.EndColumn)));
        return Diagnostic.Create(Descriptors.ById(Id), location, Arguments.Select(static a => (object)a).ToArray());
    }
}
