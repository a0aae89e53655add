using System.Text;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// Callbacks are claims by whoever reached the endpoint. One whose signature does not cover its body (none today)
/// reports nothing by itself: the operation confirms it with the vendor before it reports success, failure or images.
/// </summary>
public sealed class CallbackTrustTests
{
    private const string SigningKey = "apikley-webhook-key";

    /// <summary>A forged "done" for a real task, with the forger's images, in each vendor's callback shape.</summary>
    private static byte[] ForgedSuccess(ImageEditVendor vendor, string id, string url) => Encoding.UTF8.GetBytes(vendor switch
    {
        ImageEditVendor.EvoLink => $$"""{"id":"{{id}}","object":"image.generation.task","status":"completed","progress":100,"results":["{{url}}"]}""",
        ImageEditVendor.ModelsLab => $$"""{"status":"success","id":{{id}},"output":["{{url}}"]}""",
        ImageEditVendor.Fal => $$$"""{"request_id":"{{{id}}}","gateway_request_id":"{{{id}}}","status":"OK","payload":{"prompt":"p","images":[{"url":"{{{url}}}"}],"timings":{},"has_nsfw_concepts":[false],"seed":1}}""",
        ImageEditVendor.Replicate => $$$"""{"id":"{{{id}}}","model":"qwen/qwen-image-edit","version":"hidden","input":{},"output":["{{{url}}}"],"data_removed":false,"error":null,"status":"succeeded","created_at":"2026-12-01T00:00:00Z","urls":{"web":"https://replicate.com/p/{{{id}}}","get":"https://api.replicate.com/v1/predictions/{{{id}}}","cancel":"https://api.replicate.com/v1/predictions/{{{id}}}/cancel"}}""",
        ImageEditVendor.Apikley => $$$"""{"code":200,"msg":"success","data":{"taskId":"{{{id}}}","state":"success","resultJson":"{\"resultUrls\":[\"{{{url}}}\"]}"}}""",
        _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
    });

