using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// The facade as a hosted app registers it (AddQwenImageEdit().AddVendor, with whatever handlers the test puts on the
/// vendor's HttpClient), over fakes on Kestrel at 127.0.0.1, with a log sink of its own and polling waits of zero.
/// </summary>
internal sealed class HostedRig : IAsyncDisposable
{
    private readonly Dictionary<ImageEditVendor, FakeVendor> _fakes;

    private HostedRig(ServiceProvider provider, Dictionary<ImageEditVendor, FakeVendor> fakes, LogSink logs)
    {
        Provider = provider;
        _fakes = fakes;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public LogSink Logs { get; }

    public FakeVendor Fake => _fakes.Values.First();

    public FakeVendor FakeOf(ImageEditVendor vendor) => _fakes[vendor];

    public QwenImageEditClient Client(ImageEditVendor vendor) => Provider.GetRequiredKeyedService<QwenImageEditClient>(vendor);

    public QwenImageEditClient Client() => Provider.GetRequiredService<QwenImageEditClient>();

    public int Count(ImageEditVendor vendor, FakeRoute route) => _fakes[vendor].Requests.Count(r => r.Route == route);

    public static Task<HostedRig> StartAsync(ImageEditVendor vendor, Action<IHttpClientBuilder>? http = null, Action<IServiceCollection>? services = null, Action<QwenImageEditVendorOptions>? configure = null, FakeVendorOptions? fakeOptions = null)
        => StartAsync([vendor], (_, builder) => http?.Invoke(builder), services, (_, options) => configure?.Invoke(options), fakeOptions, builder => builder);

    public static async Task<HostedRig> StartAsync(
        ImageEditVendor[] vendors,
        Action<ImageEditVendor, IHttpClientBuilder>? http = null,
        Action<IServiceCollection>? services = null,
        Action<ImageEditVendor, QwenImageEditVendorOptions>? configure = null,
        FakeVendorOptions? fakeOptions = null,
        Func<QwenImageEditBuilder, QwenImageEditBuilder>? facade = null)
    {
        var fakes = vendors.ToDictionary(v => v, v => VendorRig.CreateFake(v, fakeOptions));
        await Task.WhenAll(fakes.Values.Select(f => f.StartAsync()));
        var logs = new LogSink();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services?.Invoke(collection);
        var builder = collection.AddQwenImageEdit();
        foreach (var vendor in vendors)
        {
            var fake = fakes[vendor];
            builder.AddVendor(
                vendor,
                o =>
                {
                    VendorRig.PointAt(fake, o);
                    o.ApiKey = fake.ApiKey;
                    o.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = 0, Timeout = TimeSpan.FromSeconds(30) };
                    configure?.Invoke(vendor, o);
                },
                b => http?.Invoke(vendor, b));
        }

        facade?.Invoke(builder);
        return new HostedRig(collection.BuildServiceProvider(), fakes, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        foreach (var fake in _fakes.Values)
        {
            await fake.DisposeAsync();
        }
    }
}

/// <summary>Every log event, as text with its structured values, for assertions.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public IEnumerable<string> Messages => Events.Select(static e => e.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogEvent(string Category, LogLevel Level, EventId Id, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(static p => p.Key).ToDictionary(static g => g.Key, static g => g.First().Value)
                : new Dictionary<string, object?>();
            sink.Events.Enqueue(new LogEvent(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}

/// <summary>
/// Puts a request id on every answer, as a vendor's gateway does (<c>X-Request-Id</c>, or another header), numbered in
/// order, so tests can tell which answer an id came from. <see cref="Sent"/> lists, answer by answer, the id the answer
/// carries: the stamped one, or the vendor's own where its body has one in <see cref="BodyMember"/> (which the vendor's
/// spec names, and which wins over a gateway's).
/// </summary>
internal sealed class RequestIdStamp(string header = "X-Request-Id", string prefix = "req-") : DelegatingHandler
{
    private int _next;

    public List<string> Sent { get; } = [];

    /// <summary>The member of a JSON answer's root that carries the vendor's own request id (<see cref="Cases.RequestIdMember"/>).</summary>
    public string? BodyMember { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var id = prefix + Interlocked.Increment(ref _next);
        response.Headers.TryAddWithoutValidation(header, id);
        if (BodyMember is { } member && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            id = body is System.Text.Json.Nodes.JsonObject o && o[member] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var own) ? own : id;
        }

        lock (Sent)
        {
            Sent.Add(id);
        }

        return response;
    }
}
