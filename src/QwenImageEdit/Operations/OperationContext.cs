using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>What an operation shares with the client that made it: the vendor, the transports, the poll policy and the telemetry.</summary>
internal sealed class OperationContext(IVendorAdapter adapter, ResultDownloader downloader, QwenImageEditVendorOptions options, TimeProvider timeProvider, ILogger logger, ResiliencePipeline pollPipeline, Telemetry telemetry)
{
    public IVendorAdapter Adapter { get; } = adapter;

    /// <summary>Where result images are fetched through (never the vendor's HttpClient).</summary>
    public ResultDownloader Downloader { get; } = downloader;

    public QwenImageEditVendorOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;

    public Telemetry Telemetry { get; } = telemetry;

    public ImageEditCapabilities Capabilities(string model) => ImageEditCapabilities.For(Adapter.Vendor, model);

    /// <summary>
    /// Reads the task once (transient failures retried, each read its own <c>poll_task</c> span) and holds the answer
    /// to what was asked. <paramref name="onRead"/> counts the reads sent.
    /// </summary>
    public async Task<VendorTaskState> PollAsync(string id, string model, Action onRead, CancellationToken cancellationToken)
    {
        try
        {
            return await pollPipeline.ExecuteAsync(
                static async (state, token) =>
                {
                    state.onRead();
                    return await state.context.Telemetry.TaskStepAsync(
                        ImageEditStep.Poll,
                        state.model,
                        state.id,
                        async () => AnswerChecks.Check(state.context.Adapter.Vendor, await state.context.Adapter.GetAsync(state.id, state.model, token).ConfigureAwait(false), state.id, "answer to a task read")).ConfigureAwait(false);
                },
                (context: this, id, model, onRead),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException error)
        {
            // A poll pipeline configured by name may hold a timeout of its own.
            throw new ImageEditTimeoutException(Adapter.Vendor, $"{Adapter.Vendor} did not answer a task read within the poll pipeline's timeout.", error);
        }
        catch (ExecutionRejectedException error)
        {
            throw new ImageEditVendorException(Adapter.Vendor, $"The task read was not sent to {Adapter.Vendor}: the poll pipeline refused it ({error.Message}).", innerException: error);
        }
    }
}
