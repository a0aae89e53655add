using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes the spec's client file: an interface for mocking, the options class (base address, credentials) and the
/// client, which takes an <c>HttpClient</c> so <c>IHttpClientFactory</c> owns its life, and sends every operation
/// through the runtime's <c>ApiPipeline</c>. No retries, no polling: that policy belongs to the caller, or to a
/// <c>DelegatingHandler</c> in the HttpClient's pipeline.
/// </summary>
internal static class ClientEmitter
{
    public static string Emit(SpecModel spec)
    {
        var client = spec.Client;
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        writer.OpenBlock("namespace " + spec.Namespace);

        XmlDocWriter.Summary(writer, $"The operations of {ClientCode.Title(spec)}, for mocking <see cref=\"{spec.ClientName}\"/>.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial interface {client.InterfaceName}");
        var first = true;
        foreach (var operation in client.Operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            OperationDocs.Write(writer, operation);
            ObsoleteCode.Attribute(writer, operation.Docs);
            writer.Line($"{OperationSignature.ReturnType(operation)} {operation.MethodName}({OperationSignature.Parameters(spec, operation)});");
        }

        writer.CloseBlock();
        writer.Line();
        ClientOptionsEmitter.Write(writer, spec);
        writer.Line();
        WriteClient(writer, spec);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteClient(SourceWriter writer, SpecModel spec)
    {
        var client = spec.Client;
        XmlDocWriter.Write(writer, spec.Docs, $"A client for {ClientCode.Title(spec)}.", new[]
        {
            "Each method sends one request and returns the documented success body with the answer's status and headers; any other answer is an <see cref=\"global::OpenApiGen.Runtime.ApiException\"/> (or, with <c>ThrowOnError = false</c> in the call's options, returned in the response). Nothing is retried here: add that policy with a <c>DelegatingHandler</c> in the HttpClient's pipeline.",
        });
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial class {spec.ClientName} : {client.InterfaceName}");
        writer.Line($"private readonly {ClientCode.Runtime}.ApiPipeline _pipeline;");
        var keepsOptions = RequestBodyCode.BodyCredential(spec) is not null;
        if (keepsOptions)
        {
            writer.Line($"private readonly {client.OptionsName} _options;");
        }

        writer.Line();
        XmlDocWriter.Summary(writer, "Creates a client that sends through <paramref name=\"httpClient\"/>, whose life its owner (an <c>IHttpClientFactory</c>, say) manages.");
        writer.Line("/// <param name=\"httpClient\">The HttpClient to send with.</param>");
        writer.Line("/// <param name=\"options\">Where to send, and the credentials; read at each request.</param>");
        writer.OpenBlock($"public {spec.ClientName}(global::System.Net.Http.HttpClient httpClient, {client.OptionsName} options)");
        writer.Line(keepsOptions
            ? "_options = options ?? throw new global::System.ArgumentNullException(nameof(options));"
            : "global::System.ArgumentNullException.ThrowIfNull(options);");
        var server = client.DefaultBaseAddress is { } address ? Escape.Literal(address) : "null";
        var credentials = client.SecuritySchemes.Select(Credential).Select(static c => ", " + c);
        writer.Line($"_pipeline = new {ClientCode.Runtime}.ApiPipeline(httpClient, () => options.BaseAddress, {server}{string.Concat(credentials)});");
        writer.CloseBlock();

        foreach (var operation in client.Operations)
        {
            writer.Line();
            OperationEmitter.Write(writer, spec, operation);
        }

        writer.CloseBlock();
    }

    /// <summary>A scheme as the runtime applies it, reading its options member at each request.</summary>
    private static string Credential(SecuritySchemeModel scheme)
    {
        var name = Escape.Literal(scheme.Name);
        return scheme.Kind switch
        {
            CredentialKind.Bearer => $"{ClientCode.Runtime}.ApiCredential.Bearer({name}, () => options.{scheme.OptionName})",
            CredentialKind.Basic => $"{ClientCode.Runtime}.ApiCredential.Basic({name}, () => options.{scheme.OptionName}, () => options.{scheme.SecondOptionName})",
            CredentialKind.Body => $"{ClientCode.Runtime}.ApiCredential.InBody({name}, () => options.{scheme.OptionName})",
            _ => $"{ClientCode.Runtime}.ApiCredential.ApiKey({name}, {ClientCode.Runtime}.ApiKeyLocation.{scheme.In}, {Escape.Literal(scheme.WireName!)}, () => options.{scheme.OptionName})",
        };
    }
}
