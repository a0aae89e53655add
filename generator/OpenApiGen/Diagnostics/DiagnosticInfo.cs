using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen.Diagnostics;

/// <summary>
/// A diagnostic as a value: its descriptor, its message arguments, and where in which spec file (no file for the
/// project as a whole). Roslyn's <see cref="Diagnostic"/> and <see cref="Location"/> are made only when reported, so
/// pipeline values stay equatable (a descriptor compares by content).
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, EquatableArray<string> Arguments, string FilePath, SourceSpan Span)
{
    public string Id => Descriptor.Id;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] arguments)
        => new(descriptor, arguments.ToEquatableArray(), filePath, span);

    /// <summary>For a problem with the file as a whole (its settings, or the generator itself): at its first character.</summary>
    public static DiagnosticInfo AtFileStart(DiagnosticDescriptor descriptor, string filePath, params string[] arguments)
        => Create(descriptor, filePath, default, arguments);

    /// <summary>For a problem with the project as a whole: at no file, which the build reports against the project.</summary>
    public static DiagnosticInfo AtProject(DiagnosticDescriptor descriptor, params string[] arguments)
        => Create(descriptor, string.Empty, default, arguments);

    public Diagnostic ToDiagnostic()
    {
        if (FilePath.Length == 0)
        {
            return Diagnostic.Create(Descriptor, Location.None, Arguments.Select(static a => (object)a).ToArray());
        }

        var location = Location.Create(
            FilePath,
            new TextSpan(Span.Start, Span.Length),
            new LinePositionSpan(new LinePosition(Span.StartLine, Span.StartColumn), new LinePosition(Span.EndLine, Span.EndColumn)));
        return Diagnostic.Create(Descriptor, location, Arguments.Select(static a => (object)a).ToArray());
    }
}
