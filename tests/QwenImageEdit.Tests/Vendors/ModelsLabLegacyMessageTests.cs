using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// ModelsLab's legacy errors that spell the message <c>messege</c> (conflict 11 in specs/README.md), end to end over
/// loopback HTTP: the vendor's text reaches the exception or the failure, and since ModelsLab has no error codes, the
/// text is also what decides the kind.
/// </summary>
public sealed class ModelsLabLegacyMessageTests
{
    private static FakeVendorOptions Legacy() => new() { UseMessegeSpelling = true };

    [Fact]
    public async Task A_create_refused_with_messege_is_typed_by_its_text()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab, Legacy(), o => o.ApiKey = "not-the-key");

        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Contains("Invalid Api Key", error.Message, StringComparison.Ordinal);
        Assert.Equal("Invalid Api Key", error.ResponseExcerpt);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
    }

    [Fact]
    public async Task An_upload_refused_with_messege_carries_its_text()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab, Legacy(), o => o.ApiKey = "not-the-key");
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));
        var request = new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(png, "image/png", "input.png")] };

        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client.StartEditAsync(request));

        Assert.Contains("upload an image", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid Api Key", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, rig.Count(FakeRoute.Upload));
        Assert.Equal(0, rig.Count(FakeRoute.Create));
    }

    [Fact]
    public async Task A_task_failed_with_messege_ends_in_a_failure_with_its_text()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab, Legacy());
        rig.Fake.FailNextTask("error", "NSFW content detected");

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(ImageEditErrorKind.ContentPolicy, error.Kind);
        Assert.Equal("NSFW content detected", operation.Failure!.Message);
        Assert.Contains("NSFW content detected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_webhook_with_messege_carries_its_text()
    {
        await using var receiver = await CallbackReceiver.StartAsync(new ImageEditCallbackParser());
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab, new FakeVendorOptions
        {
            UseMessegeSpelling = true,
            Lifecycle = FakeLifecycle.AfterPolls(1_000_000),
            CallbackTarget = receiver.Address(ImageEditVendor.ModelsLab),
        });
        var request = Cases.Request();
        request.CallbackUrl = new Uri("https://hooks.example.com/qwen");

        var operation = await rig.Client.StartEditAsync(request);
        rig.Fake.GetTask(operation.Id).Fail("error", "Image generation failed: out of credits");
        await rig.Fake.WhenCallbacksIdleAsync();

        var callback = Assert.Single(receiver.Accepted);
        Assert.Equal(ImageEditStatus.Failed, callback.Status);
        Assert.Equal("Image generation failed: out of credits", callback.Failure!.Message);
        Assert.Equal(ImageEditErrorKind.InsufficientQuota, callback.Failure.Kind);
    }
}
