using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>What an operation shares with the client that made it: the vendor, the transports, and the poll policy.</summary>
internal sealed class OperationContext(IVendorAdapter adapter, ResultDownloader downloader, QwenImageEditVendorOptions options, TimeProvider timeProvider, ILogger logger, ResiliencePipeline pollPipeline)
{
    public IVendorAdapter Adapter { get; } = adapter;

    /// <summary>Where result images are fetched through (never the vendor's HttpClient).</summary>
    public ResultDownloader Downloader { get; } = downloader;

    public QwenImageEditVendorOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;

    public ImageEditCapabilities Capabilities(string model) => ImageEditCapabilities.For(Adapter.Vendor, model);

    /// <summary>Reads the task once (transient failures retried) and holds the answer to what was asked.</summary>
    public async Task<VendorTaskState> PollAsync(string id, string model, CancellationToken cancellationToken)
        => await pollPipeline.ExecuteAsync(
            static async (state, token) => AnswerChecks.Check(state.Adapter.Vendor, await state.Adapter.GetAsync(state.id, state.model, token).ConfigureAwait(false), state.id, "answer to a task read"),
            (Adapter, id, model),
            cancellationToken).ConfigureAwait(false);
}
