using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using OpenApiGen.Building;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;

namespace OpenApiGen.Cli;

/// <summary>A spec read and built as the source generator would: its model (null when the spec is unusable) and every diagnostic.</summary>
internal sealed record LoadedSpec(SpecResult Result, IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(static d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
}

/// <summary>A filter as the build's IncludeOperations and ExcludeOperations metadata carry it: <c>;</c>-separated selectors, or null.</summary>
internal sealed record SpecFilterText(string? Include, string? Exclude);

/// <summary>
/// The generator's reading and building, outside the compiler, for every command: overlays found as the build finds
/// them (<c>x.overlay.yaml</c>, <c>.yml</c> or <c>.json</c> beside <c>x.yaml</c> or <c>x.json</c>, then those listed), the same <see cref="SpecInputs"/> and
/// <see cref="SpecModels"/>, diagnostics printed as the compiler prints them.
/// </summary>
internal static class SpecLoading
{
    /// <summary>The overlays the build would apply to <paramref name="spec"/>: the conventional one first, then <paramref name="listed"/>, each once.</summary>
    public static List<FileInfo> Overlays(FileInfo spec, IEnumerable<FileInfo> listed)
    {
        var overlays = listed.ToList();
        // As the build finds it: <spec>.overlay.yaml, .yml or .json, whatever the spec's own extension.
        var conventional = new[] { ".yaml", ".yml", ".json" }
            .Select(extension => new FileInfo(Path.Combine(spec.DirectoryName!, Path.GetFileNameWithoutExtension(spec.Name) + ".overlay" + extension)))
            .FirstOrDefault(static f => f.Exists);
        if (conventional is not null && overlays.All(o => !string.Equals(o.FullName, conventional.FullName, StringComparison.Ordinal)))
        {
            overlays.Insert(0, conventional);
        }

        return overlays.DistinctBy(static o => o.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks that the spec and its overlays exist, writing an error for the first that does not.</summary>
    public static bool Exist(FileInfo spec, IReadOnlyList<FileInfo> overlays, TextWriter errors)
    {
        if (!spec.Exists)
        {
            errors.WriteLine($"error: the spec '{spec.FullName}' does not exist");
            return false;
        }

        if (overlays.FirstOrDefault(static o => !o.Exists) is { } missing)
        {
            errors.WriteLine($"error: the overlay '{missing.FullName}' does not exist");
            return false;
        }

        return true;
    }

    /// <summary>Repeated options as one metadata value: a filter given twice is its selectors one after the other.</summary>
    public static string? Selectors(IReadOnlyList<string>? values)
        => values is null || values.Count == 0 ? null : string.Join(";", values);

    public static LoadedSpec Load(FileInfo spec, IReadOnlyList<FileInfo> overlays, string ns, string? clientName, bool embedDocument, CancellationToken cancellationToken, SpecFilterText? filter = null)
        => Load([(spec, overlays)], ns, clientName, embedDocument, cancellationToken, filter);

    /// <summary>
    /// Several specs as the build takes items of the same ClientName and Namespace: each read and built, then merged
    /// into one client (<see cref="ClientGroupMerge"/>); one spec is simply itself.
    /// </summary>
    public static LoadedSpec Load(IReadOnlyList<(FileInfo Spec, IReadOnlyList<FileInfo> Overlays)> specs, string ns, string? clientName, bool embedDocument, CancellationToken cancellationToken, SpecFilterText? filter = null)
    {
        var files = ImmutableArray.CreateBuilder<SpecFile>();
        var references = new List<SpecFile>();
        foreach (var (spec, overlays) in specs)
        {
            // The current directory plays the project's part: references may lead into it, or into the spec's directory.
            var specFile = new SpecFile(spec.FullName, IsOverlay: false, spec.FullName, ns, clientName, File.ReadAllText(spec.FullName), embedDocument, ProjectDirectory: Environment.CurrentDirectory,
                IncludeOperations: filter?.Include, ExcludeOperations: filter?.Exclude);
            var overlayFiles = overlays.Select(o => new SpecFile(o.FullName, IsOverlay: true, spec.FullName, null, null, File.ReadAllText(o.FullName))).ToList();
            files.Add(specFile);
            files.AddRange(overlayFiles);
            references.AddRange(ExternalReferences.Discover(specFile, overlayFiles, static path => File.Exists(path) ? File.ReadAllText(path) : null, cancellationToken));
        }

        files.AddRange(references.DistinctBy(static r => r.Path, StringComparer.Ordinal));
        var group = SpecInputs.Group(files.ToImmutable(), rootNamespace: string.Empty);
        var results = group.Inputs.Select(input => SpecModels.Build(input, cancellationToken)).ToList();
        var diagnostics = group.Diagnostics.Concat(results.SelectMany(static r => r.Diagnostics)).ToList();
        var members = results.Where(static r => r.Model is not null).Select(static r => new ClientMember(r.Input!, r.Model!)).ToList();
        if (members.Count <= 1)
        {
            return new LoadedSpec(members.Count == 1 ? results.First(static r => r.Model is not null) : results[0], diagnostics);
        }

        // The build's pipeline: a client per ClientName and Namespace, and here they are all the same.
        var merged = ClientGroupMerge.Merge(members.ToEquatableArray(), cancellationToken);
        diagnostics.AddRange(merged.Diagnostics);
        return new LoadedSpec(merged, diagnostics);
    }

    /// <summary>As the compiler prints a diagnostic: 1-based line and column.</summary>
    public static string Format(DiagnosticInfo diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        var severity = descriptor.DefaultSeverity.ToString().ToLowerInvariant();
        return $"{diagnostic.FilePath}({diagnostic.Span.StartLine + 1},{diagnostic.Span.StartColumn + 1}): {severity} {diagnostic.Id}: {Message(diagnostic)}";
    }

    /// <summary>The diagnostic's message, without its place.</summary>
    public static string Message(DiagnosticInfo diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Arguments.Select(static a => (object)a).ToArray());
    }
}