    public static TheoryData<ImageEditVendor, string> Forgeries()
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var vendor in Enum.GetValues<ImageEditVendor>().Where(static v => ImageEditCapabilities.For(v).Callbacks))
        {
            foreach (var url in new[] { "https://attacker.example/cat.png", "file:///etc/passwd", "http://127.0.0.1:1/x.png" })
            {
                data.Add(vendor, url);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_callback_reports_nothing_until_the_vendor_confirms_it(ImageEditVendor vendor, string url)
    {
        await using var rig = await HostileRig.StartAsync(vendor, FakeLifecycle.AfterPolls(100));
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var callback = new ImageEditCallbackParser().Parse(vendor, ForgedSuccess(vendor, operation.Id, url));
        var polls = rig.Proxy.Count(FakeRoute.Poll);

        var hinted = rig.Client.ResumeOperation(callback);
        Assert.Equal(ImageEditStatus.Unknown, hinted.Status);
        Assert.Empty(hinted.Images);
        Assert.False(operation.Apply(callback));
        Assert.False(operation.HasCompleted);

        // Confirmed: the vendor says the task is still going, so no images and no end.
        var confirmed = await rig.Client.GetOperationAsync(callback).WaitAsync(Bounds.Hang);

        Assert.False(confirmed.HasCompleted);
        Assert.Empty(confirmed.Images);
        Assert.Equal(polls + 1, rig.Proxy.Count(FakeRoute.Poll));
    }

    [Fact]
    public async Task A_waiting_operation_hinted_by_a_callback_polls_at_once()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink, FakeLifecycle.Instant, o => o.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromHours(1), Timeout = TimeSpan.FromHours(2) });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        operation.Apply(new ImageEditCallbackParser().Parse(ImageEditVendor.EvoLink, ForgedSuccess(ImageEditVendor.EvoLink, operation.Id, "https://attacker.example/cat.png")));

        var images = await operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        Assert.StartsWith(rig.Proxy.Address.AbsoluteUri, Assert.Single(images).Uri.AbsoluteUri);
    }

    public static TheoryData<string> Alterations() => ["other images", "success turned to failure"];

    [Theory]
    [MemberData(nameof(Alterations))]
    public async Task An_Apikley_signature_captured_and_replayed_with_another_body_is_verified_but_not_trusted(string alteration)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Apikley, FakeLifecycle.Instant);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Apikley] = SigningKey }, new FixedTime(now));
        var headers = new Dictionary<string, string>
        {
            [ImageEditCallbackParser.TimestampHeader] = timestamp,
            [ImageEditCallbackParser.SignatureHeader] = ImageEditCallbackParser.Sign(SigningKey, operation.Id, timestamp),
        };
        var body = alteration == "other images"
            ? ForgedSuccess(ImageEditVendor.Apikley, operation.Id, "https://attacker.example/cat.png")
            : Encoding.UTF8.GetBytes($$$"""{"code":200,"msg":"success","data":{"taskId":"{{{operation.Id}}}","state":"fail","failCode":"500","failMsg":"forged failure"}}""");

        var callback = parser.Parse(ImageEditVendor.Apikley, body, headers);
        var resumed = await rig.Client.GetOperationAsync(callback).WaitAsync(Bounds.Hang);

        Assert.True(callback.IsSignatureVerified);
        Assert.False(callback.IsBodyVerified);
        Assert.Equal(ImageEditStatus.Succeeded, resumed.Status);
        Assert.StartsWith(rig.Proxy.Address.AbsoluteUri, Assert.Single(resumed.Images).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Taking_callbacks_at_their_word_still_refuses_a_result_url_that_is_not_http()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink, FakeLifecycle.AfterPolls(100), o => o.TrustUnverifiedCallbacks = true);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var callback = new ImageEditCallbackParser().Parse(ImageEditVendor.EvoLink, ForgedSuccess(ImageEditVendor.EvoLink, operation.Id, "file:///etc/passwd"));

        var error = Assert.Throws<ImageEditVendorException>(() => operation.Apply(callback));

        Assert.Contains("not an absolute http(s) URL", error.Message);
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task Taking_callbacks_at_their_word_still_fetches_results_only_from_public_https()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.ModelsLab, FakeLifecycle.AfterPolls(100), o =>
        {
            o.TrustUnverifiedCallbacks = true;
            o.Results.AllowedNetworks = [];
        });
        var operation = await rig.Client.StartEditAsync(Cases.Request());

        var resumed = rig.Client.ResumeOperation(new ImageEditCallbackParser().Parse(ImageEditVendor.ModelsLab, ForgedSuccess(ImageEditVendor.ModelsLab, operation.Id, "http://127.0.0.1:1/x.png")));

        Assert.True(resumed.HasCompleted);
        await Assert.ThrowsAsync<ImageEditResultRefusedException>(() => resumed.Images[0].ReadAsync().WaitAsync(Bounds.Hang));
        Assert.Empty(rig.Dialled);
    }

    [Theory]
    [InlineData("case")] // the same header twice, names differing in case, values differing
    [InlineData("99999999999999999")] // a timestamp beyond the calendar
    [InlineData("-5")]
    [InlineData("yesterday")]
    public void Malformed_signature_headers_are_a_callback_error(string value)
    {
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Apikley] = SigningKey });
        var body = ForgedSuccess(ImageEditVendor.Apikley, "task-1", "https://cdn.example/a.png");
        IEnumerable<KeyValuePair<string, string>> headers = value == "case"
            ?
            [
                new("X-Webhook-Timestamp", "1800000000"),
                new("x-webhook-timestamp", "1800000001"),
                new("X-Webhook-Signature", ImageEditCallbackParser.Sign(SigningKey, "task-1", "1800000000")),
            ]
            :
            [
                new("X-Webhook-Timestamp", value),
                new("X-Webhook-Signature", ImageEditCallbackParser.Sign(SigningKey, "task-1", value)),
            ];

        var error = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Apikley, body, headers));

        Assert.Equal(ImageEditVendor.Apikley, error.Vendor);
        Assert.DoesNotContain(SigningKey, error.Message);
    }

    [Fact]
    public void The_same_header_twice_with_the_same_value_is_fine()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Apikley] = SigningKey }, new FixedTime(now));
        var signature = ImageEditCallbackParser.Sign(SigningKey, "task-1", "1800000000");

        var callback = parser.Parse(ImageEditVendor.Apikley, ForgedSuccess(ImageEditVendor.Apikley, "task-1", "https://cdn.example/a.png"),
            [new("X-Webhook-Timestamp", "1800000000"), new("x-webhook-timestamp", "1800000000"), new("X-Webhook-Signature", signature)]);

        Assert.True(callback.IsSignatureVerified);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
