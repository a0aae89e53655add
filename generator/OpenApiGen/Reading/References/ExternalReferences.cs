using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>
/// Makes a spec that refers to other files (<c>$ref: ./common.yaml#/components/schemas/Pet</c>) one document, before
/// anything else reads it, so every later step sees what a single-file spec gives it. A schema from another file
/// becomes a component of its own (named after the pointer's last segment, or the file, and numbered when the name is
/// taken), so a schema used twice is one type and a recursive one terminates. A parameter, response, request body,
/// header, example or link becomes a component of its section the same way, copied once however often it is used;
/// one that adds members beside its <c>$ref</c> (a description), and anything else (a path item, a callback), is
/// copied where it is used. References inside a copied part are resolved against its own file.
/// </summary>
/// <remarks>
/// Only files the build passed in (<see cref="SpecInput.References"/>) are read, and only when they lie in the
/// project's directory or the spec's: a reference over the network, by absolute path or out of those directories is
/// refused with OAG020, one to a file that is not there is OAG021. Each referenced file is an input of the
/// incremental pipeline, so editing it regenerates. A reference that names a component schema by its <c>$id</c>, as
/// written, is that schema; an anchor fragment (<c>#pet</c>) is not followed across files (OAG020, at the reference).
/// </remarks>
internal sealed partial class ExternalReferences
{
    private readonly JsonObject _root;
    private readonly string _specPath;
    private readonly string[] _roots;
    private readonly Func<string, SpecFile?> _find;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly SpecSources _sources;
    private readonly Stack<(JsonNode Node, ReferencePlace Place, ReferencedFile? Origin)> _work = new();

    private ExternalReferences(JsonObject root, string specPath, string? projectDirectory, Func<string, SpecFile?> find, SourceMap specMap, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _root = root;
        _specPath = specPath;
        _roots = new[] { System.IO.Path.GetDirectoryName(specPath), projectDirectory }
            .Where(static d => !string.IsNullOrEmpty(d))
            .Select(static d => WithSeparator(System.IO.Path.GetFullPath(d!)))
            .ToArray();
        _find = find;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _sources = new SpecSources(specPath, specMap);
    }

    private static StringComparer PathComparer => System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Copies into <paramref name="root"/> what its references to other files lead to, and rewrites those references
    /// to point inside it. Returns where the copied nodes came from, or null when the spec refers to no other file.
    /// </summary>
    public static SpecSources? Bundle(JsonObject root, SpecInput input, SourceMap specMap, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (!RefersToOtherFiles(root))
        {
            return null;
        }

        var references = new Dictionary<string, SpecFile>(PathComparer);
        foreach (var file in input.References)
        {
            references[file.Path] = file;
        }

        var bundler = new ExternalReferences(root, input.Spec.Path, input.Spec.ProjectDirectory, path => references.TryGetValue(path, out var file) ? file : null, specMap, diagnostics, cancellationToken);
        bundler.Run();
        return bundler._sources;
    }

    /// <summary>
    /// The files a spec refers to, directly or through each other, read with <paramref name="read"/> (null: no such
    /// file). For hosts that are not a build (the openapigen command), which have no list of inputs to pass.
    /// </summary>
    public static List<SpecFile> Discover(SpecFile spec, IEnumerable<SpecFile> overlays, Func<string, string?> read, CancellationToken cancellationToken)
    {
        var found = new List<SpecFile>();
        var loaded = DocumentLoader.Load(spec.Text, spec.IsJson, cancellationToken);
        if (loaded.Root is not JsonObject root)
        {
            return found;
        }

        foreach (var overlay in overlays)
        {
            if (DocumentLoader.Load(overlay.Text, overlay.IsJson, cancellationToken).Root is { } overlayRoot)
            {
                OverlayApplier.Apply(root, overlayRoot, loaded.Map, cancellationToken);
            }
        }

        SpecFile? Find(string path)
        {
            if (found.FirstOrDefault(f => PathComparer.Equals(f.Path, path)) is { } known)
            {
                return known;
            }

            if (read(path) is not { } text)
            {
                return null;
            }

            var file = new SpecFile(path, IsOverlay: false, path, null, null, text, IsReference: true);
            found.Add(file);
            return file;
        }

        new ExternalReferences(root, spec.Path, spec.ProjectDirectory, Find, loaded.Map, new List<DiagnosticInfo>(), cancellationToken).Run();
        return found;
    }

    /// <summary>
    /// A cheap test before any walk, on the tree after overlays (so a block scalar or an escaped <c>\u0024ref</c> is read
    /// as what it is): a spec with no <c>$ref</c> naming a file, and no discriminator mapping naming one, is left alone.
    /// </summary>
    private static bool RefersToOtherFiles(JsonNode root)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    if (RefText(obj) is { } text && NamesAnotherFile(text))
                    {
                        return true;
                    }

