using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;
using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// What each vendor reports an edit used, in its own unit, on the operation, the <see cref="IImageGenerator"/> response
/// and the edit's span; never a figure the vendor did not send. The fakes answer as the specs say (the kit checks every
/// answer against its spec), so these tests also hold <see cref="VendorReports"/>' pointers to the specs.
/// </summary>
public sealed class UsageTests
{
    [Fact]
    public async Task EvoLink_reports_the_credits_it_reserved()
    {
        using var spans = new SpanCapture();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink);
        var request = Cases.Request(ImageEditModels.EvoLinkQwenImageEditPlus);
        request.Count = 3;

        var operation = await rig.Client().StartEditAsync(request);
        Assert.Equal([new ImageEditUsage("credits_reserved", 3, "credit")], operation.Usage);
        await operation.WaitForCompletionAsync();

        Assert.Equal(3, rig.Fake.Tasks.Single().ImageCount);
        Assert.Equal([new ImageEditUsage("credits_reserved", 3, "credit")], operation.Usage);
        Assert.Equal("credits_reserved = 3 credit", operation.Usage[0].ToString());
        var edit = spans.Named($"generate_content {ImageEditModels.EvoLinkQwenImageEditPlus}")[^1];
        Assert.Equal("3 credit", edit.GetTagItem("qwen_image_edit.usage.credits_reserved"));
    }

    [Fact]
    public async Task ModelsLab_reports_its_generation_time_in_seconds()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.ModelsLab);

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync();

        var task = rig.Fake.Tasks.Single();
        var seconds = Math.Round((decimal)((task.EndedAt ?? task.CreatedAt) - task.CreatedAt).TotalSeconds, 2);
        var usage = Assert.Single(operation.Usage);
        Assert.Equal(("generationTime", "s"), (usage.Name, usage.Unit));
        Assert.Equal(seconds, usage.Value, 2);
    }

    [Fact]
    public async Task Apikley_reports_nothing_so_the_operation_has_no_usage()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.Apikley);

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync();

        Assert.Empty(operation.Usage);
        Assert.Empty(VendorReports.For(ImageEditVendor.Apikley).Usage);
    }

    [Fact]
    public async Task fal_reports_the_inference_time_of_its_result_in_seconds()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.Fal);

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        Assert.Empty(operation.Usage);
        await operation.WaitForCompletionAsync();

        // The fake's timings.inference is the task's run time, to the millisecond.
        var task = rig.Fake.Tasks.Single();
        var usage = Assert.Single(operation.Usage);
        Assert.Equal(("timings.inference", "s"), (usage.Name, usage.Unit));
        Assert.Equal(Math.Round((decimal)((task.EndedAt ?? task.UpdatedAt) - task.CreatedAt).TotalSeconds, 3), usage.Value);
    }

    [Fact]
    public async Task Replicate_reports_the_predict_time_it_bills_in_seconds()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.Replicate);

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync();

        var task = rig.Fake.Tasks.Single();
        var usage = Assert.Single(operation.Usage);
        Assert.Equal(("predict_time", "s"), (usage.Name, usage.Unit));
        Assert.Equal(Math.Round((decimal)(task.EndedAt!.Value - task.CreatedAt).TotalSeconds, 3), usage.Value);
    }

    [Fact]
    public async Task DashScope_reports_the_images_it_made_and_bills()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.DashScope);
        var request = Cases.Request(ImageEditModels.DashScopeQwenImageEditPlus);
        request.Count = 2;

        var operation = await rig.Client().StartEditAsync(request);

        Assert.True(operation.HasCompleted);
        Assert.Equal([new ImageEditUsage("image_count", 2, "image")], operation.Usage);
        Assert.Equal(2, operation.Images.Count);
    }

    [Theory]
    [InlineData(ImageEditVendor.Fal)]
    [InlineData(ImageEditVendor.Replicate)]
    public async Task A_callback_carries_the_usage_of_its_body(ImageEditVendor vendor)
    {
        var body = vendor == ImageEditVendor.Fal
            ? """{"request_id":"r1","status":"OK","payload":{"prompt":"p","images":[{"url":"https://v3.fal.media/a.png"}],"timings":{"inference":2.5},"has_nsfw_concepts":[false],"seed":1}}"""u8.ToArray()
            : """{"id":"r1","model":"qwen/qwen-image-edit","version":"hidden","input":{},"error":null,"source":"api","status":"succeeded","output":["https://replicate.delivery/a.png"],"data_removed":false,"metrics":{"predict_time":2.5,"total_time":3.1},"created_at":"2026-12-01T00:00:00Z","urls":{"web":"https://replicate.com/p/r1","get":"https://api.replicate.com/v1/predictions/r1","cancel":"https://api.replicate.com/v1/predictions/r1/cancel"}}"""u8.ToArray();

        var callback = new ImageEditCallbackParser().Parse(vendor, body);

        var usage = Assert.Single(callback.State.Usage);
        Assert.Equal(2.5m, usage.Value);
        Assert.Equal(vendor == ImageEditVendor.Fal ? "timings.inference" : "predict_time", usage.Name);
    }

    [Fact]
    public void DashScopes_provider_uri_is_its_regions()
    {
        using var http = new HttpClient();
        foreach (var (region, api) in new[] { (DashScopeRegion.Singapore, "https://dashscope-intl.aliyuncs.com/api/v1/"), (DashScopeRegion.Beijing, "https://dashscope.aliyuncs.com/api/v1/") })
        {
            var generator = new QwenImageGenerator(new QwenImageEditClient(ImageEditVendor.DashScope, http, new QwenImageEditVendorOptions { ApiKey = "k", Region = region }));
            Assert.Equal(new Uri(api), generator.GetService<ImageGeneratorMetadata>()!.ProviderUri);
        }
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task The_generator_response_counts_whole_figures_under_the_vendors_name_and_nothing_else(ImageEditVendor vendor)
    {
        await using var rig = await HostedRig.StartAsync(vendor);
        var generator = rig.Provider.GetRequiredService<IImageGenerator>();

        var response = await generator.GenerateAsync(new ImageGenerationRequest("make the sky purple", [new UriContent(Cases.InputImage, "image/png")]));

        var operation = Assert.IsType<ImageEditOperation>(response.RawRepresentation);
        var whole = operation.Usage.Where(static u => u.Value == decimal.Truncate(u.Value)).ToArray();
        if (whole.Length == 0)
        {
            Assert.Null(response.Usage);
            return;
        }

        Assert.Null(response.Usage!.InputTokenCount);
        Assert.Null(response.Usage.OutputTokenCount);
        Assert.Null(response.Usage.TotalTokenCount);
        Assert.Equal(
            whole.ToDictionary(u => $"{vendor.ToString().ToLowerInvariant()}.{u.Name}", u => (long)u.Value).OrderBy(static p => p.Key),
            response.Usage.AdditionalCounts!.OrderBy(static p => p.Key));
    }

    [Fact]
    public async Task EvoLinks_credits_reach_the_generator_response()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink);
        var generator = rig.Provider.GetRequiredService<IImageGenerator>();

        var response = await generator.GenerateAsync(new ImageGenerationRequest("make the sky purple", [new UriContent(Cases.InputImage, "image/png")]));

        Assert.Equal(1, response.Usage!.AdditionalCounts!["evolink.credits_reserved"]);
    }

    [Fact]
    public void Usage_is_read_only_from_a_success_answer_and_only_where_its_row_points()
    {
        var answer = """{"usage":{"credits_reserved":7,"billing_rule":"per_call"},"credits_reserved":99}"""u8.ToArray();
        var exchange = new VendorExchange();

        exchange.Record(ImageEditVendor.EvoLink, new HttpResponseMessage(HttpStatusCode.TooManyRequests), answer);
        Assert.Empty(exchange.Usage);
        exchange.Record(ImageEditVendor.EvoLink, new HttpResponseMessage(HttpStatusCode.OK), """{"usage":{"credits_reserved":"7"}}"""u8.ToArray());
        Assert.Empty(exchange.Usage);
        exchange.Record(ImageEditVendor.EvoLink, new HttpResponseMessage(HttpStatusCode.OK), "<html>"u8.ToArray());
        Assert.Empty(exchange.Usage);
        exchange.Record(ImageEditVendor.EvoLink, new HttpResponseMessage(HttpStatusCode.OK), answer);
        Assert.Equal([new ImageEditUsage("credits_reserved", 7, "credit")], exchange.Usage);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task The_provider_uri_is_where_a_client_without_a_base_address_sends_its_create(ImageEditVendor vendor)
    {
        // No network: the handler records where the create would go and refuses it.
        var sent = new List<Uri>();
        using var http = new HttpClient(new Refusing(sent));
        var client = new QwenImageEditClient(vendor, http, new QwenImageEditVendorOptions { ApiKey = "k" });

        await Assert.ThrowsAnyAsync<ImageEditException>(() => client.StartEditAsync(Cases.Request()));

        var api = new QwenImageGenerator(client).GetService<ImageGeneratorMetadata>()!.ProviderUri!;
        Assert.Equal(api, VendorReports.For(vendor).Api);
        Assert.StartsWith(api.AbsoluteUri, Assert.Single(sent).AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_vendor_has_a_report_row()
        => Assert.Equal(Enum.GetValues<ImageEditVendor>().Order(), VendorReports.Vendors.Order());

    private sealed class Refusing(List<Uri> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"error":{"message":"no"}}""") });
        }
    }
}
