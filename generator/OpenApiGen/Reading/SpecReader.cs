using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>A spec read and corrected: the OpenAPI object model plus the map back to the spec's lines.</summary>
internal sealed class ReadSpec
{
    public ReadSpec(OpenApiDocument document, JsonNode root, SourceMap map, string path, string? effectiveJson = null, SpecSources? sources = null)
    {
        Document = document;
        Root = root;
        Map = map;
        Path = path;
        EffectiveJson = effectiveJson;
        Sources = sources;
    }

    /// <summary>Where the parts copied from other files came from; null when the spec refers to none.</summary>
    public SpecSources? Sources { get; }

    public OpenApiDocument Document { get; }

    /// <summary>The spec's JSON after overlays: pointers are resolved against it, so an overlay that moved things does not move diagnostics.</summary>
    public JsonNode Root { get; }

    public SourceMap Map { get; }

    /// <summary>
    /// <see cref="Root"/> as compact JSON, taken before Microsoft.OpenApi saw it; null unless the spec asked for its
    /// document to be embedded.
    /// </summary>
    public string? EffectiveJson { get; }

    public string Path { get; }

    public DiagnosticInfo At(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
        => Sources?.Locate(Root, pointer) is { } located
            ? DiagnosticInfo.Create(descriptor, located.Path, located.Span, arguments)
            : DiagnosticInfo.Create(descriptor, Path, Map.Nearest(Root, pointer), arguments);

    /// <summary>At the key that names the node (a schema's or property's name), where a naming problem is best shown.</summary>
    public DiagnosticInfo AtKey(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
        => Sources?.Locate(Root, pointer, atKey: true) is { } located
            ? DiagnosticInfo.Create(descriptor, located.Path, located.Span, arguments)
            : DiagnosticInfo.Create(descriptor, Path, Map.TryGetKeySpan(pointer, out var key) ? key : Map.Nearest(Root, pointer), arguments);
}

/// <summary>
/// Text -> JSON with positions -> overlays applied -> Microsoft.OpenApi. Overlays come first, before anything
/// reads the spec, so every later step sees the corrected document; positions still point at the spec's own lines.
/// </summary>
internal static class SpecReader
{
    private static readonly Uri s_baseUri = new("file:///openapi.json");

    public static ReadSpec? Read(SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var spec = input.Spec;
        var loaded = DocumentLoader.Load(spec.Text, spec.IsJson, cancellationToken);
        foreach (var error in loaded.Errors)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnreadableDocument, spec.Path, error.Span, error.Message));
        }

        foreach (var warning in loaded.Warnings)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LenientYaml, spec.Path, warning.Span, warning.Message));
        }

        if (loaded.Root is not JsonObject root)
        {
            if (loaded.Errors.IsEmpty)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnreadableDocument, spec.Path, loaded.Map.Nearest(string.Empty), "the document is not a JSON object or YAML mapping"));
            }

            return null;
        }

        foreach (var overlay in input.Overlays)
        {
            ApplyOverlay(root, overlay, diagnostics, cancellationToken);
        }

        // Other files' parts copied in before anything reads the spec, the embedded document included.
        var sources = ExternalReferences.Bundle(root, input, loaded.Map, diagnostics, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var effectiveJson = spec.EmbedDocument ? EffectiveDocument.ToJson(root) : null;

        // What the filters leave out is gone before anything checks or builds it: its warnings, its types, the
        // components only it used. The embedded document stays the spec as written.
        OperationFilterApplier.Apply(root, input.Filter ?? OperationFilter.None, spec.Path, loaded.Map, diagnostics);

        // After the embedded document is taken, which stays the spec as written. Keyword values first: it also cuts
        // nesting to a depth every later step can recurse through.
        var unreadable = false;
        void Report(KeywordFinding finding)
        {
            var span = finding.AtKey && loaded.Map.TryGetKeySpan(finding.Pointer, out var key) ? key : loaded.Map.Nearest(root, finding.Pointer);
            unreadable |= finding.Kind == FindingKind.Error;
            diagnostics.Add(finding.Kind switch
            {
                FindingKind.Reading => DiagnosticInfo.Create(Descriptors.ObviousReading, spec.Path, span, finding.Message),
                FindingKind.LeftOut => DiagnosticInfo.Create(Descriptors.ValueLeftOut, spec.Path, span, finding.Message),
                FindingKind.Unsupported => DiagnosticInfo.Create(Descriptors.UnsupportedConstruct, spec.Path, span, finding.Message, finding.Pointer),
                FindingKind.UnresolvedReference => DiagnosticInfo.Create(Descriptors.UnresolvedReference, spec.Path, span, finding.Message.Length == 0 ? "(empty)" : finding.Message),
                _ => DiagnosticInfo.Create(Descriptors.InvalidOpenApi, spec.Path, span, finding.Message),
            });
        }

        KeywordValues.Apply(root, Report);
        if (unreadable)
        {
            return null;
        }

        ReaderWorkarounds.ReplaceBooleanSchemas(root);
        ReaderWorkarounds.ReadLegacyNullable(root, Report);

        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(root, s_baseUri, settings);
        }
        catch (OpenApiException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidOpenApi, spec.Path, loaded.Map.Nearest(root, ReportPointers.Of(e.Pointer, e.Message)), e.Message));
            return null;
        }

        foreach (var error in result.Diagnostic?.Errors ?? Enumerable.Empty<OpenApiError>())
        {
            if (ReaderWorkarounds.IsFalseAlarm(root, error))
            {
                continue;
            }

            var span = loaded.Map.Nearest(root, ReportPointers.Of(error));
            diagnostics.Add(ReaderWorkarounds.ObviousReading(error) is { } reading
                ? DiagnosticInfo.Create(Descriptors.ObviousReading, spec.Path, span, error.Message + " " + reading)
                : DiagnosticInfo.Create(Descriptors.InvalidOpenApi, spec.Path, span, error.Message));
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? Enumerable.Empty<OpenApiError>())
        {
            if (ReaderWorkarounds.IsFalseAlarm(root, warning))
            {
                continue;
            }

            diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiWarning, spec.Path, loaded.Map.Nearest(root, ReportPointers.Of(warning)), warning.Message));
        }

        return result.Document is null ? null : new ReadSpec(result.Document, root, loaded.Map, spec.Path, effectiveJson, sources);
    }

    private static void ApplyOverlay(JsonObject root, SpecFile overlay, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var loaded = DocumentLoader.Load(overlay.Text, overlay.IsJson, cancellationToken);
        foreach (var error in loaded.Errors)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnreadableDocument, overlay.Path, error.Span, error.Message));
        }

        foreach (var warning in loaded.Warnings)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LenientYaml, overlay.Path, warning.Span, warning.Message));
        }

        if (loaded.Root is null)
        {
            return;
        }

        foreach (var problem in OverlayApplier.Apply(root, loaded.Root, loaded.Map, cancellationToken))
        {
            var descriptor = problem.Kind == OverlayProblemKind.TargetNotFound ? Descriptors.OverlayTargetNotFound : Descriptors.InvalidOverlay;
            diagnostics.Add(DiagnosticInfo.Create(descriptor, overlay.Path, problem.Span, problem.Message));
        }
    }
}
