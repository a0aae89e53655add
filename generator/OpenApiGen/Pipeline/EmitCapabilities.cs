using Microsoft.CodeAnalysis;

namespace OpenApiGen.Pipeline;

/// <summary>What the consuming project references that changes what is emitted.</summary>
/// <param name="HasHttpClientFactory">Microsoft.Extensions.Http and Options are referenced: emit <c>services.AddXxxClient()</c>.</param>
internal readonly record struct EmitCapabilities(bool HasHttpClientFactory)
{
    /// <summary>Only a bool from the compilation, so editing C# re-runs this cheap lookup and nothing after it.</summary>
    public static EmitCapabilities Of(Compilation compilation) => new(
        compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null
        && compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1") is not null);
}
