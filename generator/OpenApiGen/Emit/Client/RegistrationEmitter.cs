using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes <c>services.AddXxxClient(...)</c>: the client as a typed HttpClient (so IHttpClientFactory owns handlers and
/// their lifetimes, and <c>AddHttpMessageHandler</c> adds policies), its options through Microsoft.Extensions.Options,
/// and a factory instead of reflection-based activation, so it stays trim- and AOT-safe.
/// </summary>
internal static class RegistrationEmitter
{
    private const string DI = "global::Microsoft.Extensions.DependencyInjection";

    public static string Emit(SpecModel spec)
    {
        var client = spec.Client;
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Summary(writer, $"Registers <see cref=\"{spec.ClientName}\"/> with dependency injection.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public static class {client.RegistrationName}");
        XmlDocWriter.Summary(writer, $"Registers <see cref=\"{client.InterfaceName}\"/> as a typed HttpClient, with its options.");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        writer.Line("/// <param name=\"configure\">Sets the options (base address, credentials); they can also be bound from configuration.</param>");
        writer.Line("/// <returns>The HttpClient builder, to add handlers (retries, logging) to the client's pipeline.</returns>");
        writer.OpenBlock($"public static {DI}.IHttpClientBuilder Add{spec.ClientName}(this {DI}.IServiceCollection services, global::System.Action<{client.OptionsName}>? configure = null)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        writer.Line($"var options = {DI}.OptionsServiceCollectionExtensions.AddOptions<{client.OptionsName}>(services);");
        writer.OpenBlock("if (configure is not null)");
        writer.Line("options.Configure(configure);");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"return {DI}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{client.InterfaceName}, {spec.ClientName}>(");
        writer.Line("    services,");
        writer.Line($"    static (httpClient, provider) => new {spec.ClientName}(httpClient, {DI}.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{client.OptionsName}>>(provider).Value));");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
