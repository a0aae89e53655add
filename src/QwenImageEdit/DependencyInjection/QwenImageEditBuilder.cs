using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using System.Diagnostics.Metrics;

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
            // The facade's pipelines live in Polly's registry (telemetry, names); the create guard goes innermost in
            // every vendor's HttpClient, after whatever handlers are configured for it, whenever they are.
            services.AddResiliencePipelineRegistry<string>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, CreateGuardFilter>());
            services.AddTransient(static sp => sp.GetRequiredKeyedService<QwenImageEditClient>(sp.GetRequiredService<VendorRegistry>().Default));
            services.AddTransient(static sp => sp.GetRequiredKeyedService<IImageGenerator>(sp.GetRequiredService<VendorRegistry>().Default));
            services.AddSingleton(static sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<QwenImageEditVendorOptions>>();
                var vendors = sp.GetRequiredService<VendorRegistry>().Vendors.Select(vendor => (vendor, options: options.Get(vendor.ToString()))).ToArray();
                var keys = vendors
                    .Where(static pair => !string.IsNullOrEmpty(pair.options.WebhookSigningKey))
                    .ToDictionary(static pair => pair.vendor, static pair => pair.options.WebhookSigningKey!);
                // fal.ai always signs, against its published key set: read through fal's HttpClient unless pinned.
                var fal = vendors.Where(static pair => pair.vendor == ImageEditVendor.Fal).Select(static pair => pair.options).FirstOrDefault();
                var falKeys = fal is null ? null : fal.WebhookKeys ?? new FalWebhookKeys(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName(ImageEditVendor.Fal)), timeProvider: sp.GetService<TimeProvider>());
                return new ImageEditCallbackParser(keys, sp.GetService<TimeProvider>(), sp.GetService<ILogger<ImageEditCallbackParser>>(), vendors.Select(static pair => pair.options.ApiKey), falKeys);
            });
        }
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a vendor. The first vendor added is the default (unkeyed) one unless <see cref="UseDefaultVendor"/> says
    /// otherwise. Options are validated when the host starts (a missing key fails start-up, not the first request).
    /// </summary>
    /// <remarks>
    /// Resilience handlers added to the vendor's HttpClient (<c>AddStandardResilienceHandler</c>, Polly handlers) are
    /// safe for creates: a <see cref="CreateGuardHandler"/> goes innermost, after every handler configured for the
    /// client, and lets a create be sent again only when the vendor provably did not take it. The facade's own create
    /// and poll pipelines are in Polly's registry as <see cref="CreatePipelineName"/> and <see cref="PollPipelineName"/>:
    /// register a pipeline under either name to replace the facade's.
    /// </remarks>
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
            var options = sp.GetRequiredService<IOptionsMonitor<QwenImageEditVendorOptions>>();
            var logger = (ILogger?)sp.GetService<ILogger<QwenImageEditClient>>() ?? NullLogger.Instance;
            return new QwenImageEditClient(
                vendor,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName(vendor)),
                options.Get(vendor.ToString()),
                logger,
                sp.GetService<TimeProvider>(),
                sp.GetService<IMeterFactory>(),
                ImageEditPipelines.FromRegistry(sp.GetRequiredService<ResiliencePipelineRegistry<string>>(), vendor, options, logger));
        });
        Services.AddKeyedTransient<IImageGenerator>(vendor, static (sp, key) => new QwenImageGenerator(sp.GetRequiredKeyedService<QwenImageEditClient>(key)));
        return this;
    }

    /// <summary>
    /// Adds an <see cref="ImageEditFallback"/> over vendors added with <see cref="AddVendor"/>, tried in the order given,
    /// and an <c>IImageGenerator</c> over it, keyed <see cref="ImageEditFallback.ServiceKey"/>.
    /// </summary>
    /// <param name="routes">The vendors (and models) to try, first first.</param>
    public QwenImageEditBuilder AddFallback(params ImageEditRoute[] routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.Length == 0)
        {
            throw new ArgumentException("A fallback needs at least one route.", nameof(routes));
        }

        if (Services.Any(static d => d.ServiceType == typeof(ImageEditFallback)))
        {
            throw new InvalidOperationException("A fallback is already added.");
        }

        var copy = routes.ToArray();
        Services.AddTransient(sp => new ImageEditFallback(copy, vendor => sp.GetRequiredKeyedService<QwenImageEditClient>(vendor), sp.GetService<ILogger<ImageEditFallback>>()));
        Services.AddKeyedTransient<IImageGenerator>(ImageEditFallback.ServiceKey, static (sp, _) => new QwenImageGenerator(sp.GetRequiredService<ImageEditFallback>()));
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

    /// <summary>
    /// The name of the pipeline around each create to <paramref name="vendor"/> in Polly's registry
    /// (<c>ResiliencePipelineProvider&lt;string&gt;</c>), and the <c>pipeline.name</c> of its telemetry. The facade's
    /// retries a create only when the vendor provably did not take it (a 429, a refused connection); a pipeline
    /// registered under this name replaces it, and still cannot send a create the vendor may have taken.
    /// </summary>
    public static string CreatePipelineName(ImageEditVendor vendor) => $"QwenImageEdit.{vendor}.Create";

    /// <summary>
    /// The name of the pipeline around each task read from <paramref name="vendor"/> in Polly's registry. The facade's
    /// retries any transient failure (<see cref="ImageEditPollingOptions.TransientRetries"/>); a pipeline registered
    /// under this name replaces it.
    /// </summary>
    public static string PollPipelineName(ImageEditVendor vendor) => $"QwenImageEdit.{vendor}.Poll";

    /// <summary>Puts a <see cref="CreateGuardHandler"/> innermost in each vendor's HttpClient, after every handler its configuration added.</summary>
    private sealed class CreateGuardFilter(VendorRegistry registry) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (registry.Vendors.Any(vendor => builder.Name == HttpClientName(vendor)))
                {
                    builder.AdditionalHandlers.Add(new CreateGuardHandler());
                }
            };
    }

    internal sealed class VendorRegistry
    {
        public List<ImageEditVendor> Vendors { get; } = [];

        public ImageEditVendor? DefaultVendor { get; set; }

        public ImageEditVendor Default => DefaultVendor ?? (Vendors.Count > 0 ? Vendors[0] : throw new InvalidOperationException("No vendor is registered: call AddQwenImageEdit().AddVendor(...)."));
    }
}
