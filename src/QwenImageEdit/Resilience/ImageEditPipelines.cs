using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Retry;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// The facade's own resilience pipelines, per vendor: one around each create, one around each poll. With dependency
/// injection they live in Polly's registry under <see cref="QwenImageEditBuilder.CreatePipelineName"/> and
/// <see cref="QwenImageEditBuilder.PollPipelineName"/>, so Polly's telemetry reports them and a pipeline registered
/// under the same name (<c>services.AddResiliencePipeline(name, ...)</c>) replaces the facade's, whenever it is
/// registered. Whatever the create pipeline does, a create the vendor may have taken is never sent again
/// (<see cref="CreateAttempts"/> holds that rule inside the callback, not in the pipeline).
/// </summary>
internal static class ImageEditPipelines
{
    /// <summary>
    /// The facade's create retry: again only when the vendor provably did not take it and asking again can help (a
    /// 429, waiting at most <see cref="QwenImageEditVendorOptions.MaxRetryAfter"/>, or a refused connection). A 401 or a
    /// 400 is not taken either, but asking again gets the same answer.
    /// </summary>
    public static ResiliencePipelineBuilder AddCreateRetry(this ResiliencePipelineBuilder builder, ImageEditVendor vendor, QwenImageEditVendorOptions options, ILogger logger)
    {
        if (options.MaxCreateAttempts <= 1)
        {
            return builder;
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            Name = "CreateRetry",
            MaxRetryAttempts = options.MaxCreateAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Polling.FirstDelay,
            ShouldHandle = new PredicateBuilder()
                .Handle<ImageEditRateLimitedException>(e => e.RetryAfter is null || e.RetryAfter <= options.MaxRetryAfter)
                .Handle<ImageEditConnectionRefusedException>(),
            DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Exception is ImageEditRateLimitedException { RetryAfter: { } after } ? after : null),
            OnRetry = args =>
            {
                var error = args.Outcome.Exception as ImageEditException;
                Log.CreateRetry(logger, vendor, error?.Kind ?? ImageEditErrorKind.VendorError, args.RetryDelay, args.AttemptNumber + 1, error?.RequestId);
                return default;
            },
        });
    }

    /// <summary>Reading a task is idempotent, so any transient failure of a poll is retried.</summary>
    public static ResiliencePipelineBuilder AddPollRetry(this ResiliencePipelineBuilder builder, ImageEditVendor vendor, QwenImageEditVendorOptions options, ILogger logger)
    {
        if (options.Polling.TransientRetries <= 0)
        {
            return builder;
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            Name = "PollRetry",
            MaxRetryAttempts = options.Polling.TransientRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Polling.FirstDelay,
            // A limit, a redirect or a refused result is the answer's shape, not a passing failure: asking again gets it again.
            ShouldHandle = new PredicateBuilder().Handle<ImageEditException>(static e => e.Kind is ImageEditErrorKind.VendorError or ImageEditErrorKind.Timeout or ImageEditErrorKind.RateLimited
                && e is not (ImageEditLimitExceededException or ImageEditRedirectException or ImageEditResultRefusedException)),
            // A poll is retried whatever the server asks, but never waits longer than MaxRetryAfter for it.
            DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is ImageEditRateLimitedException { RetryAfter: { } after } ? after < options.MaxRetryAfter ? after : options.MaxRetryAfter : null),
            OnRetry = args =>
            {
                var error = args.Outcome.Exception as ImageEditException;
                Log.PollRetry(logger, vendor, error?.Kind ?? ImageEditErrorKind.VendorError, args.RetryDelay, args.AttemptNumber + 1, error?.RequestId);
                return default;
            },
        });
    }

    /// <summary>The two pipelines for a client built by hand: the facade's, on the client's clock, without Polly's telemetry (it needs a host's logger factory).</summary>
    public static (ResiliencePipeline Create, ResiliencePipeline Poll) Standalone(ImageEditVendor vendor, QwenImageEditVendorOptions options, ILogger logger, TimeProvider timeProvider)
        => (new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddCreateRetry(vendor, options, logger).Build(),
            new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddPollRetry(vendor, options, logger).Build());

    /// <summary>
    /// The pipelines a registered client uses: the one registered under the vendor's name if there is one, else the
    /// facade's, added to the registry (with the registry's telemetry, and rebuilt when the vendor's options change).
    /// </summary>
    public static (ResiliencePipeline Create, ResiliencePipeline Poll) FromRegistry(ResiliencePipelineRegistry<string> registry, ImageEditVendor vendor, IOptionsMonitor<QwenImageEditVendorOptions> options, ILogger logger)
    {
        var name = vendor.ToString();
        return (Resolve(registry, QwenImageEditBuilder.CreatePipelineName(vendor), (builder, context) =>
            {
                context.EnableReloads(options, name);
                builder.AddCreateRetry(vendor, options.Get(name), logger);
            }),
            Resolve(registry, QwenImageEditBuilder.PollPipelineName(vendor), (builder, context) =>
            {
                context.EnableReloads(options, name);
                builder.AddPollRetry(vendor, options.Get(name), logger);
            }));
    }

    private static ResiliencePipeline Resolve(ResiliencePipelineRegistry<string> registry, string name, Action<ResiliencePipelineBuilder, ConfigureBuilderContext<string>> facade)
        => registry.TryGetPipeline(name, out var registered) ? registered : registry.GetOrAddPipeline(name, facade);
}
