using System.CommandLine;
using OpenApiGen.Diagnostics;

namespace OpenApiGen.Cli.Diff;

/// <summary>What <c>openapigen diff</c> was asked to do.</summary>
/// <param name="Old">The spec as it is (usually the file under specs/).</param>
/// <param name="New">The spec as the vendor now publishes it (usually what <c>openapigen extract</c> wrote).</param>
/// <param name="Overlays">Overlays applied to both versions, after the one beside each spec (as the build applies them).</param>
/// <param name="ClientName">The client's name, as the spec's <c>OpenApiSpec</c> item sets it; default as the build's, from the old file's name.</param>
/// <param name="Json">Write the report as JSON (for CI) rather than text.</param>
internal sealed record DiffRequest(FileInfo Old, FileInfo New, IReadOnlyList<FileInfo> Overlays, string? ClientName, bool Json);

/// <summary>
/// <c>openapigen diff OLD NEW [--overlay ...] [--client-name N] [--json]</c>: reads both versions through the
/// generator's own reading and building, and prints what users of the generated code would see, classified
/// (<see cref="ChangeRules"/>). Exit code 0: nothing breaks; 1: something breaks; 2: a version could not be read or
/// built, or the new one has build errors the old one did not.
/// </summary>
internal static class DiffCommand
{
    // Both versions are built into one namespace, so only what the specs say can differ.
    private const string Namespace = "OpenApiGen.Diff";

    public static Command Create()
    {
        var old = new Argument<FileInfo>("old") { Description = "The spec as it is (the file under specs/)." };
        var @new = new Argument<FileInfo>("new") { Description = "The spec as the vendor now publishes it (what openapigen extract wrote)." };
        var overlays = new Option<FileInfo[]>("--overlay") { Description = "An OpenAPI Overlay 1.0 document applied to both versions; repeatable. <spec>.overlay.yaml beside each spec is applied as in the build." };
        var client = new Option<string?>("--client-name") { Description = "The client's name, as the spec's OpenApiSpec item sets it (default: <FileName>Client of OLD)." };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON, for CI." };
        var command = new Command("diff", "Prints what a change to a spec does to users of the generated code: breaking, non-breaking, wire only, docs only.") { old, @new, overlays, client, json };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            new DiffRequest(parseResult.GetValue(old)!, parseResult.GetValue(@new)!, parseResult.GetValue(overlays) ?? [], parseResult.GetValue(client), parseResult.GetValue(json)),
            Console.Out,
            Console.Error,
            cancellationToken)));
        return command;
    }

    public static int Run(DiffRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var oldOverlays = SpecLoading.Overlays(request.Old, request.Overlays);
        var newOverlays = SpecLoading.Overlays(request.New, request.Overlays);
        if (!SpecLoading.Exist(request.Old, oldOverlays, errors) || !SpecLoading.Exist(request.New, newOverlays, errors))
        {
            return 2;
        }

        var old = SpecLoading.Load(request.Old, oldOverlays, Namespace, request.ClientName, embedDocument: false, cancellationToken);
        if (old.Result.Model is not { } oldModel)
        {
            return Unbuildable(request.Old, old, errors);
        }

        var @new = SpecLoading.Load(request.New, newOverlays, Namespace, oldModel.ClientName, embedDocument: false, cancellationToken);
        if (@new.Result.Model is not { } newModel)
        {
            return Unbuildable(request.New, @new, errors);
        }

        var changes = SurfaceComparer.Compare(SurfaceReader.Read(oldModel), SurfaceReader.Read(newModel));
        var diagnostics = NewDiagnostics(request, old, @new);
        var report = new DiffReport(Display(request.Old.FullName), Display(request.New.FullName), oldModel.ClientName, newOverlays.Select(static o => Display(o.FullName)).ToList(), changes, diagnostics);
        if (request.Json)
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteText(output);
        }

        if (diagnostics.Any(static d => d.Severity == "error"))
        {
            return 2;
        }

        return changes.Any(static c => c.Class == ChangeClass.Breaking) ? 1 : 0;
    }

    /// <summary>A path as the maintainer would type it: relative to the current folder when it is inside it.</summary>
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static int Unbuildable(FileInfo spec, LoadedSpec loaded, TextWriter errors)
    {
        errors.WriteLine($"error: {spec.FullName} cannot be built into a model:");
        foreach (var diagnostic in loaded.Diagnostics)
        {
            errors.WriteLine("  " + SpecLoading.Format(diagnostic));
        }

        return 2;
    }

    /// <summary>
    /// The new version's diagnostics the old one did not have, compared by id and message (with each spec's path
    /// written as SPEC, since the two files differ), not by position: lines move when text is added above them.
    /// </summary>
    private static IReadOnlyList<ReportedDiagnostic> NewDiagnostics(DiffRequest request, LoadedSpec old, LoadedSpec @new)
    {
        var before = old.Diagnostics.Select(d => Key(d, request.Old)).ToHashSet(StringComparer.Ordinal);
        return @new.Diagnostics
            .Where(d => !before.Contains(Key(d, request.New)))
            .Select(static d => new ReportedDiagnostic(d.Descriptor.DefaultSeverity.ToString().ToLowerInvariant(), d.Id, SpecLoading.Format(d with { FilePath = Display(d.FilePath) })))
            .ToList();

        static string Key(DiagnosticInfo diagnostic, FileInfo spec)
            => diagnostic.Id + " " + (diagnostic.FilePath == spec.FullName ? "SPEC" : Path.GetFileName(diagnostic.FilePath)) + " " + SpecLoading.Message(diagnostic).Replace(spec.FullName, "SPEC", StringComparison.Ordinal);
    }
}

/// <summary>A generator diagnostic the new version has and the old did not.</summary>
internal sealed record ReportedDiagnostic(string Severity, string Id, string Text);
