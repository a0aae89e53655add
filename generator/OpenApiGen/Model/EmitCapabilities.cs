namespace OpenApiGen.Model;

/// <summary>What the consuming project references that changes what is emitted.</summary>
/// <param name="HasHttpClientFactory">Microsoft.Extensions.Http and Options are referenced: emit <c>services.AddXxxClient()</c>.</param>
internal readonly record struct EmitCapabilities(bool HasHttpClientFactory);
