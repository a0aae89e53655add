using System.Collections.Concurrent;
using System.Text;
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
/// <param name="Include">The selectors of <c>--include</c>, as <c>IncludeOperations</c> in the build: each value may hold several, separated by <c>;</c>.</param>
/// <param name="Exclude">The selectors of <c>--exclude</c>, as <c>ExcludeOperations</c>.</param>
internal sealed record GenerateRequest(FileInfo Spec, IReadOnlyList<FileInfo> Overlays, string Namespace, string? ClientName, DirectoryInfo Output, bool Registrations, bool EmbedDocument = false, IReadOnlyList<string>? Include = null, IReadOnlyList<string>? Exclude = null)
{
    /// <summary>
    /// More documents of the same client, as OpenApiSpec items of the same ClientName and Namespace in the build: one
    /// client of them all. Each gets the overlay beside it; <see cref="Overlays"/> are for a single spec only.
    /// </summary>
    public IReadOnlyList<FileInfo> MoreSpecs { get; init; } = [];
}

/// <summary>
/// The source generator's pipeline, outside the compiler: the spec read and built by <see cref="SpecLoading"/>, then the
/// same <see cref="SpecEmitter"/>, files written with the encoding Roslyn gives generated sources, diagnostics as
/// <c>file(line,col): severity id: message</c> like the compiler prints them.
/// </summary>
internal static class CommandLineGenerator
{
    // What AddSource(hint, SourceText.From(text, Encoding.UTF8)) writes: UTF-8 with a byte order mark.
    private static readonly Encoding s_encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <returns>0 when files were written without errors, 1 when the spec had errors, 2 when the input could not be read.</returns>
    public static int Run(GenerateRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (request.MoreSpecs.Count > 0 && request.ClientName is null)
        {
            // In the build, items without a ClientName each make a client of their own file's name.
            errors.WriteLine("error: several specs make one client: name it with --client-name, as the build's items name it with ClientName");
            return 2;
        }

        if (request.MoreSpecs.Count > 0 && request.Overlays.Count > 0)
        {
            errors.WriteLine("error: --overlay applies to one spec; with several, put each spec's overlay beside it (<spec>.overlay.yaml), as the build finds it");
            return 2;
        }

        var specs = new List<(FileInfo Spec, IReadOnlyList<FileInfo> Overlays)>();
        foreach (var spec in request.MoreSpecs.Prepend(request.Spec))
        {
            var overlays = SpecLoading.Overlays(spec, spec == request.Spec ? request.Overlays : []);
            if (!SpecLoading.Exist(spec, overlays, errors))
            {
                return 2;
            }

            specs.Add((spec, overlays));
        }

        var filter = new SpecFilterText(SpecLoading.Selectors(request.Include), SpecLoading.Selectors(request.Exclude));
        var loaded = SpecLoading.Load(specs, request.Namespace, request.ClientName, request.EmbedDocument, cancellationToken, filter);
        var result = loaded.Result;
        foreach (var diagnostic in loaded.Diagnostics)
        {
            errors.WriteLine(SpecLoading.Format(diagnostic));
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
        return loaded.HasErrors ? 1 : 0;
    }
}
