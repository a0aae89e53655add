using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>Callbacks from each fake, delivered over loopback to a receiver that uses the facade's parser.</summary>
public sealed class CallbackTests
{
    private static readonly Uri PublicHook = new("https://hooks.example.com/qwen");

    [Theory]
    [MemberData(nameof(Cases.CallbackVendors), MemberType = typeof(Cases))]
    public async Task A_callback_is_confirmed_with_the_vendor_before_it_reports_the_end(ImageEditVendor vendor)
    {
        await using var receiver = await CallbackReceiver.StartAsync(new ImageEditCallbackParser());
        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, CallbackTarget = receiver.Address(vendor) });
        var request = Cases.Request();
        request.CallbackUrl = PublicHook;

        var operation = await rig.Client.StartEditAsync(request);
        await operation.UpdateAsync(); // the fake ends the task at the first poll, and calls back
        await rig.Fake.WhenCallbacksIdleAsync();

        var callback = Assert.Single(receiver.Accepted);
        Assert.Equal(operation.Id, callback.OperationId);
        Assert.Equal(ImageEditStatus.Succeeded, callback.Status);
        Assert.False(callback.IsBodyVerified);

        // Without the vendor's signing key the callback is a hint, and one status check confirms it.
        var polls = rig.Count(FakeRoute.Poll);
        var hinted = rig.Client.ResumeOperation(callback);
        Assert.Equal(ImageEditStatus.Unknown, hinted.Status);
        Assert.Empty(hinted.Images);
        var resumed = await rig.Client.GetOperationAsync(callback);
        Assert.True(resumed.HasCompleted);
        Assert.Equal(polls + Cases.ReadsToConfirm(vendor), rig.Count(FakeRoute.Poll));
        Assert.True(Cases.IsPng(await (await resumed.WaitForCompletionAsync())[0].ReadAsync()));
        Assert.Equal(PublicHook, rig.Fake.Tasks.Single().CallbackUrl);
    }

    [Theory]
    [MemberData(nameof(Cases.CallbackVendors), MemberType = typeof(Cases))]
    public async Task A_callback_taken_at_its_word_by_choice_resumes_without_polling(ImageEditVendor vendor)
    {
        await using var receiver = await CallbackReceiver.StartAsync(new ImageEditCallbackParser());
        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, CallbackTarget = receiver.Address(vendor) }, o => o.TrustUnverifiedCallbacks = true);
        var request = Cases.Request();
        request.CallbackUrl = PublicHook;

        var operation = await rig.Client.StartEditAsync(request);
        await operation.UpdateAsync();
        await rig.Fake.WhenCallbacksIdleAsync();
        var polls = rig.Count(FakeRoute.Poll);

        var resumed = await rig.Client.GetOperationAsync(Assert.Single(receiver.Accepted));

        Assert.True(resumed.HasCompleted);
        Assert.True(Cases.IsPng(await (await resumed.WaitForCompletionAsync())[0].ReadAsync()));
        Assert.Equal(polls, rig.Count(FakeRoute.Poll));
    }

    [Fact]
    public async Task ModelsLab_duplicate_webhooks_are_recognised()
    {
        await using var receiver = await CallbackReceiver.StartAsync(new ImageEditCallbackParser());
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, DuplicateWebhooks = true, CallbackTarget = receiver.Address(ImageEditVendor.ModelsLab) });
        var request = Cases.Request();
        request.CallbackUrl = PublicHook;

        var operation = await rig.Client.StartEditAsync(request);
        await operation.UpdateAsync();
        await rig.Fake.WhenCallbacksIdleAsync();

        var callbacks = receiver.Accepted.ToArray();
        Assert.Equal(2, callbacks.Length);
        Assert.Equal(1, callbacks.Count(c => c.IsDuplicate));
        Assert.All(callbacks, c => Assert.Equal(operation.Id, c.OperationId));
    }

    [Fact]
    public async Task Apikley_signed_callbacks_are_verified_and_forged_ones_rejected()
    {
        const string Key = "apikley-webhook-key";
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Apikley] = Key });
        await using var receiver = await CallbackReceiver.StartAsync(parser);

        // Signed with the right key.
        await using (var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, WebhookSigningKey = Key, CallbackTarget = receiver.Address(ImageEditVendor.Apikley) }))
        {
            var request = Cases.Request();
            request.CallbackUrl = PublicHook;
            var operation = await rig.Client.StartEditAsync(request);
            await operation.UpdateAsync();
            await rig.Fake.WhenCallbacksIdleAsync();

            var callback = Assert.Single(receiver.Accepted);
            Assert.True(callback.IsSignatureVerified);
            Assert.Equal(operation.Id, callback.OperationId);
        }

        // Signed by someone without the key.
        await using (var forger = await VendorRig.StartAsync(ImageEditVendor.Apikley, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, WebhookSigningKey = "a-guess", CallbackTarget = receiver.Address(ImageEditVendor.Apikley) }))
        {
            var request = Cases.Request();
            request.CallbackUrl = PublicHook;
            var operation = await forger.Client.StartEditAsync(request);
            await operation.UpdateAsync();
            await forger.Fake.WhenCallbacksIdleAsync();

            var rejection = Assert.Single(receiver.Rejected);
            Assert.Contains("signature does not match", rejection.Message);
            Assert.Single(receiver.Accepted);
            Assert.Contains(forger.Fake.CallbackDeliveries, d => d.StatusCode == System.Net.HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task EvoLink_retries_a_failed_callback_delivery_and_it_arrives_once()
    {
        // The receiver refuses the first delivery (as if it were down), then accepts.
        var parser = new ImageEditCallbackParser();
        await using var receiver = await CallbackReceiver.StartAsync(parser);
        var refuseOnce = new RefuseOnceHandler();
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink, new FakeVendorOptions
        {
            Lifecycle = FakeLifecycle.Instant,
            CallbackTarget = receiver.Address(ImageEditVendor.EvoLink),
            CallbackHandler = refuseOnce,
            CallbackRetryDelays = [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero],
        });
        var request = Cases.Request();
        request.CallbackUrl = PublicHook;

        var operation = await rig.Client.StartEditAsync(request);
        await operation.UpdateAsync();
        await rig.Fake.WhenCallbacksIdleAsync();

        Assert.Equal(2, rig.Fake.CallbackDeliveries.Count);
        var callback = Assert.Single(receiver.Accepted);
        Assert.False(callback.IsDuplicate);
    }

    /// <summary>Fails the first send with 503 without reaching the receiver; sends the rest for real.</summary>
    private sealed class RefuseOnceHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Interlocked.Increment(ref _calls) == 1
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, cancellationToken);
    }
}
