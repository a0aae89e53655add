using System;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Threading;

namespace OpenApiGen.Reading;

/// <summary>
/// Turns JSON or YAML text into a <see cref="JsonNode"/> tree and a <see cref="SourceMap"/> in one pass.
/// </summary>
/// <remarks>
/// Both readers build the tree with an explicit stack rather than recursion: the code runs inside the
/// compiler, where a deeply nested (or hostile) document must not overflow the stack.
/// </remarks>
internal static class DocumentLoader
{
    internal const string EmptyDocument = "the document is empty";

    // Far beyond any real spec; bounds both our stacks and the recursion of whoever walks the tree later.
    internal const int MaxDepth = 1000;

    // Each repair reads the document again; past this many, the error stands.
    private const int MaxRepairs = 32;

    /// <summary>
    /// Never throws for bad input: every problem becomes a <see cref="LoadError"/>. Only cancellation escapes.
    /// </summary>
    public static LoadedDocument Load(string text, bool isJson, CancellationToken ct)
    {
        text ??= string.Empty;
        var map = new SourceMap.Builder(text);
        var errors = ImmutableArray.CreateBuilder<LoadError>();
        var warnings = ImmutableArray.CreateBuilder<LoadError>();
        var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        JsonNode? root = null;
        if (IsBlank(text, bom))
        {
            map.AddRoot(null);
            errors.Add(new LoadError(EmptyDocument, map.CreateSpan(bom, bom)));
        }
        else
        {
            try
            {
                root = isJson
                    ? new JsonTreeReader(text, bom, map, errors, ct).Read()
                    : ReadYaml(text, bom, ref map, errors, warnings, ct);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // A reader bug must not take down the compiler; report it like any other load problem.
                errors.Add(new LoadError("the document could not be read: " + ex.Message, map.CreateSpan(bom, bom)));
                root = null;
            }
        }

        return new LoadedDocument(root, map.Build(), errors.ToImmutable(), warnings.ToImmutable());
    }

    /// <summary>
    /// YAML, read again after each block scalar <see cref="BlockScalarRepair"/> repairs, each repair a warning at the
    /// scalar's header. The map is always of the text as written: a repair keeps every node's offset.
    /// </summary>
    private static JsonNode? ReadYaml(string text, int bom, ref SourceMap.Builder map, ImmutableArray<LoadError>.Builder errors, ImmutableArray<LoadError>.Builder warnings, CancellationToken ct)
    {
        var source = text;
        for (var repairs = 0; ; repairs++)
        {
            var reader = new YamlTreeReader(source, bom, map, errors, ct);
            var root = reader.Read();
            if (reader.RepairAt is not { } at || repairs == MaxRepairs || BlockScalarRepair.Repair(source, at) is not { } repaired)
            {
                return root;
            }

            source = repaired.Text;
            map = new SourceMap.Builder(text);
            errors.Clear();
            warnings.Add(new LoadError(
                "the block scalar's leading empty lines hold spaces (more than its first line of text, which YAML does not allow, or more than YamlDotNet reads); they are read as empty lines",
                PointSpan(map, text, repaired.Header)));
        }
    }

    private static bool IsBlank(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A key as messages quote it: cut short when it is long.</summary>
    internal static string Quote(string key) => "'" + (key.Length > 80 ? key.Substring(0, 80) + "..." : key) + "'";

    /// <summary>A one-character span where possible, so an error at a point is still visible in an editor.</summary>
    internal static SourceSpan PointSpan(SourceMap.Builder map, string text, int offset)
    {
        var visible = offset < text.Length && text[offset] != '\r' && text[offset] != '\n';
        return map.CreateSpan(offset, visible ? offset + 1 : offset);
    }
}

