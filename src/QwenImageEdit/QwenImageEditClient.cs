using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// Qwen image edits at one vendor: submit an edit as a long-running <see cref="ImageEditOperation"/>, resume one by
/// its id, or edit and wait in one call. Every request is checked against the vendor's
/// <see cref="ImageEditCapabilities"/> and the generated model's <c>Validate()</c> before anything is sent.
/// </summary>
/// <remarks>
/// For one API over several vendors, register them with <c>services.AddQwenImageEdit()</c> and resolve this type (or
/// MEAI's <c>IImageGenerator</c>) by vendor key. Members are virtual so tests can mock them.
/// </remarks>
public class QwenImageEditClient
{
    private readonly IVendorAdapter _adapter;
    private readonly HttpClient _httpClient;
    private readonly QwenImageEditVendorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _createPipeline;
    private readonly OperationContext _context;

    /// <summary>Creates a client for <paramref name="vendor"/> that sends through <paramref name="httpClient"/>, whose life its owner manages.</summary>
    public QwenImageEditClient(ImageEditVendor vendor, HttpClient httpClient, QwenImageEditVendorOptions options, ILogger<QwenImageEditClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _adapter = vendor switch
        {
            ImageEditVendor.EvoLink => new EvoLinkAdapter(httpClient, options),
            ImageEditVendor.ModelsLab => new ModelsLabAdapter(httpClient, options),
            ImageEditVendor.Apikley => new ApikleyAdapter(httpClient, options),
            _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Unknown vendor."),
        };
        _createPipeline = CreatePipeline();
        _context = new OperationContext(_adapter, httpClient, options, _timeProvider, _logger, PollPipeline());
    }

    /// <summary>For mocking only.</summary>
    protected QwenImageEditClient()
    {
        _adapter = null!;
        _httpClient = null!;
        _options = null!;
        _timeProvider = TimeProvider.System;
        _logger = NullLogger.Instance;
        _createPipeline = ResiliencePipeline.Empty;
        _context = null!;
    }

    /// <summary>The vendor this client sends to.</summary>
    public virtual ImageEditVendor Vendor => _adapter.Vendor;

    /// <summary>What each of this vendor's models can do, its default model first.</summary>
    public virtual IReadOnlyList<ImageEditCapabilities> Capabilities => ImageEditCapabilities.All.Where(c => c.Vendor == Vendor).ToArray();

    /// <summary>The model a request without one uses.</summary>
    public virtual string DefaultModel => _options.DefaultModel ?? Capabilities[0].Model;

