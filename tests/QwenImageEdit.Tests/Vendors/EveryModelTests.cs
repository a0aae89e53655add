using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// The lifecycle's ends for every vendor and model of the capability table, over loopback against its fake: a failure
/// the vendor reports, a cancel where the vendor has one, a timeout, and a resume (or, at a synchronous vendor, the
/// reason there is none). Success for every model is <see cref="LifecycleTests"/>' first theory; refused options are
/// <c>CapabilityTests</c>.
/// </summary>
public sealed class EveryModelTests
{
    public static TheoryData<ImageEditVendor, string> Models() => Cases.VendorModels();

    public static TheoryData<ImageEditVendor, string> CancellingModels() => Where(static c => c.RemoteCancel);

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_failure_the_vendor_reports_is_a_typed_failure_with_its_message(ImageEditVendor vendor, string model)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        rig.Fake.FailNextTask(FailureCode(vendor), "The model crashed.");

        if (ImageEditCapabilities.For(vendor, model).Synchronous)
        {
            // The answer is the failure: there is no task to wait for.
            var refused = await Assert.ThrowsAnyAsync<ImageEditException>(() => rig.Client.StartEditAsync(Cases.Request(model)));
            Assert.Contains("The model crashed.", refused.Message, StringComparison.Ordinal);
            return;
        }

        var operation = await rig.Client.StartEditAsync(Cases.Request(model));
        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang));

        Assert.Equal(ImageEditStatus.Failed, operation.Status);
        Assert.Equal(operation.Id, error.OperationId);
        Assert.Contains("The model crashed.", operation.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(operation.Images);
        Assert.Empty(rig.Fake.Violations);
    }

    [Theory]
    [MemberData(nameof(CancellingModels))]
    public async Task A_running_task_cancelled_at_the_vendor_ends_cancelled(ImageEditVendor vendor, string model)
    {
        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000) });
        var operation = await rig.Client.StartEditAsync(Cases.Request(model));

        Assert.Equal(ImageEditStatus.Cancelled, await operation.CancelAsync());

        Assert.Equal(FakeTaskState.Cancelled, rig.Fake.Tasks.Single().State);
        Assert.Equal(model, rig.Fake.Tasks.Single().Model);
        Assert.Empty(rig.Fake.Violations);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task An_edit_that_does_not_end_in_time_is_a_timeout(ImageEditVendor vendor, string model)
    {
        if (ImageEditCapabilities.For(vendor, model).Synchronous)
        {
            // The edit is the request: its deadline is RequestTimeout.
            await using var sync = await VendorRig.StartAsync(vendor, configure: static o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
            sync.Fake.Faults.Enqueue(FakeRoute.Create, Fault.Delay(TimeSpan.FromMinutes(5)));

            await Assert.ThrowsAsync<ImageEditTimeoutException>(() => sync.Client.StartEditAsync(Cases.Request(model)).WaitAsync(Bounds.Hang));
            return;
        }

        await using var rig = await VendorRig.StartAsync(vendor, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000_000) }, static o => o.Polling.Timeout = TimeSpan.FromMilliseconds(300));
        var operation = await rig.Client.StartEditAsync(Cases.Request(model));

        var error = await Assert.ThrowsAsync<ImageEditTimeoutException>(() => operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang));

        Assert.Contains(operation.Id, error.Message, StringComparison.Ordinal);
        Assert.False(operation.HasCompleted);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task An_edit_resumes_by_its_id_in_another_client_or_says_why_it_cannot(ImageEditVendor vendor, string model)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        var id = (await rig.Client.StartEditAsync(Cases.Request(model))).Id;
        using var http = VendorRig.Transport();
        var other = new QwenImageEditClient(vendor, http, rig.Options);

        if (ImageEditCapabilities.For(vendor, model).Synchronous)
        {
            var refused = Assert.Throws<ImageEditValidationException>(() => other.ResumeOperation(id, model));
            Assert.Contains("synchronously", refused.Message, StringComparison.Ordinal);
            return;
        }

        var resumed = other.ResumeOperation(id, model);
        var images = await resumed.WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        Assert.Equal(model, resumed.Model);
        Assert.Single(images);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
    }

    /// <summary>A failure code each fake knows (Apikley's are numbers; DashScope's are its own words).</summary>
    private static string FailureCode(ImageEditVendor vendor) => vendor switch
    {
        ImageEditVendor.Apikley => "501",
        ImageEditVendor.DashScope => "InternalError",
        _ => "internal_error",
    };

    private static TheoryData<ImageEditVendor, string> Where(Func<ImageEditCapabilities, bool> filter)
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var c in ImageEditCapabilities.All.Where(filter))
        {
            data.Add(c.Vendor, c.Model);
        }

        return data;
    }
}
