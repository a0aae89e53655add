using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// The facade's spans, read back from OpenTelemetry's in-memory exporter: one <c>generate_content</c> span per edit
/// with the semantic conventions' <c>gen_ai.*</c> attributes, a child span per upload, create, poll and download, and
/// HttpClient's own spans below those.
/// </summary>
public sealed class TracingTests
{
    private static readonly ImageGenerationRequest LocalImage = new("make the sky purple", [new DataContent(DoubleCreateTests.TestPng, "image/png")]);

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task An_edit_is_one_span_with_a_child_per_upload_create_read_and_download(ImageEditVendor vendor)
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(vendor);
        var generator = rig.Provider.GetRequiredService<IImageGenerator>();
        var capabilities = ImageEditCapabilities.For(vendor);

        var response = await generator.GenerateAsync(LocalImage, new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });

        var operation = Assert.IsType<ImageEditOperation>(response.RawRepresentation);
        var edit = Assert.Single(spans.Named($"generate_content {operation.Model}"));
        Assert.Equal(spans.Root.SpanId, edit.ParentSpanId);
        Assert.Equal(ActivityKind.Client, edit.Kind);
        Assert.Equal("generate_content", edit.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(vendor.ToString().ToLowerInvariant(), edit.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(operation.Model, edit.GetTagItem("gen_ai.request.model"));
        Assert.Equal(operation.Id, edit.GetTagItem("gen_ai.response.id"));
        Assert.Equal("image", edit.GetTagItem("gen_ai.output.type"));
        Assert.Equal(rig.Fake.BaseAddress.Host, edit.GetTagItem("server.address"));
        Assert.Equal("succeeded", edit.GetTagItem("qwen_image_edit.task.status"));
        Assert.Equal(ActivityStatusCode.Unset, edit.Status);

        // Reads of the task: polls, or openings of the status stream (fal); none where the create answers the edit.
        var steps = spans.ChildrenOf(edit).Select(static s => s.DisplayName).ToArray();
        Assert.Equal(["upload_image", "create_task"], steps.Take(2));
        var reads = spans.ChildrenOf(edit).Where(static s => s.DisplayName is "poll_task" or "watch_task").ToArray();
        Assert.Equal(steps[2..^1], reads.Select(static s => s.DisplayName));
        Assert.All(reads, r => Assert.Equal(capabilities.StatusStream ? "watch_task" : "poll_task", r.DisplayName));
        Assert.Equal(!capabilities.Synchronous, reads.Length >= 1);
        Assert.Equal("download_result", steps[^1]);
        Assert.All(spans.ChildrenOf(edit), step =>
        {
            Assert.Equal(ActivityKind.Internal, step.Kind);
            Assert.Equal(vendor.ToString().ToLowerInvariant(), step.GetTagItem("gen_ai.provider.name"));
        });

        var create = Assert.Single(spans.Named("create_task"));
        Assert.Equal(operation.Id, create.GetTagItem("gen_ai.response.id"));
        var last = reads.LastOrDefault() ?? create;
        Assert.Equal("succeeded", last.GetTagItem("qwen_image_edit.task.status"));
        if (capabilities.StatusStream)
        {
            // Each status the stream gave is an event of its span, the last one the end.
            var events = reads.SelectMany(static r => r.Events).Where(static e => e.Name == "task_status").ToArray();
            Assert.NotEmpty(events);
            Assert.Equal("succeeded", events[^1].Tags.Single(static t => t.Key == "qwen_image_edit.task.status").Value);
        }

        // http.* is HttpClient's: its spans are children of the steps, one per request sent; every request that read the
        // task is below a read step.
        var http = spans.Spans.Where(static s => s.Source.Name == "System.Net.Http").ToArray();
        Assert.Single(http, h => h.ParentSpanId == create.SpanId);
        Assert.All(reads, r => Assert.Contains(http, h => h.ParentSpanId == r.SpanId));
        Assert.Equal(rig.Count(vendor, FakeRoute.Poll), http.Count(h => reads.Any(r => r.SpanId == h.ParentSpanId)));
    }

    [Theory]
    [MemberData(nameof(Cases.VendorsWithRemoteCancel), MemberType = typeof(Cases))]
    public async Task A_cancel_is_a_span_of_its_own_with_what_the_vendor_made_of_it(ImageEditVendor vendor)
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(vendor, fakeOptions: new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000) });
        var operation = await rig.Client().StartEditAsync(Cases.Request());

        await operation.CancelAsync();

        var cancel = Assert.Single(spans.Named("cancel_task"));
        Assert.Equal(operation.Id, cancel.GetTagItem("gen_ai.response.id"));
        Assert.Equal("cancelled", cancel.GetTagItem("qwen_image_edit.task.status"));
        Assert.Equal(operation.RawStatus, cancel.GetTagItem("qwen_image_edit.task.vendor_status"));
        Assert.Equal(ActivityStatusCode.Unset, cancel.Status);
        var http = spans.Spans.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == cancel.SpanId).ToArray();
        Assert.Equal(rig.Count(vendor, FakeRoute.Cancel) + rig.Count(vendor, FakeRoute.Poll), http.Length);
    }

    [Fact]
    public async Task A_create_retried_after_a_429_is_two_create_spans_the_first_failed()
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero));

        await rig.Client().EditAsync(Cases.Request());

        var creates = spans.Named("create_task").OrderBy(static s => s.StartTimeUtc).ToArray();
        Assert.Equal(2, creates.Length);
        Assert.Equal(ActivityStatusCode.Error, creates[0].Status);
        Assert.Equal("rate_limited", creates[0].GetTagItem("error.type"));
        Assert.Contains(creates[0].Events, static e => e.Name == "exception");
        Assert.Equal(ActivityStatusCode.Unset, creates[1].Status);
        Assert.Single(spans.Named("generate_content qwen-image-edit"));
    }

    [Fact]
    public async Task A_refused_edit_is_a_failed_span_with_its_kind()
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, configure: o => o.ApiKey = "wrong-key");

        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client().EditAsync(Cases.Request()));

        var edit = Assert.Single(spans.Named("generate_content qwen-image-edit"));
        Assert.Equal(ActivityStatusCode.Error, edit.Status);
        Assert.Equal("authentication", edit.GetTagItem("error.type"));
        Assert.Equal(error.Message, edit.StatusDescription);
        Assert.DoesNotContain("wrong-key", edit.StatusDescription);
        Assert.Equal("authentication", Assert.Single(spans.Named("create_task")).GetTagItem("error.type"));
        Assert.Empty(spans.Named("poll_task"));
    }

    [Fact]
    public async Task An_edit_waited_for_later_is_a_second_span_linked_to_the_first()
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.ModelsLab);
        var client = rig.Client();

        var operation = await client.StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync();

        var edits = spans.Named($"generate_content {operation.Model}").OrderBy(static s => s.StartTimeUtc).ToArray();
        Assert.Equal(2, edits.Length);
        Assert.Equal(["create_task"], spans.ChildrenOf(edits[0]).Select(static s => s.DisplayName));
        Assert.All(spans.ChildrenOf(edits[1]), static s => Assert.Equal("poll_task", s.DisplayName));
        Assert.Equal(edits[0].SpanId, Assert.Single(edits[1].Links).Context.SpanId);
        Assert.All(edits, e => Assert.Equal(operation.Id, e.GetTagItem("gen_ai.response.id")));
    }

    [Fact]
    public async Task A_result_saved_after_the_edit_is_its_own_download_span()
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.Apikley);

        var images = await rig.Client().EditAsync(Cases.Request());
        var bytes = await images[0].ReadAsync();

        var download = Assert.Single(spans.Named("download_result"));
        Assert.Equal(spans.Root.SpanId, download.ParentSpanId);
        Assert.Equal((long)bytes.Length, download.GetTagItem("qwen_image_edit.download.size"));
    }

    [Fact]
    public async Task The_generator_composes_with_MEAIs_UseOpenTelemetry_and_UseLogging_and_names_its_provider()
    {
        const string meai = "QwenImageEdit.Tests.MEAI";
        using var spans = new SpanCapture(meai);
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink);
        var loggers = rig.Provider.GetRequiredService<ILoggerFactory>();
        using var generator = rig.Provider.GetRequiredService<IImageGenerator>().AsBuilder()
            .UseOpenTelemetry(loggers, sourceName: meai)
            .UseLogging(loggers)
            .Build();

        var metadata = generator.GetService<ImageGeneratorMetadata>()!;
        await generator.GenerateAsync(new ImageGenerationRequest("make the sky purple", [new UriContent(Cases.InputImage, "image/png")]));

        Assert.Equal("evolink", metadata.ProviderName);
        Assert.Equal(rig.Fake.BaseAddress.GetLeftPart(UriPartial.Authority), metadata.ProviderUri!.GetLeftPart(UriPartial.Authority));
        Assert.Equal("qwen-image-edit", metadata.DefaultModelId);
        var outer = Assert.Single(spans.Spans, static s => s.Source.Name == meai);
        Assert.Equal("evolink", outer.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(rig.Fake.BaseAddress.Host, outer.GetTagItem("server.address"));
        var ours = Assert.Single(spans.Named("generate_content qwen-image-edit"), s => s.Source.Name == QwenImageEditTelemetry.SourceName);
        Assert.Equal(outer.SpanId, ours.ParentSpanId);
        Assert.Contains(rig.Logs.Events, static e => e.Category.Contains("LoggingImageGenerator", StringComparison.Ordinal) && e.Message.Contains("GenerateAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_base_address_the_provider_uri_is_the_vendors_own()
    {
        using var http = new HttpClient();
        var generator = new QwenImageGenerator(new QwenImageEditClient(ImageEditVendor.ModelsLab, http, new QwenImageEditVendorOptions { ApiKey = "k" }));

        var metadata = generator.GetService<ImageGeneratorMetadata>()!;

        Assert.Equal(new Uri("https://modelslab.com/api/v6/"), metadata.ProviderUri);
        Assert.Equal("modelslab", metadata.ProviderName);
    }
}
