using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli;

/// <summary>
/// A facade client for one <c>--vendor</c>, and what it needs while it lives: its HttpClient and, for the local
/// vendor, the fake server it talks to. Disposing it stops the fake.
/// </summary>
internal sealed class VendorConnection : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly FakeVendor? _fake;

    private VendorConnection(VendorChoice choice, QwenImageEditClient client, HttpClient http, FakeVendor? fake)
    {
        Choice = choice;
        Client = client;
        _http = http;
        _fake = fake;
    }

    public VendorChoice Choice { get; }

    public QwenImageEditClient Client { get; }

    /// <summary>The local fake's address; null for a real vendor.</summary>
    public Uri? LocalAddress => _fake?.BaseAddress;

    /// <summary>Opens a client for the vendor chosen, with its key from its variable (or the local fake).</summary>
    /// <param name="host">The CLI's environment and, in tests, the vendors' addresses.</param>
    /// <param name="choice">The <c>--vendor</c>.</param>
    /// <param name="model">The <c>--model</c>, resolved; null for the vendor's default.</param>
    /// <param name="waits">
    /// Whether the command waits for the edit: then Replicate's create may wait for it (<c>Prefer: wait</c>) and its
    /// prediction ends at the polling timeout (<c>Cancel-After</c>); <c>--no-wait</c> returns at once and leaves the task
    /// to run for a later <c>status</c>.
    /// </param>
    /// <param name="cancellationToken">Stops starting the local fake.</param>
    /// <exception cref="CliException">The vendor's key variable is not set.</exception>
    public static async Task<VendorConnection> OpenAsync(CliHost host, VendorChoice choice, string? model, bool waits, CancellationToken cancellationToken)
    {
        if (choice.IsLocal)
        {
            return await OpenLocalAsync(host.LocalPace, model, cancellationToken).ConfigureAwait(false);
        }

        var key = host.GetEnvironmentVariable(choice.KeyVariable!);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException($"{choice.KeyVariable} is not set: export your {choice.Vendor} API key in it, or use --vendor local to try qwen-edit offline.");
        }

        var http = Transport();
        var options = new QwenImageEditVendorOptions { ApiKey = key.Trim(), DefaultModel = model, Region = Region(host, choice) };
        if (host.VendorAddresses.TryGetValue(choice.Vendor, out var addresses))
        {
            (options.BaseAddress, options.FilesBaseAddress) = addresses;
            options.Polling = LocalPolling(host.LocalPace);
            options.Results.AllowedNetworks = [Loopback];
        }

        options.SynchronousWait = waits ? options.SynchronousWait : null;
        options.CancelAfter = waits ? options.Polling.Timeout : null;

        return new VendorConnection(choice, new QwenImageEditClient(choice.Vendor, http, options), http, null);
    }

    /// <summary>DashScope's region, from <c>DASHSCOPE_REGION</c> (<c>singapore</c>, the default, or <c>beijing</c>); its keys are the region's own.</summary>
    private static DashScopeRegion Region(CliHost host, VendorChoice choice)
    {
        var value = choice.Vendor == ImageEditVendor.DashScope ? host.GetEnvironmentVariable("DASHSCOPE_REGION") : null;
        return string.IsNullOrWhiteSpace(value) ? DashScopeRegion.Singapore
            : Enum.TryParse<DashScopeRegion>(value.Trim(), ignoreCase: true, out var region) && Enum.IsDefined(region) ? region
            : throw new CliException($"DASHSCOPE_REGION is '{value.Trim()}': use singapore or beijing (each region has its own keys).");
    }

    private static async Task<VendorConnection> OpenLocalAsync(LocalVendorPace pace, string? model, CancellationToken cancellationToken)
    {
        var fake = new FakeEvoLink(new FakeVendorOptions
        {
            Lifecycle = pace.Lifecycle,
            ResultImageSize = 256,
        });
        var http = Transport();
        try
        {
            await fake.StartAsync(cancellationToken).ConfigureAwait(false);
            var options = new QwenImageEditVendorOptions
            {
                ApiKey = fake.ApiKey,
                BaseAddress = fake.ApiAddress,
                FilesBaseAddress = fake.FilesAddress,
                DefaultModel = model,
                Polling = LocalPolling(pace),
                // The fake serves its placeholder results on 127.0.0.1 over plain HTTP.
                Results = { AllowedNetworks = [Loopback] },
            };
            return new VendorConnection(VendorChoice.Local, new QwenImageEditClient(ImageEditVendor.EvoLink, http, options), http, fake);
        }
        catch
        {
            http.Dispose();
            await fake.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static readonly System.Net.IPNetwork Loopback = System.Net.IPNetwork.Parse("127.0.0.0/8");

    // Redirects are the facade's to decide: the transport must not follow them first.
    private static HttpClient Transport() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    // A fake answers at once: poll at the local pace rather than a real vendor's seconds.
    private static ImageEditPollingOptions LocalPolling(LocalVendorPace pace) => new()
    {
        FirstDelay = pace.PollEvery,
        MaxDelay = pace.PollEvery,
        Multiplier = 1,
        // Far beyond any local task (2 s by default), and beyond Replicate's longest Prefer: wait (60 s), so the
        // Cancel-After it gives a prediction never ends one whose create is still waiting; yet a stuck one still ends.
        Timeout = TimeSpan.FromMinutes(5),
    };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync().ConfigureAwait(false);
        }
    }
}
