using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>What an operation shares with the client that made it: the vendor, the transport, and the poll policy.</summary>
internal sealed class OperationContext(IVendorAdapter adapter, HttpClient httpClient, QwenImageEditVendorOptions options, TimeProvider timeProvider, ILogger logger, ResiliencePipeline pollPipeline)
{
    public IVendorAdapter Adapter { get; } = adapter;

    public HttpClient HttpClient { get; } = httpClient;

    public QwenImageEditVendorOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;

    public ImageEditCapabilities Capabilities(string model) => ImageEditCapabilities.For(Adapter.Vendor, model);

    public async Task<VendorTaskState> PollAsync(string id, string model, CancellationToken cancellationToken)
        => await pollPipeline.ExecuteAsync(
            static async (state, token) => await state.Adapter.GetAsync(state.id, state.model, token).ConfigureAwait(false),
            (Adapter, id, model),
            cancellationToken).ConfigureAwait(false);
}
