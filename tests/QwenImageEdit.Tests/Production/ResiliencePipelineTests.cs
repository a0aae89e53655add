using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Telemetry;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// The facade's own create and poll pipelines, registered: observable through Polly's telemetry, replaceable by name,
/// and unable to send a create twice whatever they are replaced with.
/// </summary>
public sealed class ResiliencePipelineTests
{
    private const ImageEditVendor Vendor = ImageEditVendor.EvoLink;

    [Fact]
    public async Task The_facade_pipelines_are_in_the_registry_under_their_names_and_report_to_Polly_telemetry()
    {
        var listener = new Listener();
        await using var rig = await HostedRig.StartAsync(Vendor, services: s => s.Configure<TelemetryOptions>(o => o.TelemetryListeners.Add(listener)));
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero));
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(503));

        await rig.Client().EditAsync(Cases.Request());

        var registry = rig.Provider.GetRequiredService<ResiliencePipelineProvider<string>>();
        Assert.True(registry.TryGetPipeline(QwenImageEditBuilder.CreatePipelineName(Vendor), out _));
        Assert.True(registry.TryGetPipeline(QwenImageEditBuilder.PollPipelineName(Vendor), out _));
        Assert.Contains(listener.Events, e => e is ("QwenImageEdit.EvoLink.Create", "OnRetry", "CreateRetry"));
        Assert.Contains(listener.Events, e => e is ("QwenImageEdit.EvoLink.Poll", "OnRetry", "PollRetry"));

        // Polly logs its events through the host's logger too.
        Assert.Contains(rig.Logs.Events, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Message.Contains("QwenImageEdit.EvoLink.Create", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_create_pipeline_registered_by_name_replaces_the_facades_yet_cannot_send_a_taken_create_twice(bool registeredFirst)
    {
        var attempts = 0;
        void Register(IServiceCollection services) => services.AddResiliencePipeline(QwenImageEditBuilder.CreatePipelineName(Vendor), builder => builder.AddRetry(new RetryStrategyOptions
        {
            // Everything, five times: the pipeline a careless user would write.
            ShouldHandle = new PredicateBuilder().Handle<Exception>(),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(1),
            OnRetry = _ =>
            {
                Interlocked.Increment(ref attempts);
                return default;
            },
        }));

        await using var rig = await HostedRig.StartAsync(
            [Vendor],
            services: registeredFirst ? Register : null,
            facade: builder =>
            {
                if (!registeredFirst)
                {
                    Register(builder.Services);
                }

                return builder;
            });
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetAfterProcessing());

        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client().StartEditAsync(Cases.Request()));

        Assert.Equal(5, attempts); // the user's pipeline ran, and retried
        Assert.Equal(1, rig.Count(Vendor, FakeRoute.Create)); // but only the first attempt was sent
        Assert.Single(rig.Fake.Tasks);
        Assert.False(error.ProvablyNotAccepted);
    }

    [Fact]
    public async Task A_create_pipeline_registered_by_name_resends_what_the_vendor_refused()
    {
        await using var rig = await HostedRig.StartAsync(Vendor, services: s => s.AddResiliencePipeline(QwenImageEditBuilder.CreatePipelineName(Vendor), builder => builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ImageEditException>(static e => e.ProvablyNotAccepted),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(1),
        })));
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ServerError(503));

        // A 503 may follow an accepted task: not resent, whatever ShouldHandle says, and not marked as not taken.
        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client().StartEditAsync(Cases.Request()));
        Assert.False(error.ProvablyNotAccepted);
        Assert.Equal(1, rig.Count(Vendor, FakeRoute.Create));

        // A 429 (asking for an hour, longer than the facade waits) is a refusal: the user's pipeline may send it again.
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.FromHours(1)));
        var operation = await rig.Client().StartEditAsync(Cases.Request());
        Assert.Equal(3, rig.Count(Vendor, FakeRoute.Create));
        Assert.Single(rig.Fake.Tasks);
        Assert.Equal(rig.Fake.Tasks.Single().Id, operation.Id);
    }

    [Fact]
    public async Task A_timeout_in_a_create_pipeline_is_a_timeout_that_says_the_task_may_exist()
    {
        // The pipeline's timeout runs on a clock the test moves (Polly takes the host's TimeProvider), and the fake holds
        // the create on a clock nobody moves: the timeout fires when, and only when, the test says so.
        var time = new FakeTimeProvider();
        await using var rig = await HostedRig.StartAsync(
            Vendor,
            services: s => s.AddSingleton<TimeProvider>(time).AddResiliencePipeline(QwenImageEditBuilder.CreatePipelineName(Vendor), builder => builder
                .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<Exception>(), MaxRetryAttempts = 2, Delay = TimeSpan.Zero })
                .AddTimeout(TimeSpan.FromSeconds(30))),
            fakeOptions: new FakeVendorOptions { TimeProvider = new FakeTimeProvider() });
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.Delay(TimeSpan.FromHours(1)));

        var edit = rig.Client().StartEditAsync(Cases.Request());
        await Until(() => rig.Count(Vendor, FakeRoute.Create) == 1);
        Assert.False(edit.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<ImageEditTimeoutException>(() => edit.WaitAsync(Bounds.Hang));

        // The create reached the vendor before it timed out: it may exist, so the retry did not send it again.
        Assert.False(error.ProvablyNotAccepted);
        Assert.Equal(1, rig.Count(Vendor, FakeRoute.Create));
    }

    /// <summary>Waits for something the test cannot await directly (a request reaching the fake), within <see cref="Bounds.Hang"/>.</summary>
    private static async Task Until(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(Bounds.Hang);
        while (!condition())
        {
            await Task.Delay(10, bound.Token);
        }
    }

    [Fact]
    public async Task A_create_the_pipeline_refused_to_send_provably_was_not_taken()
    {
        var circuit = new CircuitBreakerManualControl();
        await using var rig = await HostedRig.StartAsync(Vendor, services: s => s.AddResiliencePipeline(QwenImageEditBuilder.CreatePipelineName(Vendor), builder => builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions { ManualControl = circuit })));
        await circuit.IsolateAsync();

        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client().StartEditAsync(Cases.Request()));

        Assert.True(error.ProvablyNotAccepted);
        Assert.IsType<IsolatedCircuitException>(error.InnerException);
        Assert.Equal(0, rig.Count(Vendor, FakeRoute.Create));
    }

    [Fact]
    public async Task The_poll_pipeline_can_be_replaced_by_name()
    {
        // Without retries: a 503 on a poll reaches the caller, where the facade's pipeline would have retried it.
        await using var rig = await HostedRig.StartAsync(Vendor, services: s => s.AddResiliencePipeline(QwenImageEditBuilder.PollPipelineName(Vendor), static _ => { }));
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(503));

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, rig.Count(Vendor, FakeRoute.Poll));
    }

    private sealed class Listener : TelemetryListener
    {
        public ConcurrentQueue<(string? Pipeline, string Event, string? Strategy)> Events { get; } = new();

        public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
            => Events.Enqueue((args.Source.PipelineName, args.Event.EventName, args.Source.StrategyName));
    }
}
