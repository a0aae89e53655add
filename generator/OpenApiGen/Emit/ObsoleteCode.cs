using System;
using System.Collections.Generic;
using System.Text;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// <c>deprecated: true</c> as <c>[Obsolete]</c>, so a caller's build says so where it uses the operation, member or
/// type. The generated code itself still has to read and write a deprecated member or type (the API sends it), and
/// that use must not warn under TreatWarningsAsErrors: each such statement or line, and only it, is wrapped in a pragma
/// for the two obsolete-use warnings (CS0612 without a message, CS0618 with one).
/// </summary>
internal static class ObsoleteCode
{
    private const string Disable = "#pragma warning disable CS0612, CS0618 // the spec deprecates it; the API may still send it";
    private const string Restore = "#pragma warning restore CS0612, CS0618";

    /// <summary>
    /// Whether a property is <c>[Obsolete]</c>: deprecated and not <c>required</c>, which C# does not allow together
    /// (CS9042: a caller could not both set it and not use it). A required deprecated member says so in its docs.
    /// </summary>
    public static bool Applies(PropertyModel property) => property.Docs.Deprecated && !property.IsRequired;

    public static void Attribute(SourceWriter writer, DocModel docs)
    {
        if (docs.Deprecated)
        {
            writer.Line(docs.DeprecationText is { } text ? $"[global::System.Obsolete({Escape.Literal(text)})]" : "[global::System.Obsolete]");
        }
    }

    /// <summary>Writes what <paramref name="write"/> writes, with the obsolete-use warnings off around it when <paramref name="deprecated"/>.</summary>
    public static void Use(SourceWriter writer, bool deprecated, Action write)
    {
        if (!deprecated)
        {
            write();
            return;
        }

        writer.Line(Disable);
        write();
        writer.Line(Restore);
    }

    /// <summary>The names of a spec's deprecated types, whose uses <see cref="WrapTypeUses"/> wraps; empty for most specs.</summary>
    public static HashSet<string> DeprecatedTypes(SpecModel spec)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in spec.Types)
        {
            if (type.Docs.Deprecated)
            {
                names.Add(type.Name);
            }
        }

        return names;
    }

    /// <summary>
    /// Wraps every line of a generated file that names a deprecated type of the spec (always as
    /// <c>global::Namespace.Type</c>) in the pragma, consecutive lines in one: a property of that type, a converter, the
    /// JSON context's type info, a client method that returns it. Done on the finished text, so every emitter's uses
    /// are covered however it writes them. A line inside such a pragma already, a comment (a <c>cref</c> does not warn)
    /// and a directive are left as they are.
    /// </summary>
    public static string WrapTypeUses(string source, string ns, HashSet<string> deprecated)
    {
        if (deprecated.Count == 0)
        {
            return source;
        }

        var prefix = "global::" + ns + ".";
        if (source.IndexOf(prefix, StringComparison.Ordinal) < 0)
        {
            return source;
        }

        var lines = source.Split('\n');
        var result = new StringBuilder(source.Length + 256);
        var inPragma = false;
        var open = false;
        var indent = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(Disable, StringComparison.Ordinal))
            {
                inPragma = true;
            }
            else if (trimmed.StartsWith(Restore, StringComparison.Ordinal))
            {
                inPragma = false;
            }

            var wrap = !inPragma && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("#", StringComparison.Ordinal) && Names(line, prefix, deprecated);
            if (wrap && !open)
            {
                indent = line.Substring(0, line.Length - trimmed.Length);
                result.Append(indent).Append(Disable).Append('\n');
                open = true;
            }
            else if (!wrap && open)
            {
                result.Append(indent).Append(Restore).Append('\n');
                open = false;
            }

            result.Append(line);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }
        }

        if (open)
        {
            result.Append('\n').Append(indent).Append(Restore);
        }

        return result.ToString();
    }

    // Whether the line names one of the types: the prefix followed by the whole identifier.
    private static bool Names(string line, string prefix, HashSet<string> deprecated)
    {
        for (var at = line.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = line.IndexOf(prefix, at + 1, StringComparison.Ordinal))
        {
            var start = at + prefix.Length;
            var end = start;
            while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_'))
            {
                end++;
            }

            if (deprecated.Contains(line.Substring(start, end - start)))
            {
                return true;
            }
        }

        return false;
    }
}
