using System;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// <c>deprecated: true</c> as <c>[Obsolete]</c>, so a caller's build says so where it uses the member. The generated
/// code itself still has to read and write a deprecated member (the API sends it), and that use must not warn under
/// TreatWarningsAsErrors: each such statement, and only it, is wrapped in a pragma for the two obsolete-use warnings
/// (CS0612 without a message, CS0618 with one).
/// </summary>
internal static class ObsoleteCode
{
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

        writer.Line("#pragma warning disable CS0612, CS0618 // the spec deprecates it; the API may still send it");
        write();
        writer.Line("#pragma warning restore CS0612, CS0618");
    }
}
