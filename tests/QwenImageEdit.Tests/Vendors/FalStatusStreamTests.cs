using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// fal.ai's status stream read as it arrives, over loopback against the fake: a status reaches the caller while the
/// stream is held open (the fake's <see cref="FakeFal.StreamHold"/>: a buffered read would see nothing until the hold
/// ends), a stream that outlives <see cref="QwenImageEditVendorOptions.RequestTimeout"/> is not cut by it, and one that
/// stalls ends at <see cref="QwenImageEditVendorOptions.StatusStreamIdleTimeout"/> with polling taking over.
/// </summary>
public sealed class FalStatusStreamTests
{
    [Fact]
    public async Task A_status_reaches_the_caller_while_the_stream_is_still_open()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(3) });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ((FakeFal)rig.Fake).StreamHold = release.Task;
        var streamed = new TaskCompletionSource<ImageEditProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reports = 0;
        var operation = await rig.Client.StartEditAsync(Cases.Request());

        // The first report is the state the create gave; the next can only come from the stream's first event.
        var waiting = operation.WaitForCompletionAsync(new SyncProgress<ImageEditProgress>(p =>
        {
            if (Interlocked.Increment(ref reports) == 2)
            {
                streamed.TrySetResult(p);
            }
        }));
        var status = await streamed.Task.WaitAsync(Bounds.Hang);

        // The fake is still holding the stream open after that event: the status came while it went on.
        Assert.False(release.Task.IsCompleted);
        Assert.False(waiting.IsCompleted);
        Assert.NotNull(status.RawStatus);
        Assert.Single(rig.Fake.Requests, IsStream);

        release.SetResult();
        var images = await waiting.WaitAsync(Bounds.Hang);

        Assert.Single(images);
        Assert.Single(rig.Fake.Requests, IsStream);
        Assert.DoesNotContain(rig.Fake.Requests, IsStatusPoll);
        Assert.Empty(rig.Fake.Violations);
    }

    [Fact]
    public async Task A_healthy_stream_longer_than_the_request_timeout_is_not_cut_by_it()
    {
        var requestTimeout = TimeSpan.FromSeconds(2);
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(3) }, o => o.RequestTimeout = requestTimeout);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ((FakeFal)rig.Fake).StreamHold = release.Task;
        var streamed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reports = 0;
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var waiting = operation.WaitForCompletionAsync(new SyncProgress<ImageEditProgress>(_ =>
        {
            if (Interlocked.Increment(ref reports) == 2)
            {
                streamed.TrySetResult();
            }
        }));
        await streamed.Task.WaitAsync(Bounds.Hang);

        // The stream stays open twice the request's deadline (quiet, but within the idle timeout) before it goes on.
        await Task.Delay(requestTimeout * 2);
        Assert.False(waiting.IsCompleted);
        release.SetResult();
        var images = await waiting.WaitAsync(Bounds.Hang);

        Assert.Single(images);
        Assert.Single(rig.Fake.Requests, IsStream);
        Assert.DoesNotContain(rig.Fake.Requests, IsStatusPoll);
    }

    [Fact]
    public async Task A_stalled_stream_ends_in_a_timeout_and_polling_ends_the_edit()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Fal, new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(3) }, o => o.StatusStreamIdleTimeout = TimeSpan.FromMilliseconds(300));
        ((FakeFal)rig.Fake).StreamHold = new TaskCompletionSource().Task; // never released: the stream goes silent after its first event
        using var logs = new MemoryLogger();
        var client = new QwenImageEditClient(ImageEditVendor.Fal, rig.Http, rig.Options, logs.For<QwenImageEditClient>());

        var images = await (await client.StartEditAsync(Cases.Request())).WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        // One opening, not opened again after a stall; the polls did the rest.
        Assert.Single(images);
        Assert.Single(rig.Fake.Requests, IsStream);
        Assert.Contains(rig.Fake.Requests, IsStatusPoll);
        Assert.Contains(logs.Messages, static m => m.Contains("status stream", StringComparison.Ordinal) && m.Contains($"({ImageEditErrorKind.Timeout})", StringComparison.Ordinal));
    }

    private static bool IsStream(RecordedRequest request) => request.Path.EndsWith("/status/stream", StringComparison.Ordinal);

    private static bool IsStatusPoll(RecordedRequest request) => request.Path.EndsWith("/status", StringComparison.Ordinal);

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
