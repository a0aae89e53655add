using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;
using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// What fal.ai, Replicate and DashScope brought to the facade, over loopback against their fakes: remote cancel, the
/// synchronous vendor, the status stream, local images sent inline, Replicate's Prefer: wait and Cancel-After.
/// </summary>
public sealed class NewVendorTests
{
    public static TheoryData<ImageEditVendor> CancellingVendors() => new(Enum.GetValues<ImageEditVendor>().Where(static v => ImageEditCapabilities.For(v).RemoteCancel));

    public static TheoryData<ImageEditVendor> NonCancellingVendors() => new(Enum.GetValues<ImageEditVendor>().Where(static v => !ImageEditCapabilities.For(v).RemoteCancel));

    public static TheoryData<ImageEditVendor> InlineVendors() => new(Enum.GetValues<ImageEditVendor>().Where(static v => ImageEditCapabilities.For(v).LocalImagesInline));

    [Theory]
    [MemberData(nameof(CancellingVendors))]
    public async Task A_running_task_cancelled_at_the_vendor_ends_cancelled(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000) });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        await operation.UpdateAsync();
        Assert.False(operation.HasCompleted);

        var status = await operation.CancelAsync();

        Assert.Equal(ImageEditStatus.Cancelled, status);
        Assert.True(operation.HasCompleted);
        Assert.Equal(1, rig.Count(FakeRoute.Cancel));
        Assert.Equal(FakeTaskState.Cancelled, rig.Fake.Tasks.Single().State);
        await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync());
        Assert.Empty(rig.Fake.Violations);

        // An ended task is not cancelled again: nothing more is sent.
        Assert.Equal(ImageEditStatus.Cancelled, await operation.CancelAsync());
        Assert.Equal(1, rig.Count(FakeRoute.Cancel));
    }

    [Theory]
    [MemberData(nameof(CancellingVendors))]
    public async Task Cancelling_a_task_that_just_finished_says_how_it_ended(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        await rig.Client.ResumeOperation(operation.Id).UpdateAsync(); // another reader sees it end; this one does not know yet

        var status = await operation.CancelAsync();

        Assert.Equal(ImageEditStatus.Succeeded, status);
        Assert.Single(await operation.WaitForCompletionAsync());
    }

    [Theory]
    [MemberData(nameof(NonCancellingVendors))]
    public async Task A_vendor_that_cannot_cancel_says_so_and_sends_nothing(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000) });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var sent = rig.Fake.Requests.Count;

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => operation.CancelAsync());

        Assert.Contains(ImageEditCapabilities.For(vendor).Synchronous ? "nothing to cancel" : "no way to cancel", error.Message);
        Assert.Equal(sent, rig.Fake.Requests.Count);
    }

    [Fact]
    public async Task DashScope_answers_the_edit_itself_and_there_is_nothing_to_resume()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.DashScope);
        var request = Cases.Request(ImageEditModels.DashScopeQwenImageEditPlus);
        request.Count = 2;
        request.Size = new ImageEditSize(1024, 768);

        var operation = await rig.Client.StartEditAsync(request);

        Assert.True(operation.HasCompleted);
        Assert.Equal(ImageEditStatus.Succeeded, operation.Status);
        Assert.Equal(2, (await operation.WaitForCompletionAsync()).Count);
        Assert.Equal(1, rig.Fake.Requests.Count(r => r.Route != FakeRoute.Result));
        var sent = JsonNode.Parse(rig.Fake.Tasks.Single().RequestJson)!;
        Assert.Equal("1024*768", sent["parameters"]!["size"]!.GetValue<string>());
        Assert.Empty(rig.Fake.Violations);

        var resume = Assert.Throws<ImageEditValidationException>(() => rig.Client.ResumeOperation(operation.Id));
        Assert.Contains("synchronously", resume.Message);
    }

    [Fact]
    public async Task DashScope_refuses_a_size_for_qwen_image_edit_before_sending()
    {
        var handler = new CountingHandler();
        var client = new QwenImageEditClient(ImageEditVendor.DashScope, new HttpClient(handler), new QwenImageEditVendorOptions { ApiKey = "k" });
        var request = Cases.Request(ImageEditModels.DashScopeQwenImageEdit);
        request.Size = new ImageEditSize(1024, 1024);

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => client.StartEditAsync(request));

        Assert.Contains(error.Errors, e => e.Option == "Size");
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task DashScope_regions_have_their_own_endpoints()
    {
        var handler = new CountingHandler();
        foreach (var (region, host) in new[] { (DashScopeRegion.Singapore, "dashscope-intl.aliyuncs.com"), (DashScopeRegion.Beijing, "dashscope.aliyuncs.com") })
        {
            var client = new QwenImageEditClient(ImageEditVendor.DashScope, new HttpClient(handler), new QwenImageEditVendorOptions { ApiKey = "k", Region = region });
            await Assert.ThrowsAnyAsync<ImageEditException>(() => client.StartEditAsync(Cases.Request()));
            Assert.Equal(host, handler.LastRequest!.RequestUri!.Host);
        }
    }

    [Fact]
    public async Task fal_follows_the_status_stream_instead_of_polling()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(3) });
        var reports = new List<ImageEditProgress>();

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var images = await operation.WaitForCompletionAsync(new SyncProgress<ImageEditProgress>(reports.Add));

        Assert.Single(images);
        Assert.Single(rig.Fake.Requests, r => r.Path.EndsWith("/status/stream", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Fake.Requests, r => r.Path.EndsWith("/status", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.RawStatus == "IN_PROGRESS");
        Assert.Equal(ImageEditStatus.Succeeded, reports[^1].Status);
    }

    [Fact]
    public async Task fal_polls_when_the_status_stream_is_refused()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(2) });
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(503));

        var images = await (await rig.Client.StartEditAsync(Cases.Request())).WaitForCompletionAsync();

        Assert.Single(images);
        Assert.Contains(rig.Fake.Requests, r => r.Path.EndsWith("/status", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InlineVendors))]
    public async Task Local_images_travel_inside_the_create_as_data_uris(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));
        var request = new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(png, "image/png", "input.png")] };

        var images = await rig.Client.EditAsync(request);

        Assert.Single(images);
        Assert.Equal(0, rig.Count(FakeRoute.Upload));
        var sent = JsonNode.Parse(rig.Fake.Requests.Single(r => r.Route == FakeRoute.Create).BodyText)!;
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(png), Texts(sent));
        Assert.Empty(rig.Fake.Violations);
    }

    [Fact]
    public async Task Replicate_waits_in_the_create_and_a_quick_edit_needs_no_poll()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant }, o => { o.SynchronousWait = TimeSpan.FromSeconds(5); o.CancelAfter = TimeSpan.FromMinutes(2); });

        var operation = await rig.Client.StartEditAsync(Cases.Request());

        Assert.True(operation.HasCompleted);
        Assert.Single(await operation.WaitForCompletionAsync());
        Assert.Equal(0, rig.Count(FakeRoute.Poll));
        var create = rig.Fake.Requests.Single(r => r.Route == FakeRoute.Create);
        Assert.Equal("wait=5", create.Headers["Prefer"]);
        Assert.Equal("120s", create.Headers["Cancel-After"]);
        Assert.Empty(rig.Fake.Violations);
    }

    [Fact]
    public async Task Replicate_calls_back_for_the_events_a_request_asks_for_and_only_at_the_end_by_default()
    {
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Replicate] = FakeReplicate.TestWebhookSecret });
        await using var receiver = await CallbackReceiver.StartAsync(parser);
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(2), CallbackTarget = receiver.Address(ImageEditVendor.Replicate) }, static o => o.SynchronousWait = null);

        var asked = Cases.Request();
        asked.CallbackUrl = new Uri("https://hooks.example.com/replicate");
        asked.VendorParameters["webhook_events_filter"] = new[] { "start", "completed" };
        await (await rig.Client.StartEditAsync(asked)).WaitForCompletionAsync();
        await rig.Fake.WhenCallbacksIdleAsync();

        var create = Assert.Single(rig.Fake.Requests, static r => r.Route == FakeRoute.Create);
        Assert.Equal(["start", "completed"], JsonNode.Parse(create.BodyText)!["webhook_events_filter"]!.AsArray().Select(static e => (string)e!));
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Single(receiver.Accepted, static c => !c.Status.IsTerminal());
        Assert.Single(receiver.Accepted, static c => c.Status == ImageEditStatus.Succeeded);
        Assert.All(receiver.Accepted, static c => Assert.True(c.IsBodyVerified));

        var plain = Cases.Request();
        plain.CallbackUrl = new Uri("https://hooks.example.com/replicate");
        await (await rig.Client.StartEditAsync(plain)).WaitForCompletionAsync();
        await rig.Fake.WhenCallbacksIdleAsync();

        var second = rig.Fake.Requests.Where(static r => r.Route == FakeRoute.Create).Last();
        Assert.Equal(["completed"], JsonNode.Parse(second.BodyText)!["webhook_events_filter"]!.AsArray().Select(static e => (string)e!));
        Assert.Equal(3, receiver.Accepted.Count);
        Assert.Empty(rig.Fake.Violations);
    }

    public static TheoryData<string, bool> BadEventFilters() => new()
    {
        { "start", true }, // without completed, the end would never be called back
        { "start,finished", true }, // not one of Replicate's events
        { "completed", false }, // without a CallbackUrl there is nothing to call back
    };

    [Theory]
    [MemberData(nameof(BadEventFilters))]
    public async Task A_Replicate_event_filter_it_would_refuse_or_the_facade_could_not_use_is_refused_before_sending(string events, bool withCallback)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate);
        var request = Cases.Request();
        request.CallbackUrl = withCallback ? new Uri("https://hooks.example.com/replicate") : null;
        request.VendorParameters["webhook_events_filter"] = events;

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => rig.Client.StartEditAsync(request));

        Assert.Contains(error.Errors, static e => e.Option.Contains("webhook_events_filter", StringComparison.Ordinal));
        Assert.Empty(rig.Fake.Requests);
    }

    [Fact]
    public async Task fal_keeps_outputs_as_long_as_a_request_asks_and_their_expiry_says_so()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var client = new QwenImageEditClient(ImageEditVendor.Fal, rig.Http, rig.Options, timeProvider: time);
        var request = Cases.Request();
        request.VendorParameters["expiration_duration_seconds"] = 3600;

        var kept = await client.EditAsync(request);
        var unasked = await client.EditAsync(Cases.Request());

        var submits = rig.Fake.Requests.Where(static r => r.Route == FakeRoute.Create).ToArray();
        Assert.Equal("""{"expiration_duration_seconds":3600}""", Lifecycle(submits[0]));
        Assert.Null(Lifecycle(submits[1]));
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromHours(1), Assert.Single(kept).ExpiresAt);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromDays(7), Assert.Single(unasked).ExpiresAt);
        Assert.Empty(rig.Fake.Violations);
    }

    private static string? Lifecycle(RecordedRequest request)
        => request.Headers.FirstOrDefault(static h => h.Key.Equals("X-Fal-Object-Lifecycle-Preference", StringComparison.OrdinalIgnoreCase)).Value;

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData("soon")]
    public async Task A_fal_output_lifetime_that_is_not_whole_seconds_is_refused_before_sending(object seconds)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal);
        var request = Cases.Request();
        request.VendorParameters["expiration_duration_seconds"] = seconds;

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => rig.Client.StartEditAsync(request));

        Assert.Contains(error.Errors, static e => e.Option == "VendorParameters[expiration_duration_seconds]");
        Assert.Empty(rig.Fake.Requests);
    }

    [Fact]
    public async Task Replicate_is_given_no_deadline_unless_asked()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate);

        await rig.Client.StartEditAsync(Cases.Request());

        Assert.False(rig.Fake.Requests.Single(r => r.Route == FakeRoute.Create).Headers.ContainsKey("Cancel-After"));
    }

    [Fact]
    public async Task Replicate_says_when_its_outputs_were_deleted()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, TimeProvider = time });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        await operation.UpdateAsync();
        Assert.True(operation.HasCompleted);

        time.Advance(FakeReplicate.Retention + TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client.GetOperationAsync(operation.Id));

        Assert.Contains("deleted", error.Message);
    }

    /// <summary>Every string value of a JSON document, unescaped.</summary>
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(static p => Texts(p.Value)),
        JsonArray array => array.SelectMany(Texts),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
