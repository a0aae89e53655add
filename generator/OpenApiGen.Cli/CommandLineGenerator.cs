using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using OpenApiGen.Diagnostics;
using OpenApiGen.Emit;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Cli;

/// <summary>What <c>openapigen generate</c> was asked to do.</summary>
/// <param name="Spec">The OpenAPI document.</param>
/// <param name="Overlays">Overlays listed on the command line; <c>spec.overlay.yaml</c> beside the spec is added as the build would.</param>
/// <param name="Namespace">The namespace of the generated code.</param>
/// <param name="ClientName">The client's name; defaults as in the build.</param>
/// <param name="Output">Where the files go.</param>
/// <param name="Registrations">Also write <c>AddXxxClient()</c>, as the build does when Microsoft.Extensions.Http is referenced.</param>
/// <param name="EmbedDocument">Also write the spec after its overlays as a JSON constant, as <c>EmbedDocument="true"</c> does in the build.</param>
internal sealed record GenerateRequest(FileInfo Spec, IReadOnlyList<FileInfo> Overlays, string Namespace, string? ClientName, DirectoryInfo Output, bool Registrations, bool EmbedDocument = false);

/// <summary>
/// The source generator's pipeline, outside the compiler: the same <see cref="SpecInputs"/>, <see cref="SpecModels"/> and
/// <see cref="SpecEmitter"/>, files written with the encoding Roslyn gives generated sources, diagnostics as
/// <c>file(line,col): severity id: message</c> like the compiler prints them.
/// </summary>
internal static class CommandLineGenerator
{
    // What AddSource(hint, SourceText.From(text, Encoding.UTF8)) writes: UTF-8 with a byte order mark.
    private static readonly Encoding s_encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <returns>0 when files were written without errors, 1 when the spec had errors, 2 when the input could not be read.</returns>
    public static int Run(GenerateRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!request.Spec.Exists)
        {
            errors.WriteLine($"error: the spec '{request.Spec.FullName}' does not exist");
            return 2;
        }

        var overlays = request.Overlays.ToList();
        // As Directory.Build.targets finds it: <spec>.overlay.yaml, .yml or .json, whatever the spec's own extension.
        var conventional = new[] { ".yaml", ".yml", ".json" }
            .Select(extension => new FileInfo(Path.Combine(request.Spec.DirectoryName!, Path.GetFileNameWithoutExtension(request.Spec.Name) + ".overlay" + extension)))
            .FirstOrDefault(static f => f.Exists);
        if (conventional is not null && overlays.All(o => !string.Equals(o.FullName, conventional.FullName, StringComparison.Ordinal)))
        {
            overlays.Insert(0, conventional);
        }

        foreach (var missing in overlays.Where(static o => !o.Exists))
        {
            errors.WriteLine($"error: the overlay '{missing.FullName}' does not exist");
            return 2;
        }

        var files = ImmutableArray.CreateBuilder<SpecFile>();
        files.Add(new SpecFile(request.Spec.FullName, IsOverlay: false, request.Spec.FullName, request.Namespace, request.ClientName, File.ReadAllText(request.Spec.FullName), request.EmbedDocument));
        files.AddRange(overlays.Select(o => new SpecFile(o.FullName, IsOverlay: true, request.Spec.FullName, null, null, File.ReadAllText(o.FullName))));

        var group = SpecInputs.Group(files.ToImmutable(), rootNamespace: string.Empty);
        var result = SpecModels.Build(group.Inputs.Single(), cancellationToken);
        var hasErrors = false;
        foreach (var diagnostic in group.Diagnostics.Concat(result.Diagnostics))
        {
            hasErrors |= diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
            errors.WriteLine(Format(diagnostic));
        }

        if (result.Model is null)
        {
            return 1;
        }

        request.Output.Create();
        var count = 0;

        // Writing a file costs the kernel about as much as emitting it costs us: other cores write while this one emits.
        // Each file's bytes do not depend on the order, and a large spec has hundreds of files.
        var emitted = Partitioner.Create(SpecEmitter.Emit(result.Model, new EmitCapabilities(request.Registrations), cancellationToken), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(emitted, new ParallelOptions { CancellationToken = cancellationToken }, file =>
        {
            File.WriteAllText(Path.Combine(request.Output.FullName, file.HintName), file.Source, s_encoding);
            Interlocked.Increment(ref count);
        });

        output.WriteLine($"{count} files written to {request.Output.FullName}");
        return hasErrors ? 1 : 0;
    }

    /// <summary>As the compiler prints a diagnostic: 1-based line and column.</summary>
    private static string Format(DiagnosticInfo diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        var severity = descriptor.DefaultSeverity.ToString().ToLowerInvariant();
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Arguments.Select(static a => (object)a).ToArray());
        return $"{diagnostic.FilePath}({diagnostic.Span.StartLine + 1},{diagnostic.Span.StartColumn + 1}): {severity} {diagnostic.Id}: {message}";
    }
}
