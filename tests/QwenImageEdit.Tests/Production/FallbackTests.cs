using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// An edit over an ordered list of vendors: the next is tried only when the one before provably did not take the edit
/// (refused it, could not be reached, or could not take it by its capabilities), never once it may have a task.
/// </summary>
public sealed class FallbackTests
{
    private static readonly ImageEditVendor[] Three = [ImageEditVendor.EvoLink, ImageEditVendor.ModelsLab, ImageEditVendor.Apikley];

    [Fact]
    public async Task A_vendor_that_refused_the_key_falls_back_to_the_next_and_the_operation_says_so()
    {
        await using var rig = await StartAsync(Three, wrongKey: [ImageEditVendor.EvoLink]);

        var operation = await rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(Cases.Request());

        Assert.Equal(ImageEditVendor.ModelsLab, operation.Vendor);
        Assert.Equal(ImageEditModels.ModelsLabQwenEdit2509, operation.Model);
        var attempt = Assert.Single(operation.FallbackAttempts);
        Assert.Equal((ImageEditVendor.EvoLink, ImageEditModels.EvoLinkQwenImageEdit), (attempt.Vendor, attempt.Model));
        Assert.IsType<ImageEditAuthenticationException>(attempt.Reason);
        Assert.True(attempt.Reason.ProvablyNotAccepted);
        Assert.Empty(rig.FakeOf(ImageEditVendor.EvoLink).Tasks);
        Assert.Equal(operation.Id, Assert.Single(rig.FakeOf(ImageEditVendor.ModelsLab).Tasks).Id);
        Assert.Empty(rig.FakeOf(ImageEditVendor.Apikley).Requests);
        var log = Assert.Single(rig.Logs.Events, static e => e.Id.Name == "FallingBack");
        Assert.Equal(ImageEditVendor.EvoLink, log.Values["Vendor"]);
        Assert.Equal(ImageEditVendor.ModelsLab, log.Values["Next"]);

        await operation.WaitForCompletionAsync();
        Assert.Equal(ImageEditStatus.Succeeded, operation.Status);
    }

