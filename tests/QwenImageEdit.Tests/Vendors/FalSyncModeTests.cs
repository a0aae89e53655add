using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// fal.ai's <c>sync_mode</c> (<c>VendorParameters["sync_mode"] = true</c>): the result carries the images as data URIs,
/// which the facade decodes into the results (nothing downloaded, nothing kept at fal); over loopback against the fake,
/// for every fal model, and with the result's data URIs made hostile.
/// </summary>
public sealed class FalSyncModeTests
{
    public static TheoryData<string> FalModels() => new(FakeFal.Models);

    [Theory]
    [MemberData(nameof(FalModels))]
    public async Task The_images_come_inside_the_result_and_nothing_is_downloaded(string model)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(2) });
        var request = Cases.Request(model);
        request.VendorParameters["sync_mode"] = true;

        var images = await rig.Client.EditAsync(request).WaitAsync(Bounds.Hang);

        var image = Assert.Single(images);
        Assert.True(image.IsInline);
        Assert.Equal("image/png", image.MediaType);
        Assert.Null(image.ExpiresAt);
        Assert.Equal("data:image/png;base64,", image.Uri.OriginalString);
        Assert.True(Cases.IsPng(await image.ReadAsync()));
        var path = Path.Combine(Path.GetTempPath(), $"fal-sync-{Guid.NewGuid():N}.png");
        try
        {
            Assert.Equal((await image.ReadAsync()).ToArray(), await File.ReadAllBytesAsync(await image.SaveAsync(path)));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(0, rig.Count(FakeRoute.Result));
        Assert.True(JsonNode.Parse(rig.Fake.Tasks.Single().RequestJson)!["sync_mode"]!.GetValue<bool>());
        Assert.Empty(rig.Fake.Violations);
    }

    [Fact]
    public async Task Without_sync_mode_the_images_are_urls()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });

        var image = Assert.Single(await rig.Client.EditAsync(Cases.Request()).WaitAsync(Bounds.Hang));

        Assert.False(image.IsInline);
        Assert.StartsWith("http", image.Uri.Scheme, StringComparison.Ordinal);
        Assert.NotEqual(true, JsonNode.Parse(rig.Fake.Tasks.Single().RequestJson)!["sync_mode"]?.GetValue<bool>()); // the generated default, false, or none
    }

    [Fact]
    public async Task A_sync_mode_that_is_not_true_or_false_is_refused_before_sending()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal);
        var request = Cases.Request();
        request.VendorParameters["sync_mode"] = "yes";

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => rig.Client.StartEditAsync(request));

        Assert.Contains(error.Errors, static e => e.Option == "VendorParameters[sync_mode]");
        Assert.Equal(0, rig.Count(FakeRoute.Create));
    }

    [Fact]
    public async Task A_signed_webhook_with_sync_mode_images_gives_them_inline_with_no_read()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(100) });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["request_id"] = operation.Id,
            ["gateway_request_id"] = operation.Id,
            ["status"] = "OK",
            ["payload"] = new JsonObject
            {
                ["prompt"] = "p",
                ["images"] = new JsonArray(new JsonObject { ["url"] = "data:image/png;base64," + Convert.ToBase64String(png), ["content_type"] = "image/png" }),
                ["timings"] = new JsonObject(),
                ["has_nsfw_concepts"] = new JsonArray(false),
                ["seed"] = 1,
            },
        }.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            [ImageEditCallbackParser.FalRequestIdHeader] = operation.Id,
            [ImageEditCallbackParser.FalUserIdHeader] = FakeFal.UserId,
            [ImageEditCallbackParser.FalTimestampHeader] = timestamp,
            [ImageEditCallbackParser.FalSignatureHeader] = FalSigningKey.Test.Sign(operation.Id, FakeFal.UserId, timestamp, body),
        };
        var reads = rig.Fake.Requests.Count;

        var callback = new ImageEditCallbackParser(falWebhookKeys: FalWebhookKeys.FromJson(FalSigningKey.Test.JwksJson)).Parse(ImageEditVendor.Fal, body, headers);

        Assert.True(operation.Apply(callback));
        var image = Assert.Single(operation.Images);
        Assert.True(image.IsInline);
        Assert.Equal(png, (await image.ReadAsync()).ToArray());
        Assert.Equal(reads, rig.Fake.Requests.Count);
    }

    public static TheoryData<string, Type> HostileResults() => new()
    {
        { "data:text/html;base64,PGh0bWw+PC9odG1sPg==", typeof(ImageEditVendorException) },
        { "data:image/png;base64,@@@@", typeof(ImageEditVendorException) },
        { "data:image/png;base64,PGh0bWw+PC9odG1sPg==", typeof(ImageEditVendorException) },
        { "data:image/png;base64," + new string('A', 64 * 1024), typeof(ImageEditLimitExceededException) },
    };

    [Theory]
    [MemberData(nameof(HostileResults))]
    public async Task A_hostile_data_uri_in_the_result_is_refused_and_never_served(string uri, Type expected)
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(1), o => o.Results.MaxImageBytes = 16 * 1024);
        rig.Proxy.OnAnswer = exchange =>
        {
            // The result (GET .../requests/{id}): every image's url replaced.
            if (exchange.Route == FakeRoute.Poll && !exchange.Request.Path.Contains("/status", StringComparison.Ordinal))
            {
                exchange.MapStrings((name, value) => name == "url" ? uri : value);
            }

            return Task.CompletedTask;
        };
        var request = Cases.Request();
        request.VendorParameters["sync_mode"] = true;
        var operation = await rig.Client.StartEditAsync(request);

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang));

        Assert.IsType(expected, error);
        Assert.False(operation.HasCompleted);
        Assert.Empty(operation.Images);
        Assert.Empty(rig.Dialled);
        rig.AssertNoSecret(error, operation);
    }
}
