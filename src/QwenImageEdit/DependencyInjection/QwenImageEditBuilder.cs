using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QwenImageEdit;

/// <summary>Adds vendors to the facade's registration.</summary>
public sealed class QwenImageEditBuilder
{
    private readonly VendorRegistry _registry;

    internal QwenImageEditBuilder(IServiceCollection services)
    {
        Services = services;
        _registry = services.FirstOrDefault(static d => d.ServiceType == typeof(VendorRegistry))?.ImplementationInstance as VendorRegistry ?? new VendorRegistry();
        if (!services.Any(static d => d.ServiceType == typeof(VendorRegistry)))
        {
            services.AddSingleton(_registry);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QwenImageEditVendorOptions>, VendorOptionsValidator>());
            services.AddTransient(static sp => sp.GetRequiredKeyedService<QwenImageEditClient>(sp.GetRequiredService<VendorRegistry>().Default));
            services.AddTransient(static sp => sp.GetRequiredKeyedService<IImageGenerator>(sp.GetRequiredService<VendorRegistry>().Default));
            services.AddSingleton(static sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<QwenImageEditVendorOptions>>();
                var vendors = sp.GetRequiredService<VendorRegistry>().Vendors.Select(vendor => (vendor, options: options.Get(vendor.ToString()))).ToArray();
                var keys = vendors
                    .Where(static pair => !string.IsNullOrEmpty(pair.options.WebhookSigningKey))
                    .ToDictionary(static pair => pair.vendor, static pair => pair.options.WebhookSigningKey!);
                return new ImageEditCallbackParser(keys, sp.GetService<TimeProvider>(), sp.GetService<ILogger<ImageEditCallbackParser>>(), vendors.Select(static pair => pair.options.ApiKey));
            });
        }
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a vendor. The first vendor added is the default (unkeyed) one unless <see cref="UseDefaultVendor"/> says
    /// otherwise. Options are validated when the host starts (a missing key fails start-up, not the first request).
    /// </summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="configure">Sets its key, addresses and policies.</param>
    /// <param name="configureHttpClient">Adds handlers to its named HttpClient (proxies, resilience, a test handler).</param>
    public QwenImageEditBuilder AddVendor(ImageEditVendor vendor, Action<QwenImageEditVendorOptions> configure, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var name = vendor.ToString();
        if (_registry.Vendors.Contains(vendor))
        {
            throw new InvalidOperationException($"{vendor} is already added.");
        }

        _registry.Vendors.Add(vendor);
        Services.AddOptions<QwenImageEditVendorOptions>(name).Configure(configure).ValidateOnStart();
        // Redirects are the facade's to decide (none on a create, same-origin for polls and uploads), so the transport
        // must not follow them first. A handler configured below may replace this one; the facade then refuses a
        // redirect only after it was followed.
        var http = Services.AddHttpClient(HttpClientName(vendor))
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });
        configureHttpClient?.Invoke(http);

        Services.AddKeyedTransient(vendor, static (sp, key) =>
        {
            var vendor = (ImageEditVendor)key!;
            return new QwenImageEditClient(
                vendor,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName(vendor)),
                sp.GetRequiredService<IOptionsMonitor<QwenImageEditVendorOptions>>().Get(vendor.ToString()),
                sp.GetService<ILogger<QwenImageEditClient>>(),
                sp.GetService<TimeProvider>());
        });
        Services.AddKeyedTransient<IImageGenerator>(vendor, static (sp, key) => new QwenImageGenerator(sp.GetRequiredKeyedService<QwenImageEditClient>(key)));
        return this;
    }

    /// <summary>Makes <paramref name="vendor"/> the one resolved without a key.</summary>
    public QwenImageEditBuilder UseDefaultVendor(ImageEditVendor vendor)
    {
        _registry.DefaultVendor = vendor;
        return this;
    }

    /// <summary>The name of a vendor's HttpClient in <see cref="IHttpClientFactory"/>.</summary>
    public static string HttpClientName(ImageEditVendor vendor) => "QwenImageEdit." + vendor;

    internal sealed class VendorRegistry
    {
        public List<ImageEditVendor> Vendors { get; } = [];

        public ImageEditVendor? DefaultVendor { get; set; }

        public ImageEditVendor Default => DefaultVendor ?? (Vendors.Count > 0 ? Vendors[0] : throw new InvalidOperationException("No vendor is registered: call AddQwenImageEdit().AddVendor(...)."));
    }
}