    [Fact]
    public async Task Routes_are_tried_in_order_until_one_takes_the_edit()
    {
        await using var rig = await StartAsync(Three, wrongKey: [ImageEditVendor.ModelsLab]);
        rig.FakeOf(ImageEditVendor.EvoLink).Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero), count: 10);

        var images = await rig.Provider.GetRequiredService<ImageEditFallback>().EditAsync(Cases.Request());

        Assert.NotEmpty(images);
        // EvoLink's 429s were retried by the facade (MaxCreateAttempts) before it moved on: a 429 proves no task.
        Assert.Equal(3, rig.Count(ImageEditVendor.EvoLink, FakeRoute.Create));
        Assert.Equal(1, rig.Count(ImageEditVendor.ModelsLab, FakeRoute.Create));
        Assert.Single(rig.FakeOf(ImageEditVendor.Apikley).Tasks);
    }

    public static TheoryData<string> MayHaveBeenTaken() => new() { "reset-after-processing", "503", "html-502" };

    [Theory]
    [MemberData(nameof(MayHaveBeenTaken))]
    public async Task A_create_the_vendor_may_have_taken_is_never_sent_to_another_vendor(string fault)
    {
        await using var rig = await StartAsync(Three);
        rig.FakeOf(ImageEditVendor.EvoLink).Faults.Enqueue(FakeRoute.Create, fault switch
        {
            "reset-after-processing" => Fault.ResetAfterProcessing(),
            "503" => Fault.ServerError(503),
            _ => Fault.HtmlErrorPage(502),
        });

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(Cases.Request()));

        Assert.IsNotType<ImageEditFallbackException>(error);
        Assert.False(error.ProvablyNotAccepted);
        Assert.Equal(ImageEditVendor.EvoLink, error.Vendor);
        Assert.Equal(1, rig.Count(ImageEditVendor.EvoLink, FakeRoute.Create));
        Assert.Empty(rig.FakeOf(ImageEditVendor.ModelsLab).Requests);
        Assert.Empty(rig.FakeOf(ImageEditVendor.Apikley).Requests);
        Assert.Single(rig.Logs.Events, static e => e.Id.Name == "NoFallback");
    }

    [Fact]
    public async Task A_task_that_failed_after_it_was_accepted_is_that_vendors_answer()
    {
        await using var rig = await StartAsync(Three);
        rig.FakeOf(ImageEditVendor.EvoLink).FailNextTask("content_policy_violation", "Generation failed");

        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => rig.Provider.GetRequiredService<ImageEditFallback>().EditAsync(Cases.Request()));

        Assert.Equal(ImageEditVendor.EvoLink, error.Vendor);
        Assert.Empty(rig.FakeOf(ImageEditVendor.ModelsLab).Requests);
        Assert.Empty(rig.FakeOf(ImageEditVendor.Apikley).Requests);
    }

    [Fact]
    public async Task A_route_whose_capabilities_do_not_fit_is_skipped_before_anything_is_sent_to_it()
    {
        // Four results of one edit: EvoLink's qwen-image-edit and ModelsLab give one, Apikley up to four. So EvoLink and
        // ModelsLab are skipped on their capabilities, unasked.
        await using var rig = await StartAsync(Three);
        var request = Cases.Request();
        request.Count = 4;

        var operation = await rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(request);

        Assert.Equal(ImageEditVendor.Apikley, operation.Vendor);
        Assert.Equal([ImageEditVendor.EvoLink, ImageEditVendor.ModelsLab], operation.FallbackAttempts.Select(static a => a.Vendor));
        Assert.All(operation.FallbackAttempts, static a => Assert.IsType<ImageEditValidationException>(a.Reason));
        Assert.Empty(rig.FakeOf(ImageEditVendor.EvoLink).Requests);
        Assert.Empty(rig.FakeOf(ImageEditVendor.ModelsLab).Requests);
        Assert.Equal(2, rig.Logs.Events.Count(static e => e.Id.Name == "FallbackSkipped"));
    }

    [Fact]
    public async Task A_vendor_that_cannot_be_reached_falls_back()
    {
        var closed = ClosedPort();
        await using var rig = await StartAsync(
            [ImageEditVendor.EvoLink, ImageEditVendor.ModelsLab],
            configure: (vendor, o) =>
            {
                if (vendor == ImageEditVendor.EvoLink)
                {
                    o.BaseAddress = new Uri($"http://127.0.0.1:{closed}/");
                }
            });

        var operation = await rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(Cases.Request());

        Assert.Equal(ImageEditVendor.ModelsLab, operation.Vendor);
        Assert.True(Assert.Single(operation.FallbackAttempts).Reason.ProvablyNotAccepted);
    }

    [Fact]
    public async Task When_no_route_takes_the_edit_the_exception_says_why_each_did_not()
    {
        await using var rig = await StartAsync([ImageEditVendor.EvoLink, ImageEditVendor.Apikley], wrongKey: [ImageEditVendor.EvoLink, ImageEditVendor.Apikley]);

        var error = await Assert.ThrowsAsync<ImageEditFallbackException>(() => rig.Provider.GetRequiredService<ImageEditFallback>().EditAsync(Cases.Request()));

        Assert.Equal([ImageEditVendor.EvoLink, ImageEditVendor.Apikley], error.Attempts.Select(static a => a.Vendor));
        Assert.All(error.Attempts, static a => Assert.Equal(ImageEditErrorKind.Authentication, a.Reason.Kind));
        Assert.True(error.ProvablyNotAccepted);
        Assert.Equal(ImageEditErrorKind.Authentication, error.Kind);
        Assert.Contains("EvoLink", error.Message);
        Assert.Contains("Apikley", error.Message);
        Assert.Empty(rig.FakeOf(ImageEditVendor.EvoLink).Tasks);
        Assert.Empty(rig.FakeOf(ImageEditVendor.Apikley).Tasks);
    }

    [Fact]
    public async Task A_request_that_names_a_model_is_refused_before_anything_is_sent()
    {
        await using var rig = await StartAsync(Three);
        var fallback = rig.Provider.GetRequiredService<ImageEditFallback>();

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => fallback.StartEditAsync(Cases.Request(ImageEditModels.EvoLinkQwenImageEdit)));

        Assert.True(error.ProvablyNotAccepted);
        Assert.All(Three, v => Assert.Empty(rig.FakeOf(v).Requests));
    }

    [Fact]
    public async Task A_stream_is_read_once_so_the_next_route_uploads_the_same_bytes()
    {
        // EvoLink refuses the upload (its key is wrong): nothing was created, and ModelsLab gets the image again.
        await using var rig = await StartAsync([ImageEditVendor.EvoLink, ImageEditVendor.ModelsLab], wrongKey: [ImageEditVendor.EvoLink]);
        using var stream = new ForwardOnly(DoubleCreateTests.TestPng);

        var operation = await rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(new ImageEditRequest { Prompt = "p", Images = [ImageInput.FromStream(stream, "image/png")] });

        Assert.Equal(ImageEditVendor.ModelsLab, operation.Vendor);
        Assert.Equal(0, rig.Count(ImageEditVendor.EvoLink, FakeRoute.Create));
        // A second read of the stream would have given ModelsLab no bytes at all: it got the image.
        var upload = Assert.Single(rig.FakeOf(ImageEditVendor.ModelsLab).Requests, static r => r.Route == FakeRoute.Upload);
        Assert.Contains(Convert.ToBase64String(DoubleCreateTests.TestPng), upload.BodyText);
    }

    [Fact]
    public async Task The_fallback_generator_says_which_vendor_ran_the_edit_and_the_span_which_were_skipped()
    {
        using var spans = new SpanCapture();
        await using var rig = await StartAsync(Three, wrongKey: [ImageEditVendor.EvoLink]);
        var generator = rig.Provider.GetRequiredKeyedService<IImageGenerator>(ImageEditFallback.ServiceKey);

        var response = await generator.GenerateAsync(new ImageGenerationRequest("make the sky purple", [new UriContent(Cases.InputImage, "image/png")]));

        Assert.Equal(ImageEditVendor.ModelsLab, Assert.IsType<ImageEditOperation>(response.RawRepresentation).Vendor);
        Assert.Equal("evolink", generator.GetService<ImageGeneratorMetadata>()!.ProviderName);
        var edit = Assert.Single(spans.Named($"generate_content {ImageEditModels.EvoLinkQwenImageEdit}"));
        Assert.Equal("modelslab", edit.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("evolink", edit.GetTagItem("qwen_image_edit.fallback.skipped"));
        var creates = spans.ChildrenOf(edit).Where(static s => s.DisplayName == "create_task").OrderBy(static s => s.StartTimeUtc).ToArray();
        Assert.Equal(["evolink", "modelslab"], creates.Select(static s => (string)s.GetTagItem("gen_ai.provider.name")!));
        Assert.Equal("authentication", creates[0].GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_fallback_edit_is_one_operation_timed_from_its_start_and_each_refusal_a_failed_create()
    {
        // Each request to EvoLink, which refuses the key, takes 5 s of a clock only the test moves.
        var time = new FakeTimeProvider();
        await using var rig = await StartAsync(Three, wrongKey: [ImageEditVendor.EvoLink], services: s => s.AddMetrics().AddSingleton<TimeProvider>(time), http: (vendor, b) =>
        {
            if (vendor == ImageEditVendor.EvoLink)
            {
                b.AddHttpMessageHandler(() => new Advancing(time, TimeSpan.FromSeconds(5)));
            }
        });
        using var metrics = new Metrics(rig);

        var operation = await rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync();

        var duration = Assert.Single(metrics.Duration.GetMeasurementSnapshot());
        Assert.Equal("modelslab", duration.Tags["gen_ai.provider.name"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.Equal(5, duration.Value);
        Assert.Single(metrics.Polls.GetMeasurementSnapshot());
        var failure = Assert.Single(metrics.Failures.GetMeasurementSnapshot());
        Assert.Equal(("evolink", "create", "authentication"), ((string)failure.Tags["gen_ai.provider.name"]!, (string)failure.Tags["qwen_image_edit.step"]!, (string)failure.Tags["error.type"]!));
    }

    [Fact]
    public async Task A_fallback_edit_no_route_took_is_one_failed_operation()
    {
        var time = new FakeTimeProvider();
        await using var rig = await StartAsync(Three, wrongKey: Three, services: s => s.AddMetrics().AddSingleton<TimeProvider>(time), http: (_, b) => b.AddHttpMessageHandler(() => new Advancing(time, TimeSpan.FromSeconds(5))));
        using var metrics = new Metrics(rig);

        var error = await Assert.ThrowsAsync<ImageEditFallbackException>(() => rig.Provider.GetRequiredService<ImageEditFallback>().EditAsync(Cases.Request()));

        Assert.Equal(3, error.Attempts.Count);
        var duration = Assert.Single(metrics.Duration.GetMeasurementSnapshot());
        Assert.Equal("authentication", duration.Tags["error.type"]);
        Assert.Equal("evolink", duration.Tags["gen_ai.provider.name"]);
        Assert.Equal(15, duration.Value);
        Assert.Equal(3, metrics.Failures.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public async Task A_fallback_edit_that_stopped_where_the_task_may_exist_is_one_failed_operation_there()
    {
        await using var rig = await StartAsync(Three, wrongKey: [ImageEditVendor.EvoLink], services: static s => s.AddMetrics());
        using var metrics = new Metrics(rig);
        rig.FakeOf(ImageEditVendor.ModelsLab).Faults.Enqueue(FakeRoute.Create, Fault.ServerError(503));

        await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Provider.GetRequiredService<ImageEditFallback>().StartEditAsync(Cases.Request()));

        var duration = Assert.Single(metrics.Duration.GetMeasurementSnapshot());
        Assert.Equal("modelslab", duration.Tags["gen_ai.provider.name"]);
        Assert.Equal("vendor_error", duration.Tags["error.type"]);
    }

    /// <summary>Moves the test's clock by a fixed step for each request, as a slow vendor would move a real one.</summary>
    private sealed class Advancing(FakeTimeProvider time, TimeSpan step) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            time.Advance(step);
            return response;
        }
    }

    private sealed class Metrics : IDisposable
    {
        public Metrics(HostedRig rig)
        {
            var factory = rig.Provider.GetRequiredService<IMeterFactory>();
            Duration = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.OperationDuration);
            Polls = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.Polls);
            Failures = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.Failures);
        }

        public MetricCollector<double> Duration { get; }

        public MetricCollector<int> Polls { get; }

        public MetricCollector<long> Failures { get; }

        public void Dispose()
        {
            Duration.Dispose();
            Polls.Dispose();
            Failures.Dispose();
        }
    }

    private static Task<HostedRig> StartAsync(ImageEditVendor[] vendors, ImageEditVendor[]? wrongKey = null, Action<ImageEditVendor, QwenImageEditVendorOptions>? configure = null, Action<IServiceCollection>? services = null, Action<ImageEditVendor, IHttpClientBuilder>? http = null)
        => HostedRig.StartAsync(
            vendors,
            http: http,
            services: services,
            configure: (vendor, o) =>
            {
                if (wrongKey?.Contains(vendor) == true)
                {
                    o.ApiKey = "wrong-key";
                }

                configure?.Invoke(vendor, o);
            },
            facade: builder => builder.AddFallback(vendors.Select(static v => new ImageEditRoute(v)).ToArray()));

    /// <summary>A port nothing listens on: bound once by the test, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A stream that can be read once, front to back, as a request body or a pipe is.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    }
}