                    foreach (var member in obj)
                    {
                        if (member.Key == "mapping" && member.Value is JsonObject mapping
                            && mapping.Any(static m => m.Value is JsonValue v && v.TryGetValue<string>(out var target) && IsMappingReference(target) && NamesAnotherFile(target)))
                        {
                            return true;
                        }

                        if (member.Value is { } child)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private void Run()
    {
        foreach (var name in Schemas()?.Select(static m => m.Key) ?? Enumerable.Empty<string>())
        {
            _schemaNames.Add(name);
        }

        // A component that is only a reference to another file's schema (Pet: {$ref: ./pet.yaml}) takes its content,
        // so the type keeps the component's name rather than becoming an alias of a numbered copy.
        if (Schemas() is { } schemas)
        {
            foreach (var member in schemas.ToList())
            {
                if (member.Value is not JsonObject { Count: 1 } only || RefText(only) is not { } text || !NamesAnotherFile(text))
                {
                    continue;
                }

                if (Resolve(text, origin: null, only) is not { } target)
                {
                    Drop(only, ReferencePlace.Schema);
                }
                else if (target.File is { } file && !_hoisted.ContainsKey(target.Key))
                {
                    var copy = Copy(target.Node, file);
                    schemas[member.Key] = copy;
                    _hoisted[target.Key] = member.Key;
                    _work.Push((copy, ReferencePlace.Schema, file));
                }
            }
        }

        // Likewise a parameter, response... component that is only a reference to another file's: it takes the content
        // (when the walk reaches it), and every other use of that part refers to it rather than to a numbered copy.
        foreach (var (section, place) in s_partSections)
        {
            var names = PartNames(section);
            if (Section(section) is not { } entries)
            {
                continue;
            }

            foreach (var member in entries.ToList())
            {
                if (member.Value is not JsonObject { Count: 1 } only || RefText(only) is not { } text || !NamesAnotherFile(text))
                {
                    continue;
                }

                if (Resolve(text, origin: null, only) is not { } target)
                {
                    Drop(only, place);
                    names.Remove(member.Key);
                }
                else if (target.File is not null)
                {
                    var key = section + " " + target.Key;
                    if (!_hoisted.ContainsKey(key))
                    {
                        _hoisted[key] = member.Key;
                    }
                }
            }
        }

        _work.Push((_root, ReferencePlace.Document, null));
        Walk();
    }

    private void Walk()
    {
        while (_work.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (node, place, origin) = _work.Pop();
            if (place == ReferencePlace.Data)
            {
                continue;
            }

            if (node is JsonArray array)
            {
                var itemPlace = ReferencePlaces.Item(place);
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } item)
                    {
                        _work.Push((item, itemPlace, origin));
                    }
                }

                continue;
            }

            if (node is not JsonObject obj)
            {
                continue;
            }

            if (place == ReferencePlace.DiscriminatorMapping)
            {
                RewriteMapping(obj, origin);
                continue;
            }

            if (RefText(obj) is { } text && origin is null && ByIdentifier(text) is { } local)
            {
                obj["$ref"] = "#" + local;
            }
            else if (RefText(obj) is { } other && (origin is not null || NamesAnotherFile(other)) && !Follow(obj, other, place, origin))
            {
                continue;
            }

            var members = obj.ToList();
            for (var i = members.Count - 1; i >= 0; i--)
            {
                // A copied component is walked once, as a part of the file it came from (pushed when it was copied).
                if (members[i].Key != "$ref" && members[i].Value is { } child && !_copyRoots.Contains(child))
                {
                    _work.Push((child, ReferencePlaces.Member(place, members[i].Key), origin));
                }
            }
        }
    }

    /// <summary>Follows one reference; false when the object was replaced or removed and its members are walked elsewhere.</summary>
    private bool Follow(JsonObject obj, string text, ReferencePlace place, ReferencedFile? origin)
    {
        if (Resolve(text, origin, obj) is not { } target)
        {
            Drop(obj, place);
            return false;
        }

        if (target.File is null)
        {
            // Back into the spec itself: a plain local reference from here on.
            obj["$ref"] = "#" + target.Fragment;
            return true;
        }

        if (place == ReferencePlace.Schema)
        {
            obj["$ref"] = "#/components/schemas/" + Escape(Hoist(target));
            return true;
        }

        if (IsOpenApi3 && SectionOf(place) is { } section && obj.Count == 1 && !IsEntryOf(obj, section) && target.Node is JsonObject)
        {
            obj["$ref"] = "#/components/" + section + "/" + Escape(HoistPart(target, section, place));
            return true;
        }

        Inline(obj, target, place, text);
        return false;
    }

    /// <summary>Discriminator mapping values that are references (not bare schema names) point at the components they became.</summary>
    private void RewriteMapping(JsonObject mapping, ReferencedFile? origin)
    {
        foreach (var member in mapping.ToList())
        {
            if (member.Value is JsonValue value && value.TryGetValue<string>(out var text) && IsMappingReference(text)
                && (origin is not null || NamesAnotherFile(text)) && Resolve(text, origin, value) is { } target)
            {
                mapping[member.Key] = target.File is null ? "#" + target.Fragment : "#/components/schemas/" + Escape(Hoist(target));
            }
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] arguments)
    {
        var (path, span) = _sources.Locate(at is JsonObject obj && obj["$ref"] is { } value ? value : at);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, path, span, arguments));
    }

    private static string? RefText(JsonObject obj) => obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool NamesAnotherFile(string text) => text.Length > 0 && text[0] != '#';

    /// <summary>A discriminator mapping value that is a reference, not a bare schema name.</summary>
    private static bool IsMappingReference(string text) => text.IndexOf('#') >= 0 || text.IndexOf('/') >= 0
        || text.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string token) => SourceMap.EscapeToken(token);

    private sealed record Target(ReferencedFile? File, string Fragment, JsonNode Node, string Key);
}
