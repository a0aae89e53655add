using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Writes the client's options class: where it sends, and a member per credential it can send.</summary>
internal static class ClientOptionsEmitter
{
    public static void Write(SourceWriter writer, SpecModel spec)
    {
        var client = spec.Client;
        XmlDocWriter.Summary(writer, $"Where <see cref=\"{spec.ClientName}\"/> sends requests, and the credentials it sends.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {client.OptionsName}");
        var fallback = client.DefaultBaseAddress is { } address ? $"the spec's server, <c>{Escape.Xml(address)}</c>" : "nothing: the spec names no absolute server, so one of the two must be set";
        XmlDocWriter.Summary(writer, $"Where requests go. When null: the HttpClient's <c>BaseAddress</c>, or else {fallback}.");
        writer.Line("public global::System.Uri? BaseAddress { get; set; }");
        foreach (var scheme in client.SecuritySchemes.GroupBy(static s => s.OptionName).Select(static g => g.First()))
        {
            writer.Line();
            var how = scheme.Kind switch
            {
                CredentialKind.Bearer => "sent as <c>Authorization: Bearer ...</c>",
                CredentialKind.Basic => "the user name for <c>Authorization: Basic ...</c>",
                CredentialKind.Body => "put into the request body's key member when the caller leaves it null",
                _ => $"sent in the {ClientCode.Word(scheme.In!.Value)} <c>{Escape.Xml(scheme.WireName!)}</c>",
            };
            XmlDocWriter.Summary(writer, $"The credential of the <c>{Escape.Xml(scheme.Name)}</c> scheme, {how}. Never logged, and removed from exception messages.");
            writer.Line($"public string? {scheme.OptionName} {{ get; set; }}");
            if (scheme.SecondOptionName is { } password)
            {
                writer.Line();
                XmlDocWriter.Summary(writer, $"The password for <c>Authorization: Basic ...</c> (the <c>{Escape.Xml(scheme.Name)}</c> scheme).");
                writer.Line($"public string? {password} {{ get; set; }}");
            }
        }

        writer.CloseBlock();
    }
}
