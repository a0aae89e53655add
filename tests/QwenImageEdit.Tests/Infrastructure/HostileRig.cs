using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// The facade against a hostile vendor: one of the kit's fakes behind a <see cref="HostileProxy"/>, reached through a
/// transport that refuses anything but loopback (<see cref="LoopbackOnly"/>), with result downloads whose DNS is a
/// table and whose connections are recorded and refused unless they go to loopback. Nothing here can reach the network.
/// </summary>
internal sealed class HostileRig : IAsyncDisposable
{
    /// <summary>The key: '+', '/' and '&lt;' make its raw, JSON-escaped, URL-escaped and base64 forms all differ.</summary>
    public const string Key = "sk-hostile+key/0123<456789>";

    private HostileRig(FakeVendor fake, HostileProxy proxy, LoopbackOnly network, HttpClient http, QwenImageEditVendorOptions options, MemoryLogger logs)
    {
        Fake = fake;
        Proxy = proxy;
        Network = network;
        Http = http;
        Options = options;
        Logs = logs;
        Client = new QwenImageEditClient(Vendor(fake), http, options, logs.For<QwenImageEditClient>());
    }

    public FakeVendor Fake { get; }

    public HostileProxy Proxy { get; }

    /// <summary>Every connection the vendor transport made or was refused.</summary>
    public LoopbackOnly Network { get; }

    public HttpClient Http { get; }

    public QwenImageEditVendorOptions Options { get; }

    public QwenImageEditClient Client { get; }

    public MemoryLogger Logs { get; }

    /// <summary>The DNS result downloads see: a name not here does not resolve.</summary>
    public ConcurrentDictionary<string, IPAddress[]> Dns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every address a result download dialled (loopback ones connected, the rest refused).</summary>
    public ConcurrentQueue<IPEndPoint> Dialled { get; } = new();

    public static async Task<HostileRig> StartAsync(ImageEditVendor vendor, FakeLifecycle? lifecycle = null, Action<QwenImageEditVendorOptions>? configure = null, bool transportFollowsRedirects = false)
    {
        var fake = VendorRig.CreateFake(vendor, new FakeVendorOptions { ApiKey = Key, Lifecycle = lifecycle ?? FakeLifecycle.AfterPolls(1) });
        await fake.StartAsync();
        var proxy = await HostileProxy.StartAsync(fake);
        var network = new LoopbackOnly();
        var options = VendorRig.PointAt(fake, new QwenImageEditVendorOptions { ApiKey = Key, MaxRetryAfter = TimeSpan.FromMilliseconds(50) });
        (options.BaseAddress, options.FilesBaseAddress) = (proxy.Through(options.BaseAddress!), proxy.Through(options.FilesBaseAddress!));
        options.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = 0, Timeout = TimeSpan.FromSeconds(30) };
        HostileRig? rig = null;
        options.Results.Resolve = (host, _) => Task.FromResult(rig!.Dns.TryGetValue(host, out var addresses) ? addresses : throw new SocketException((int)SocketError.HostNotFound));
        options.Results.Dial = (endpoint, token) => rig!.DialAsync(endpoint, token);
        configure?.Invoke(options);
        rig = new HostileRig(fake, proxy, network, network.Client(transportFollowsRedirects), options, new MemoryLogger());
        return rig;
    }

    /// <summary>The strings that must never hold the key: the exception (all of it), the logs, and what the operation exposes.</summary>
    public void AssertNoSecret(Exception? error = null, ImageEditOperation? operation = null)
    {
        if (error is not null)
        {
            NoSecret.In(Key, error);
        }

        if (operation is not null)
        {
            NoSecret.In(Key, operation.ToString(), operation.RawStatus, operation.Failure?.Message, operation.Failure?.ToString());
            NoSecret.In(Key, Strings.Of(operation.RawRepresentation).ToArray());
        }

        NoSecret.In(Key, Logs.Messages.ToArray());
    }

    private async ValueTask<Stream> DialAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        Dialled.Enqueue(endpoint);
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static ImageEditVendor Vendor(FakeVendor fake) => fake switch
    {
        FakeEvoLink => ImageEditVendor.EvoLink,
        FakeModelsLab => ImageEditVendor.ModelsLab,
        FakeApikley => ImageEditVendor.Apikley,
        FakeFal => ImageEditVendor.Fal,
        FakeReplicate => ImageEditVendor.Replicate,
        FakeDashScope => ImageEditVendor.DashScope,
        _ => throw new ArgumentOutOfRangeException(nameof(fake)),
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Proxy.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>A logger provider that keeps every message (with its exception) for a test to read.</summary>
internal sealed class MemoryLogger : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger<T> For<T>() => new LoggerFactory([this]).CreateLogger<T>();

    public ILogger CreateLogger(string categoryName) => new Logger(Messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
