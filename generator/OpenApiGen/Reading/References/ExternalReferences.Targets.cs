using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>What a reference leads to: a file the build passed in and a node in it, or a located refusal.</summary>
internal sealed partial class ExternalReferences
{
    private readonly Dictionary<string, ReferencedFile?> _files = new(PathComparer);
    private Dictionary<string, string>? _ids;

    private Target? Resolve(string text, ReferencedFile? origin, JsonNode at)
    {
        var hash = text.IndexOf('#');
        var filePart = hash < 0 ? text : text.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : text.Substring(hash + 1);

        ReferencedFile? file = origin;
        if (filePart.Length > 0)
        {
            if (Refusal(filePart) is { } refusal)
            {
                Report(Descriptors.ExternalReferenceRefused, at, text, refusal);
                return null;
            }

            string path, specPath;
            try
            {
                var directory = System.IO.Path.GetDirectoryName(origin?.Path ?? _specPath) ?? string.Empty;
                path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, Uri.UnescapeDataString(filePart)));
                specPath = System.IO.Path.GetFullPath(_specPath);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException or UriFormatException)
            {
                Report(Descriptors.ExternalReferenceRefused, at, text, "it is not a file path");
                return null;
            }

            if (PathComparer.Equals(path, specPath))
            {
                file = null;
            }
            else if (!_roots.Any(r => path.StartsWith(r, PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)))
            {
                Report(Descriptors.ExternalReferenceRefused, at, text, $"'{path}' is outside the project's directory and the spec's; copy the file into the project");
                return null;
            }
            else if (Load(path) is { } loaded)
            {
                if (loaded.Root is null)
                {
                    return null;
                }

                file = loaded;
            }
            else
            {
                Report(Descriptors.ReferencedFileMissing, at, text, path);
                return null;
            }
        }

        if (SourceMap.ParsePointer("#" + fragment) is not { } segments)
        {
            Report(Descriptors.ExternalReferenceRefused, at, text, "its fragment is not a JSON pointer (anchors are not followed across files)");
            return null;
        }

        JsonNode? node = file is null ? _root : file.Root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < a.Count => a[index],
                _ => null,
            };
            if (node is null)
            {
                Report(Descriptors.UnresolvedReference, at, text);
                return null;
            }
        }

        return new Target(file, fragment, node!, (file?.Path ?? _specPath) + "#" + string.Concat(segments.Select(static s => "/" + Escape(s))));
    }

    /// <summary>
    /// The pointer a reference means when it names a component schema of the spec by its <c>$id</c>, as written
    /// (<c>$ref: https://example.com/schemas/pet</c>, or with a pointer fragment into it); null otherwise. An anchor
    /// fragment is not followed: that reference is then judged as any other (OAG020 for an address, at the reference).
    /// </summary>
    private string? ByIdentifier(string text)
    {
        if (_ids is null)
        {
            _ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in Schemas() ?? new JsonObject())
            {
                if (member.Value is JsonObject schema && schema["$id"] is JsonValue value && value.TryGetValue<string>(out var id)
                    && id.TrimEnd('#') is { Length: > 0 } key && !_ids.ContainsKey(key))
                {
                    _ids[key] = "/components/schemas/" + Escape(member.Key);
                }
            }
        }

        var hash = text.IndexOf('#');
        var fragment = hash < 0 ? string.Empty : text.Substring(hash + 1);
        return _ids.TryGetValue(hash < 0 ? text : text.Substring(0, hash), out var pointer) && (fragment.Length == 0 || fragment[0] == '/')
            ? pointer + fragment
            : null;
    }

    private static string? Refusal(string filePart)
    {
        var colon = filePart.IndexOf(':');
        var scheme = colon > 0 && filePart.Substring(0, colon).All(static c => char.IsLetterOrDigit(c) || c is '+' or '-' or '.') ? filePart.Substring(0, colon) : null;
        if (scheme is not null && (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || filePart.Substring(colon).StartsWith("://", StringComparison.Ordinal)))
        {
            return scheme.Equals("file", StringComparison.OrdinalIgnoreCase)
                ? "it is an absolute file URI; refer to files of the project by a relative path"
                : "OpenApiGen does not fetch documents over the network; save the document into the project and refer to it by a relative path";
        }

        return scheme is not null || filePart.StartsWith("/", StringComparison.Ordinal) || filePart.StartsWith("\\", StringComparison.Ordinal)
            ? "it is an absolute path; refer to files of the project by a relative path"
            : null;
    }

    private ReferencedFile? Load(string path)
    {
        if (_files.TryGetValue(path, out var known))
        {
            return known;
        }

        ReferencedFile? file = null;
        if (_find(path) is { } input)
        {
            var loaded = DocumentLoader.Load(input.Text, input.IsJson, _cancellationToken);
            foreach (var error in loaded.Errors)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnreadableDocument, input.Path, error.Span, error.Message));
            }

            foreach (var warning in loaded.Warnings)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.LenientYaml, input.Path, warning.Span, warning.Message));
            }

            file = new ReferencedFile(input.Path, loaded.Root, loaded.Map);
        }

        _files[path] = file;
        return file;
    }

    private static string WithSeparator(string directory)
        => directory.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + System.IO.Path.DirectorySeparatorChar;
}
