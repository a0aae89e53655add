using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>Every vendor and model, end to end over loopback HTTP: create, poll, fetch the result bytes.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(Cases.VendorModels), MemberType = typeof(Cases))]
    public async Task An_edit_runs_to_completion_and_its_images_download(ImageEditVendor vendor, string model)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        var count = ImageEditCapabilities.For(vendor, model).MaxCount > 1 ? 2 : 1;
        var request = Cases.Request(model);
        request.Count = count > 1 ? count : null;
        var reports = new List<ImageEditProgress>();

        var operation = await rig.Client.StartEditAsync(request);
        Assert.Equal(ImageEditCapabilities.For(vendor, model).Synchronous, operation.HasCompleted);
        Assert.Equal(vendor, operation.Vendor);
        Assert.Equal(model, operation.Model);
        var images = await operation.WaitForCompletionAsync(new SyncProgress<ImageEditProgress>(reports.Add));

        Assert.Equal(ImageEditStatus.Succeeded, operation.Status);
        Assert.Equal(100, operation.PercentComplete);
        Assert.Equal(count, images.Count);
        foreach (var image in images)
        {
            Assert.True(Cases.IsPng(await image.ReadAsync()));
        }

        Assert.Empty(rig.Fake.Violations);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
        Assert.Equal(ImageEditStatus.Succeeded, reports[^1].Status);
        Assert.Equal(model, rig.Fake.Tasks.Single().Model);
        if (ImageEditCapabilities.For(vendor, model).ResultLifetime is { } lifetime)
        {
            Assert.InRange(images[0].ExpiresAt!.Value - DateTimeOffset.UtcNow, lifetime - TimeSpan.FromMinutes(1), lifetime);
        }
    }

    [Fact]
    public async Task EvoLink_reports_progress_while_running()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(3) });
        var reports = new List<ImageEditProgress>();

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync(new SyncProgress<ImageEditProgress>(reports.Add));

        Assert.Contains(reports, r => r.Status == ImageEditStatus.Running && r.PercentComplete is > 0 and < 100);
        Assert.Equal(new[] { ImageEditStatus.Queued, ImageEditStatus.Running, ImageEditStatus.Succeeded }, reports.Select(r => r.Status).Distinct());
    }

    [Theory]
    [MemberData(nameof(Cases.UploadingVendors), MemberType = typeof(Cases))]
    public async Task Local_images_are_uploaded_through_the_vendor_file_api_first(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));
        var request = new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(png, "image/png", "input.png")] };

        var images = await rig.Client.EditAsync(request);

        Assert.Single(images);
        Assert.Equal(1, rig.Count(FakeRoute.Upload));
        Assert.Empty(rig.Fake.Violations);
        // The create names the URL the upload returned, on the fake's own host.
        Assert.Contains(rig.Fake.BaseAddress.Authority, rig.Fake.Tasks.Single().RequestJson);
    }

    [Theory]
    [InlineData(ImageEditVendor.EvoLink, "content_policy_violation", "The image violates the content policy", ImageEditErrorKind.ContentPolicy)]
    [InlineData(ImageEditVendor.EvoLink, "quota_exceeded", "Out of credits", ImageEditErrorKind.InsufficientQuota)]
    [InlineData(ImageEditVendor.ModelsLab, "error", "NSFW content detected", ImageEditErrorKind.ContentPolicy)]
    [InlineData(ImageEditVendor.Apikley, "501", "Generation failed", ImageEditErrorKind.VendorError)]
    public async Task A_failed_task_ends_in_a_typed_failure(ImageEditVendor vendor, string code, string message, ImageEditErrorKind kind)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        rig.Fake.FailNextTask(code, message);

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(ImageEditStatus.Failed, operation.Status);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(kind, operation.Failure!.Kind);
        Assert.Contains(message, operation.Failure.Message);
        Assert.Equal(operation.Id, error.OperationId);
        Assert.Empty(operation.Images);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task An_operation_resumes_from_its_id_in_a_new_client(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        var id = (await rig.Client.StartEditAsync(Cases.Request())).Id;

        using var http = VendorRig.Transport();
        var other = new QwenImageEditClient(vendor, http, rig.Options);
        var resumed = other.ResumeOperation(id);
        Assert.Equal(ImageEditStatus.Unknown, resumed.Status);
        var images = await resumed.WaitForCompletionAsync();

        Assert.Equal(id, resumed.Id);
        Assert.Single(images);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
    }

    [Fact]
    public async Task A_task_that_never_ends_times_out_with_its_last_state()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000_000) }, o => o.Polling.Timeout = TimeSpan.FromMilliseconds(300));

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditTimeoutException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(ImageEditErrorKind.Timeout, error.Kind);
        Assert.Contains(operation.Id, error.Message);
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task Waiting_stops_when_the_caller_cancels()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000_000) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var operation = await rig.Client.StartEditAsync(Cases.Request());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitForCompletionAsync(null, cancellation.Token));
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error_that_never_shows_the_key()
    {
        const string WrongKey = "sk-live-wrong-0123456789";
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink, configure: o => o.ApiKey = WrongKey);

        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain(WrongKey, error.ToString());
        Assert.DoesNotContain(WrongKey, error.ResponseExcerpt ?? "");
        Assert.Empty(rig.Fake.Tasks);
    }

    [Fact]
    public async Task Saving_writes_the_png_to_a_file()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab);
        var images = await rig.Client.EditAsync(Cases.Request());
        var path = Path.Combine(Path.GetTempPath(), $"qwen-{Guid.NewGuid():N}.png");

        try
        {
            var saved = await images[0].SaveAsync(path);

            Assert.Equal(path, saved);
            Assert.True(Cases.IsPng(await File.ReadAllBytesAsync(path)));
            Assert.False(File.Exists(path + ".partial"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task The_in_memory_transport_runs_the_same_lifecycle(ImageEditVendor vendor)
    {
        await using var fake = VendorRig.CreateFake(vendor, null);
        using var http = fake.CreateHttpClient();
        var client = new QwenImageEditClient(vendor, http, VendorRig.PointAt(fake, new QwenImageEditVendorOptions
        {
            ApiKey = fake.ApiKey,
            Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
            Results = { Handler = fake.CreateHandler() }, // results come from the fake too, not from a network
        }));

        var images = await client.EditAsync(Cases.Request());

        Assert.True(Cases.IsPng(await Assert.Single(images).ReadAsync()));
        Assert.Equal("https", images[0].Uri.Scheme);
        Assert.Empty(fake.Violations);
    }

    /// <summary>Reports on the calling thread, so a test sees every report before the wait returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
