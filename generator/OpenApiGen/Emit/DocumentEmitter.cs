using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Writes the static class that holds the effective OpenAPI document (the spec after its overlays).</summary>
internal static class DocumentEmitter
{
    public static string Emit(SpecModel spec, EmbeddedDocumentModel document)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var title = document.Title is { } summary ? " <i>" + XmlDocWriter.Text(summary) + "</i>" : string.Empty;

        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Summary(writer, $"The OpenAPI document{title} that the types of this namespace were generated from: the spec after its overlays.");
        writer.Line("/// <remarks>");
        writer.Line("/// For contract tests: validate requests and responses against <see cref=\"Json\"/>, exactly the document the generator");
        if (document.OverlayNames.Count > 0)
        {
            var overlays = string.Join(", ", document.OverlayNames.Select(static o => "<c>" + Escape.Xml(o) + "</c>"));
            writer.Line("/// read, rather than against the published file, which these overlays change (applied in this order):");
            writer.Line($"/// {overlays}.");
        }
        else
        {
            writer.Line("/// read. No overlay applies to this spec.");
        }

        writer.Line("/// </remarks>");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public static class {document.ClassName}");
        XmlDocWriter.Summary(writer, "The spec's file name (without its folder, so the value is the same on every machine).");
        writer.Line($"public const string SourcePath = {Escape.Literal(document.SourcePath)};");
        writer.Line();
        XmlDocWriter.Summary(writer, $"The effective document: <c>{Escape.Xml(document.SourcePath)}</c> after its overlays, as compact JSON with members in the spec's order.");
        writer.Line($"public const string Json = {Escape.RawLiteral(document.Json)};");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
