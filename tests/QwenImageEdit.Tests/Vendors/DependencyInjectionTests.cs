using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>The facade as an app registers it: keyed IImageGenerator per vendor, a default, options checked at start-up.</summary>
public sealed class DependencyInjectionTests
{
    private static readonly ImageGenerationRequest Edit = new("make the sky purple", [new UriContent(Cases.InputImage, "image/png")]);

    [Fact]
    public async Task Each_vendor_is_an_IImageGenerator_by_key_and_the_first_is_the_default()
    {
        await using var evolink = new FakeEvoLink();
        await using var apikley = new FakeApikley();
        await Task.WhenAll(evolink.StartAsync(), apikley.StartAsync());
        var logs = new LogSink();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddQwenImageEdit()
            .AddVendor(ImageEditVendor.EvoLink, o => Configure(VendorRig.PointAt(evolink, o), evolink.ApiKey))
            .AddVendor(ImageEditVendor.Apikley, o => Configure(VendorRig.PointAt(apikley, o), apikley.ApiKey));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var byKey = provider.GetRequiredKeyedService<IImageGenerator>(ImageEditVendor.Apikley);
        var byDefault = provider.GetRequiredService<IImageGenerator>();
        var fromApikley = await byKey.GenerateAsync(Edit, new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });
        var fromEvoLink = await byDefault.GenerateAsync(Edit);

        Assert.True(Cases.IsPng(Assert.IsType<DataContent>(Assert.Single(fromApikley.Contents)).Data));
        Assert.StartsWith(evolink.BaseAddress.ToString(), Assert.IsType<UriContent>(Assert.Single(fromEvoLink.Contents)).Uri.ToString());
        Assert.Single(apikley.Tasks);
        Assert.Single(evolink.Tasks);
        Assert.Equal("apikley", byKey.GetService<ImageGeneratorMetadata>()!.ProviderName);
        Assert.IsType<ImageEditOperation>(fromEvoLink.RawRepresentation);

        // Structured events, and never a key.
        Assert.Contains(logs.Messages, m => m.Contains("Submitted EvoLink qwen-image-edit task"));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(evolink.ApiKey) || m.Contains(apikley.ApiKey));
    }

    [Fact]
    public void A_vendor_without_a_key_fails_at_start_up_naming_the_vendor()
    {
        var services = new ServiceCollection();
        services.AddQwenImageEdit().AddVendor(ImageEditVendor.ModelsLab, o => o.BaseAddress = new Uri("http://example.com/"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ModelsLab: ApiKey is required.", error.Failures);
        Assert.Contains(error.Failures, f => f.Contains("https://"));
    }

    [Fact]
    public void The_callback_parser_is_shared_and_knows_the_signing_keys()
    {
        var services = new ServiceCollection();
        services.AddQwenImageEdit().AddVendor(ImageEditVendor.Apikley, o => { o.ApiKey = "k"; o.WebhookSigningKey = "s"; });
        using var provider = services.BuildServiceProvider();
        var parser = provider.GetRequiredService<ImageEditCallbackParser>();
        var body = """{"code":200,"data":{"taskId":"t1","state":"success","resultJson":""}}"""u8.ToArray();

        Assert.Same(parser, provider.GetRequiredService<ImageEditCallbackParser>());
        Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Apikley, body));
    }

    private static void Configure(QwenImageEditVendorOptions options, string key)
    {
        options.ApiKey = key;
        options.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
    }

    private sealed class LogSink : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
