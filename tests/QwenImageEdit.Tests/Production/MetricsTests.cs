using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// The facade's metrics, read with <see cref="MetricCollector{T}"/> from the host's <see cref="IMeterFactory"/> (so each
/// test sees only its own rig's measurements): operation duration, time to first result, polls, failures by step and
/// kind, bytes downloaded.
/// </summary>
public sealed class MetricsTests
{
    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_succeeded_edit_records_its_duration_time_to_first_result_and_polls_and_no_failure(ImageEditVendor vendor)
    {
        await using var rig = await HostedRig.StartAsync(vendor, services: static s => s.AddMetrics());
        using var metrics = new Metrics(rig);

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        await operation.WaitForCompletionAsync();

        var duration = Assert.Single(metrics.Duration.GetMeasurementSnapshot());
        Assert.Equal("generate_content", duration.Tags["gen_ai.operation.name"]);
        Assert.Equal(vendor.ToString().ToLowerInvariant(), duration.Tags["gen_ai.provider.name"]);
        Assert.Equal(operation.Model, duration.Tags["gen_ai.request.model"]);
        Assert.Equal(rig.Fake.BaseAddress.Host, duration.Tags["server.address"]);
        Assert.Equal(rig.Fake.BaseAddress.Port, duration.Tags["server.port"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.True(duration.Value >= 0);

        // Every vendor delivers an edit's images at once: the first result is known when the edit ends.
        var first = Assert.Single(metrics.TimeToFirstResult.GetMeasurementSnapshot());
        Assert.Equal(duration.Value, first.Value);
        Assert.Equal(operation.Model, first.Tags["gen_ai.request.model"]);

        // A read is a poll or an opening of the status stream (fal's, which then reads the result: one request more);
        // DashScope's create answers with the images, so it reads nothing.
        var polls = Assert.Single(metrics.Polls.GetMeasurementSnapshot());
        Assert.Equal(rig.Count(vendor, FakeRoute.Poll) - (Cases.ReadsToConfirm(vendor) - 1), polls.Value);
        Assert.Equal(!ImageEditCapabilities.For(vendor).Synchronous, polls.Value >= 1);
        Assert.Empty(metrics.Failures.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_create_the_facade_retried_counts_as_a_failure_of_the_create_step_and_the_edit_still_succeeds()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, services: static s => s.AddMetrics());
        using var metrics = new Metrics(rig);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero));

        await rig.Client().EditAsync(Cases.Request());

        var failure = Assert.Single(metrics.Failures.GetMeasurementSnapshot());
        Assert.Equal(1, failure.Value);
        Assert.Equal("create", failure.Tags["qwen_image_edit.step"]);
        Assert.Equal("rate_limited", failure.Tags["error.type"]);
        Assert.Equal("evolink", failure.Tags["gen_ai.provider.name"]);
        Assert.False(Assert.Single(metrics.Duration.GetMeasurementSnapshot()).Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task A_refused_create_is_a_failed_operation_with_its_kind_and_no_polls()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.ModelsLab, services: static s => s.AddMetrics(), configure: static o => o.ApiKey = "wrong-key");
        using var metrics = new Metrics(rig);

        await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client().EditAsync(Cases.Request()));

        Assert.Equal("authentication", Assert.Single(metrics.Duration.GetMeasurementSnapshot()).Tags["error.type"]);
        Assert.Equal(0, Assert.Single(metrics.Polls.GetMeasurementSnapshot()).Value);
        Assert.Empty(metrics.TimeToFirstResult.GetMeasurementSnapshot());
        var failure = Assert.Single(metrics.Failures.GetMeasurementSnapshot());
        Assert.Equal("create", failure.Tags["qwen_image_edit.step"]);
        Assert.Equal("authentication", failure.Tags["error.type"]);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_task_the_vendor_failed_is_a_failed_operation_and_a_failure_of_the_task_step(ImageEditVendor vendor)
    {
        await using var rig = await HostedRig.StartAsync(vendor, services: static s => s.AddMetrics());
        using var metrics = new Metrics(rig);
        rig.Fake.FailNextTask(vendor == ImageEditVendor.Apikley ? "501" : "internal_error", "The model crashed.");

        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => rig.Client().EditAsync(Cases.Request()));

