using QwenImageEdit.Testing;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// One vendor's fake running on Kestrel (127.0.0.1, a free port) and a facade client pointed at it over real HTTP,
/// with polling waits set to zero so tests never sleep for the schedule.
/// </summary>
internal sealed class VendorRig : IAsyncDisposable
{
    private VendorRig(FakeVendor fake, QwenImageEditClient client, HttpClient http, QwenImageEditVendorOptions options)
    {
        Fake = fake;
        Client = client;
        Http = http;
        Options = options;
    }

    public FakeVendor Fake { get; }

    public QwenImageEditClient Client { get; }

    public HttpClient Http { get; }

    public QwenImageEditVendorOptions Options { get; }

    /// <summary>Requests that reached the fake on a route (create, poll, upload, result).</summary>
    public int Count(FakeRoute route) => Fake.Requests.Count(r => r.Route == route);

    public static Task<VendorRig> StartAsync(ImageEditVendor vendor, FakeVendorOptions? fakeOptions = null, Action<QwenImageEditVendorOptions>? configure = null)
        => StartAsync(vendor, CreateFake(vendor, fakeOptions), configure);

    /// <summary>A rig around a fake the test made itself (one with its own signing key, say).</summary>
    public static async Task<VendorRig> StartAsync(ImageEditVendor vendor, FakeVendor fake, Action<QwenImageEditVendorOptions>? configure = null)
    {
        await fake.StartAsync();
        var options = PointAt(fake, new QwenImageEditVendorOptions { ApiKey = fake.ApiKey });
        options.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = 0, Timeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(options);
        var http = Transport();
        return new VendorRig(fake, new QwenImageEditClient(vendor, http, options), http, options);
    }

    public static FakeVendor CreateFake(ImageEditVendor vendor, FakeVendorOptions? options) => vendor switch
    {
        ImageEditVendor.EvoLink => new FakeEvoLink(options),
        ImageEditVendor.ModelsLab => new FakeModelsLab(options),
        ImageEditVendor.Apikley => new FakeApikley(options),
        ImageEditVendor.Fal => new FakeFal(options),
        ImageEditVendor.Replicate => new FakeReplicate(options),
        ImageEditVendor.DashScope => new FakeDashScope(options),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
    };

    /// <summary>A vendor transport as the facade asks for one: it does not follow redirects (the facade decides).</summary>
    public static HttpClient Transport() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    /// <summary>
    /// The facade's addresses for a fake: the API, and the upload API where the vendor has its own host. The fakes
    /// serve results on 127.0.0.1 over plain HTTP, which the facade refuses unless loopback is allowed.
    /// </summary>
    public static QwenImageEditVendorOptions PointAt(FakeVendor fake, QwenImageEditVendorOptions options)
    {
        options.Results.AllowedNetworks = [Loopback];
        (options.BaseAddress, options.FilesBaseAddress) = fake switch
        {
            FakeEvoLink e => (e.ApiAddress, e.FilesAddress),
            FakeModelsLab m => (m.ApiAddress, m.ApiAddress),
            FakeApikley a => (a.ApiAddress, a.FilesAddress),
            FakeFal f => (f.QueueAddress, f.QueueAddress),
            FakeReplicate r => (r.ApiAddress, r.ApiAddress),
            FakeDashScope d => (d.ApiAddress, d.ApiAddress),
            _ => throw new ArgumentOutOfRangeException(nameof(fake)),
        };

        // fal.ai signs its callbacks with the fake's test key; Replicate's create waits nowhere unless a test asks.
        if (fake is FakeFal fal)
        {
            options.WebhookKeys = FalWebhookKeys.FromJson(fal.SigningKey.JwksJson);
        }

        options.SynchronousWait = null;
        return options;
    }

    /// <summary>Where the fakes run.</summary>
    public static readonly System.Net.IPNetwork Loopback = System.Net.IPNetwork.Parse("127.0.0.0/8");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Fake.DisposeAsync();
    }
}
