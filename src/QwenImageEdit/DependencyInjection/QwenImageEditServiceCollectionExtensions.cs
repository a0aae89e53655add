using System;
using Microsoft.Extensions.DependencyInjection;

namespace QwenImageEdit;

/// <summary>Registers the Qwen image-edit facade.</summary>
public static class QwenImageEditServiceCollectionExtensions
{
    /// <summary>
    /// Adds the facade; then add each vendor with <see cref="QwenImageEditBuilder.AddVendor"/>. Each vendor gets a
    /// <see cref="QwenImageEditClient"/> and an <c>IImageGenerator</c> keyed by its <see cref="ImageEditVendor"/>, the
    /// default vendor gets them unkeyed too, and one <see cref="ImageEditCallbackParser"/> serves all.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddQwenImageEdit()
    ///     .AddVendor(ImageEditVendor.EvoLink, o => o.ApiKey = configuration["EVOLINK_API_KEY"])
    ///     .AddVendor(ImageEditVendor.Apikley, o => o.ApiKey = configuration["APIKLEY_API_KEY"]);
    /// // then: [FromKeyedServices(ImageEditVendor.Apikley)] IImageGenerator generator, or IImageGenerator for EvoLink
    /// </code>
    /// </example>
    public static QwenImageEditBuilder AddQwenImageEdit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new QwenImageEditBuilder(services);
    }
}
