// One image edit in a hosted app, with its traces and metrics in OpenTelemetry's console exporter.
//
//   dotnet run --project samples/HostedTelemetry                      # offline: the contract kit's fake EvoLink
//   EVOLINK_API_KEY=... dotnet run --project samples/HostedTelemetry -- photo.png "make the sky purple"
//
// What it prints: Microsoft.Extensions.AI's span of GenerateAsync, the facade's generate_content span below it with a
// child for the upload, the create, each poll and the download, HttpClient's own span under each of those; then the
// facade's metrics (duration, time to first result, polls, failures, bytes downloaded) beside HttpClient's and Polly's.
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QwenImageEdit;
using QwenImageEdit.Testing;

const string GeneratorSource = "HostedTelemetry.ImageGenerator";

var image = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "sample.png");
var prompt = args.Length > 1 ? args[1] : "make the sky purple";
var key = Environment.GetEnvironmentVariable("EVOLINK_API_KEY");

// Without a key, a fake EvoLink on 127.0.0.1 answers as the real one does (its spec's shapes, its task lifecycle).
await using var fake = string.IsNullOrWhiteSpace(key) ? new FakeEvoLink() : null;
if (fake is not null)
{
    await fake.StartAsync();
}

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddSimpleConsole(static o => o.SingleLine = true);

builder.Services.AddQwenImageEdit().AddVendor(
    ImageEditVendor.EvoLink,
    options =>
    {
        options.ApiKey = key ?? fake!.ApiKey;
        if (fake is not null)
        {
            options.BaseAddress = fake.ApiAddress;
            options.FilesBaseAddress = fake.FilesAddress;
            options.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(1) };

            // The fake serves its results on 127.0.0.1 over plain HTTP, which the facade otherwise refuses.
            options.Results.AllowedNetworks = [IPNetwork.Parse("127.0.0.0/8")];
        }
    },
    // Safe for creates: the facade lets no handler resend a create the vendor may have taken (docs/production.md).
    static http => http.AddStandardResilienceHandler());

builder.Services.AddOpenTelemetry()
    .ConfigureResource(static r => r.AddService("hosted-telemetry-sample"))
    .WithTracing(static t => t
        .AddSource(GeneratorSource, QwenImageEditTelemetry.SourceName, "System.Net.Http")
        .AddConsoleExporter())
    .WithMetrics(static m => m
        .AddMeter(QwenImageEditTelemetry.MeterName, "System.Net.Http", "Polly")
        .AddConsoleExporter());

using var host = builder.Build();
await host.StartAsync();

// The facade's IImageGenerator under Microsoft.Extensions.AI's middleware: its span names the vendor and its address.
using var generator = host.Services.GetRequiredService<IImageGenerator>().AsBuilder()
    .UseOpenTelemetry(host.Services.GetRequiredService<ILoggerFactory>(), GeneratorSource)
    .UseLogging(host.Services.GetRequiredService<ILoggerFactory>())
    .Build(host.Services);

AIContent input = Uri.TryCreate(image, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
    ? new UriContent(url, "image/png")
    : new DataContent(await File.ReadAllBytesAsync(image), Path.GetExtension(image).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "image/png",
    });

var response = await generator.GenerateAsync(
    new ImageGenerationRequest(prompt, [input]),
    new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });

var operation = (ImageEditOperation)response.RawRepresentation!;
Console.WriteLine();
Console.WriteLine($"{operation.Vendor} task {operation.Id} {operation.Status}: {response.Contents.Count} image(s) of {string.Join(", ", response.Contents.OfType<DataContent>().Select(static d => $"{d.Data.Length} bytes"))}");
Console.WriteLine($"vendor request id: {operation.RequestId ?? "(none sent)"}; usage: {(operation.Usage.Count == 0 ? "(none reported)" : string.Join(", ", operation.Usage))}");
Console.WriteLine();

// Disposing the host (at the end of this scope) flushes the last metrics to the console exporter.
await host.StopAsync();