    /// <summary>
    /// Submits an edit and returns at once. Local images are uploaded through the vendor's file API first.
    /// </summary>
    /// <exception cref="ImageEditValidationException">The request is invalid for this vendor; nothing was sent.</exception>
    /// <exception cref="ImageEditException">The vendor refused or failed the request.</exception>
    public virtual async Task<ImageEditOperation> StartEditAsync(ImageEditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = ImageEditCapabilities.For(Vendor, request.Model ?? DefaultModel);
        var errors = RequestRules.Check(request, capabilities);
        var images = request.Images ?? [];

        // Local bytes are read and checked before anything is sent, so a bad file costs no upload.
        var local = new Dictionary<int, ReadOnlyMemory<byte>>();
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i] is { IsLocal: true } image)
            {
                var bytes = await image.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (bytes.Length == 0)
                {
                    errors.Add(new ImageEditValidationError($"Images[{i}]", "The image is empty."));
                }
                else if (capabilities.MaxInputImageBytes is { } max && bytes.Length > max)
                {
                    errors.Add(new ImageEditValidationError($"Images[{i}]", $"{Vendor} takes images of at most {max / (1024 * 1024)} MB; this one has {bytes.Length / (1024.0 * 1024):0.0} MB."));
                }

                local[i] = bytes;
            }
        }

        // The vendor's own schema, checked with stand-in URLs for images not uploaded yet.
        var standIns = images.Select((image, i) => image?.Url ?? new Uri($"https://upload.invalid/{i}")).ToArray();
        _ = _adapter.Prepare(request, capabilities, standIns, errors);
        if (errors.Count > 0)
        {
            throw new ImageEditValidationException(Vendor, errors);
        }

        var urls = standIns.ToArray();
        foreach (var (index, bytes) in local)
        {
            var image = images[index];
            var fileName = image.FileName ?? $"image-{index}{MediaTypes.Extension(image.MediaType!)}";
            urls[index] = await _adapter.UploadAsync(bytes, image.MediaType!, fileName, cancellationToken).ConfigureAwait(false);
            Log.Uploaded(_logger, Vendor, index);
        }

        var send = _adapter.Prepare(request, capabilities, urls, errors);
        if (errors.Count > 0)
        {
            throw new ImageEditValidationException(Vendor, errors);
        }

        var state = await _createPipeline.ExecuteAsync(static async (send, token) => await send(token).ConfigureAwait(false), send, cancellationToken).ConfigureAwait(false);
        Log.Submitted(_logger, Vendor, capabilities.Model, state.Id);
        return new ImageEditOperation(_context, capabilities.Model, state, state.Id);
    }

    /// <summary>Submits an edit and waits for its images.</summary>
    /// <exception cref="ImageEditValidationException">The request is invalid for this vendor; nothing was sent.</exception>
    /// <exception cref="ImageEditFailedException">The vendor ended the task without images.</exception>
    /// <exception cref="ImageEditException">The vendor refused or failed the request, or it did not end in time.</exception>
    public virtual async Task<IReadOnlyList<ImageEditResult>> EditAsync(ImageEditRequest request, IProgress<ImageEditProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var operation = await StartEditAsync(request, cancellationToken).ConfigureAwait(false);
        return await operation.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An operation submitted earlier (by this process or another), by its vendor id. Its status is
    /// <see cref="ImageEditStatus.Unknown"/> until <see cref="ImageEditOperation.UpdateAsync"/> or a callback says more.
    /// </summary>
    /// <param name="id">The vendor's task id, as <see cref="ImageEditOperation.Id"/> gave it.</param>
    /// <param name="model">The model it runs on; null for the default (it matters only for capabilities such as result lifetime).</param>
    public virtual ImageEditOperation ResumeOperation(string id, string? model = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var capabilities = ImageEditCapabilities.For(Vendor, model ?? DefaultModel);
        return new ImageEditOperation(_context, capabilities.Model, null, id);
    }

    /// <summary>Resumes an operation by id and reads its current state.</summary>
    public virtual async Task<ImageEditOperation> GetOperationAsync(string id, string? model = null, CancellationToken cancellationToken = default)
    {
        var operation = ResumeOperation(id, model);
        await operation.UpdateAsync(cancellationToken).ConfigureAwait(false);
        return operation;
    }

    /// <summary>Resumes the operation a callback reports on, with the callback's state.</summary>
    public virtual ImageEditOperation ResumeOperation(ImageEditCallback callback, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var operation = ResumeOperation(callback.OperationId, model);
        operation.Apply(callback);
        return operation;
    }

    /// <summary>
    /// A create is sent again only when the vendor provably did not take it: a 429 (it answered, and refused) or a
    /// refused connection (it never heard). Timeouts, resets and 5xx may follow an accepted task: sending again could
    /// bill twice, so those reach the caller.
    /// </summary>
    private ResiliencePipeline CreatePipeline()
    {
        if (_options.MaxCreateAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxCreateAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.Polling.FirstDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<ImageEditRateLimitedException>(e => e.RetryAfter is null || e.RetryAfter <= _options.MaxRetryAfter)
                    .Handle<ImageEditConnectionRefusedException>(),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Exception is ImageEditRateLimitedException { RetryAfter: { } after } ? after : null),
                OnRetry = args =>
                {
                    Log.CreateRetry(_logger, Vendor, (args.Outcome.Exception as ImageEditException)?.Kind ?? ImageEditErrorKind.VendorError, args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Reading a task is idempotent, so any transient failure of a poll is retried.</summary>
    private ResiliencePipeline PollPipeline()
    {
        if (_options.Polling.TransientRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.Polling.TransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.Polling.FirstDelay,
                ShouldHandle = new PredicateBuilder().Handle<ImageEditException>(static e => e.Kind is ImageEditErrorKind.VendorError or ImageEditErrorKind.Timeout or ImageEditErrorKind.RateLimited),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Exception is ImageEditRateLimitedException { RetryAfter: { } after } ? after : null),
                OnRetry = args =>
                {
                    Log.PollRetry(_logger, Vendor, (args.Outcome.Exception as ImageEditException)?.Kind ?? ImageEditErrorKind.VendorError, args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
    }
}