        var kind = Telemetry.Snake(error.Failure.Kind.ToString());
        Assert.Equal(kind, Assert.Single(metrics.Duration.GetMeasurementSnapshot()).Tags["error.type"]);
        Assert.Empty(metrics.TimeToFirstResult.GetMeasurementSnapshot());
        var failure = Assert.Single(metrics.Failures.GetMeasurementSnapshot());
        Assert.Equal("task", failure.Tags["qwen_image_edit.step"]);
        Assert.Equal(kind, failure.Tags["error.type"]);
    }

    [Theory]
    [MemberData(nameof(Cases.VendorsWithRemoteCancel), MemberType = typeof(Cases))]
    public async Task A_task_cancelled_at_the_callers_request_is_a_cancelled_operation_but_no_failure(ImageEditVendor vendor)
    {
        await using var rig = await HostedRig.StartAsync(vendor, services: static s => s.AddMetrics(), fakeOptions: new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000) });
        using var metrics = new Metrics(rig);
        var operation = await rig.Client().StartEditAsync(Cases.Request());

        Assert.Equal(ImageEditStatus.Cancelled, await operation.CancelAsync());

        Assert.Equal("cancelled", Assert.Single(metrics.Duration.GetMeasurementSnapshot()).Tags["error.type"]);
        Assert.Empty(metrics.Failures.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_status_stream_that_breaks_off_is_a_failure_of_the_watch_step_and_polling_ends_the_edit()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.Fal, services: static s => s.AddMetrics());
        using var metrics = new Metrics(rig);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(503));

        await rig.Client().EditAsync(Cases.Request());

        var failure = Assert.Single(metrics.Failures.GetMeasurementSnapshot());
        Assert.Equal("watch", failure.Tags["qwen_image_edit.step"]);
        Assert.Equal("vendor_error", failure.Tags["error.type"]);
        Assert.False(Assert.Single(metrics.Duration.GetMeasurementSnapshot()).Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task A_resumed_operation_records_its_polls_but_no_duration_it_did_not_see_start()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.Apikley, services: static s => s.AddMetrics());
        using var metrics = new Metrics(rig);
        var started = await rig.Client().StartEditAsync(Cases.Request());

        var resumed = rig.Client().ResumeOperation(started.Id);
        await resumed.WaitForCompletionAsync();

        Assert.Empty(metrics.Duration.GetMeasurementSnapshot());
        Assert.Empty(metrics.TimeToFirstResult.GetMeasurementSnapshot());
        Assert.Equal(rig.Count(ImageEditVendor.Apikley, FakeRoute.Poll), Assert.Single(metrics.Polls.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task Each_result_downloaded_records_its_bytes()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, services: static s => s.AddMetrics(), fakeOptions: new FakeVendorOptions { ResultImageSize = 96 });
        using var metrics = new Metrics(rig);

        var images = await rig.Client().EditAsync(Cases.Request());
        Assert.Empty(metrics.DownloadSize.GetMeasurementSnapshot());
        var bytes = await images[0].ReadAsync();

        var size = Assert.Single(metrics.DownloadSize.GetMeasurementSnapshot());
        Assert.Equal(bytes.Length, size.Value);
        Assert.Equal("qwen-image-edit", size.Tags["gen_ai.request.model"]);
    }

    [Fact]
    public async Task A_callers_cancellation_is_not_a_failure()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, services: static s => s.AddMetrics(), fakeOptions: new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000_000) });
        using var metrics = new Metrics(rig);
        var operation = await rig.Client().StartEditAsync(Cases.Request());
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitForCompletionAsync(new CancelAfterPolls(cancel, 2), cancel.Token));

        Assert.Empty(metrics.Failures.GetMeasurementSnapshot());
    }

    /// <summary>Cancels the wait once it has seen <paramref name="polls"/> answers, whatever they said.</summary>
    private sealed class CancelAfterPolls(CancellationTokenSource cancel, int polls) : IProgress<ImageEditProgress>
    {
        private int _seen;

        public void Report(ImageEditProgress value)
        {
            if (++_seen > polls)
            {
                cancel.Cancel();
            }
        }
    }

    /// <summary>A collector for each of the facade's instruments, scoped to one rig's meter factory.</summary>
    private sealed class Metrics : IDisposable
    {
        public Metrics(HostedRig rig)
        {
            var factory = rig.Provider.GetRequiredService<IMeterFactory>();
            Duration = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.OperationDuration);
            TimeToFirstResult = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.TimeToFirstResult);
            Polls = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.Polls);
            Failures = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.Failures);
            DownloadSize = new(factory, QwenImageEditTelemetry.MeterName, QwenImageEditTelemetry.DownloadSize);
        }

        public MetricCollector<double> Duration { get; }

        public MetricCollector<double> TimeToFirstResult { get; }

        public MetricCollector<int> Polls { get; }

        public MetricCollector<long> Failures { get; }

        public MetricCollector<long> DownloadSize { get; }

        public void Dispose()
        {
            Duration.Dispose();
            TimeToFirstResult.Dispose();
            Polls.Dispose();
            Failures.Dispose();
            DownloadSize.Dispose();
        }
    }
}
