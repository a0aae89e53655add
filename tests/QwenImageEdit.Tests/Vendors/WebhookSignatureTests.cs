using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// fal.ai's Ed25519 and Replicate's Standard Webhooks signatures, delivered by the fakes over loopback to a receiver
/// using the facade's parser: a verified callback is proof of what it says (no read needed), a forged or unsigned one
/// is refused.
/// </summary>
public sealed class WebhookSignatureTests
{
    private static readonly Uri PublicHook = new("https://hooks.example.com/qwen");

    [Fact]
    public async Task A_fal_callback_signed_by_a_key_of_the_set_is_proof_and_needs_no_read()
    {
        // The key set is read over HTTP from where the fake publishes it, as from fal's JWKS address.
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        await fake.StartAsync();
        using var keyClient = new HttpClient();
        var parser = new ImageEditCallbackParser(falWebhookKeys: new FalWebhookKeys(keyClient, fake.KeySetAddress));
        await using var receiver = await CallbackReceiver.StartAsync(parser);
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, CallbackTarget = receiver.Address(ImageEditVendor.Fal) }));

        var (operation, callback) = await DeliverAsync(rig, receiver);
        var reads = rig.Count(FakeRoute.Poll);
        var resumed = await rig.Client.GetOperationAsync(callback);

        Assert.True(callback.IsSignatureVerified);
        Assert.True(callback.IsBodyVerified);
        Assert.Equal(operation.Id, callback.OperationId);
        Assert.True(resumed.HasCompleted);
        Assert.Single(resumed.Images);
        Assert.Equal(reads, rig.Count(FakeRoute.Poll));
        Assert.Single(fake.Requests, r => r.Path == "/.well-known/jwks.json");
    }

    [Fact]
    public async Task A_fal_callback_signed_by_another_key_is_refused()
    {
        var parser = new ImageEditCallbackParser(falWebhookKeys: FalWebhookKeys.FromJson(FalSigningKey.Test.JwksJson));
        await using var receiver = await CallbackReceiver.StartAsync(parser);
        var forger = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, CallbackTarget = receiver.Address(ImageEditVendor.Fal) }, FalSigningKey.Create("forger"));
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, forger);

        var request = Cases.Request();
        request.CallbackUrl = PublicHook;
        await (await rig.Client.StartEditAsync(request)).UpdateAsync();
        await rig.Fake.WhenCallbacksIdleAsync();

        Assert.Empty(receiver.Accepted);
        Assert.Contains(receiver.Rejected, r => r.Message.Contains("does not match any of fal.ai's keys", StringComparison.Ordinal));
        Assert.Contains(rig.Fake.CallbackDeliveries, d => d.StatusCode == System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void An_unsigned_or_replayed_fal_callback_is_refused()
    {
        var parser = new ImageEditCallbackParser(falWebhookKeys: FalWebhookKeys.FromJson(FalSigningKey.Test.JwksJson));
        var body = """{"request_id":"r-1","gateway_request_id":"r-1","status":"ERROR","error":"x","payload":null}"""u8.ToArray();

        var unsigned = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, body));
        Assert.Contains("not signed", unsigned.Message);

        var old = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            [ImageEditCallbackParser.FalRequestIdHeader] = "r-1",
            [ImageEditCallbackParser.FalUserIdHeader] = FakeFal.UserId,
            [ImageEditCallbackParser.FalTimestampHeader] = old,
            [ImageEditCallbackParser.FalSignatureHeader] = FalSigningKey.Test.Sign("r-1", FakeFal.UserId, old, body),
        };
        var replay = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, body, headers));
        Assert.Contains("too old", replay.Message);

        // A valid signature for another request does not vouch for this body.
        headers[ImageEditCallbackParser.FalRequestIdHeader] = "r-2";
        var other = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, body, headers));
        Assert.Contains("another request", other.Message);
    }

    [Fact]
    public async Task A_fal_key_set_that_cannot_be_read_refuses_the_callback_with_a_reason()
    {
        using var keyClient = new HttpClient();
        var parser = new ImageEditCallbackParser(falWebhookKeys: new FalWebhookKeys(keyClient, new Uri("http://127.0.0.1:1/jwks.json")));
        var body = """{"request_id":"r-1","gateway_request_id":"r-1","status":"ERROR","error":"x","payload":null}"""u8.ToArray();

        var error = await Assert.ThrowsAsync<ImageEditCallbackException>(() => parser.ParseAsync(ImageEditVendor.Fal, new MemoryStream(body)));

        Assert.Contains("key set could not be read", error.Message);
    }

    [Fact]
    public async Task fal_keys_are_read_again_when_none_verifies_but_not_more_than_once_a_minute()
    {
        // fal rotated its key: the set served changes, and the cached one lacks the new key.
        var rotated = FalSigningKey.Create("rotated");
        var served = FalSigningKey.Test.JwksJson;
        var reads = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/jwks.json", () =>
        {
            Interlocked.Increment(ref reads);
            return Results.Text(served, "application/json");
        });
        await app.StartAsync();
        using var keyClient = new HttpClient();
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var parser = new ImageEditCallbackParser(falWebhookKeys: new FalWebhookKeys(keyClient, new Uri(new Uri(app.Urls.First()), "jwks.json"), time));

        Assert.True((await parser.ParseAsync(ImageEditVendor.Fal, Signed(FalSigningKey.Test, "r-1", out var first), first)).IsBodyVerified);
        served = rotated.JwksJson;

        // Signed by the new key within a minute of the last read: refused, and fal is not asked again.
        var body = Signed(rotated, "r-2", out var headers);
        await Assert.ThrowsAsync<ImageEditCallbackException>(() => parser.ParseAsync(ImageEditVendor.Fal, body, headers));
        Assert.Equal(1, reads);

        // A minute on, a miss reads the set again, which has the new key.
        time.Advance(TimeSpan.FromMinutes(2));
        body.Position = 0;
        Assert.True((await parser.ParseAsync(ImageEditVendor.Fal, body, headers)).IsBodyVerified);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_Replicate_callback_signed_with_the_webhook_secret_is_proof()
    {
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Replicate] = FakeReplicate.TestWebhookSecret });
        await using var receiver = await CallbackReceiver.StartAsync(parser);
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate, new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, CallbackTarget = receiver.Address(ImageEditVendor.Replicate) });

        var (operation, callback) = await DeliverAsync(rig, receiver);
        var reads = rig.Count(FakeRoute.Poll);
        var resumed = await rig.Client.GetOperationAsync(callback);

        Assert.True(callback.IsBodyVerified);
        Assert.Equal(operation.Id, callback.OperationId);
        Assert.True(resumed.HasCompleted);
        Assert.Equal(reads, rig.Count(FakeRoute.Poll));
    }

    [Fact]
    public async Task A_Replicate_callback_signed_with_another_secret_is_refused()
    {
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Replicate] = FakeReplicate.TestWebhookSecret });
        await using var receiver = await CallbackReceiver.StartAsync(parser);
        var forger = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, CallbackTarget = receiver.Address(ImageEditVendor.Replicate) }, "whsec_" + Convert.ToBase64String("not Replicate's secret, 32 bytes"u8));
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Replicate, forger);

        var request = Cases.Request();
        request.CallbackUrl = PublicHook;
        await (await rig.Client.StartEditAsync(request)).UpdateAsync();
        await rig.Fake.WhenCallbacksIdleAsync();

        Assert.Empty(receiver.Accepted);
        Assert.Contains(receiver.Rejected, r => r.Message.Contains("signature does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Replicate_secret_that_is_not_a_whsec_secret_fails_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddQwenImageEdit().AddVendor(ImageEditVendor.Replicate, o => { o.ApiKey = "k"; o.WebhookSigningKey = "plain-text"; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("whsec_", StringComparison.Ordinal));
    }

    [Fact]
    public void DI_gives_the_parser_fal_key_set_so_fal_callbacks_must_be_signed()
    {
        var services = new ServiceCollection();
        services.AddQwenImageEdit().AddVendor(ImageEditVendor.Fal, o => { o.ApiKey = "k"; o.WebhookKeys = FalWebhookKeys.FromJson(FalSigningKey.Test.JwksJson); });
        using var provider = services.BuildServiceProvider();
        var parser = provider.GetRequiredService<ImageEditCallbackParser>();
        var body = """{"request_id":"r-1","gateway_request_id":"r-1","status":"OK","payload":null}"""u8.ToArray();

        var error = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, body));

        Assert.Contains("not signed", error.Message);
    }

    /// <summary>A fal.ai webhook body for <paramref name="requestId"/> and its headers, signed now by <paramref name="key"/>.</summary>
    private static MemoryStream Signed(FalSigningKey key, string requestId, out Dictionary<string, string> headers)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"request_id":"{{requestId}}","gateway_request_id":"{{requestId}}","status":"ERROR","error":"refused","payload":null}""");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers = new Dictionary<string, string>
        {
            [ImageEditCallbackParser.FalRequestIdHeader] = requestId,
            [ImageEditCallbackParser.FalUserIdHeader] = FakeFal.UserId,
            [ImageEditCallbackParser.FalTimestampHeader] = timestamp,
            [ImageEditCallbackParser.FalSignatureHeader] = key.Sign(requestId, FakeFal.UserId, timestamp, body),
        };
        return new MemoryStream(body);
    }

    private static async Task<(ImageEditOperation Operation, ImageEditCallback Callback)> DeliverAsync(VendorRig rig, CallbackReceiver receiver)
    {
        var request = Cases.Request();
        request.CallbackUrl = PublicHook;
        var operation = await rig.Client.StartEditAsync(request);
        await operation.UpdateAsync(); // the fake ends the task at the first read, and calls back
        await rig.Fake.WhenCallbacksIdleAsync();
        Assert.Empty(receiver.Rejected);
        return (operation, Assert.Single(receiver.Accepted));
    }
}
