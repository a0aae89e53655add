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
    // The vendors' adapters, as data: a vendor added is a row here, not a branch elsewhere.
    private static readonly Dictionary<ImageEditVendor, Func<VendorTransport, QwenImageEditVendorOptions, IVendorAdapter>> Adapters = new()
    {
        [ImageEditVendor.EvoLink] = static (transport, options) => new EvoLinkAdapter(transport, options),
        [ImageEditVendor.ModelsLab] = static (transport, options) => new ModelsLabAdapter(transport, options),
        [ImageEditVendor.Apikley] = static (transport, options) => new ApikleyAdapter(transport, options),
    };

    private readonly IVendorAdapter _adapter;
    private readonly QwenImageEditVendorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _createPipeline;
    private readonly OperationContext _context;

    /// <summary>
    /// Creates a client for <paramref name="vendor"/> that sends through <paramref name="httpClient"/>, whose life its
    /// owner manages. Give it one that does not follow redirects (<c>new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })</c>;
    /// <c>AddVendor</c> does so): then a redirected create is never sent anywhere else. With one that does, a redirect
    /// is still refused, but only after the HttpClient followed it. Result images are fetched through the facade's own
    /// transport, under <see cref="QwenImageEditVendorOptions.Results"/>.
    /// </summary>
    public QwenImageEditClient(ImageEditVendor vendor, HttpClient httpClient, QwenImageEditVendorOptions options, ILogger<QwenImageEditClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var adapter = Adapters.TryGetValue(vendor, out var create) ? create : throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Unknown vendor.");
        _adapter = adapter(new VendorTransport(vendor, httpClient, options), options);
        _createPipeline = CreatePipeline();
        _context = new OperationContext(_adapter, ResultDownloader.For(options.Results), options, _timeProvider, _logger, PollPipeline());
    }

    /// <summary>For mocking only.</summary>
    protected QwenImageEditClient()
    {
        _adapter = null!;
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

        // Local bytes are read and checked before anything is sent, so a bad file costs no upload; no more is read than
        // the vendor takes, so a huge file (or an endless stream) is refused without being held.
        var local = new Dictionary<int, ReadOnlyMemory<byte>>();
        var max = capabilities.MaxInputImageBytes ?? _options.Limits.MaxInputImageBytes;
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i] is { IsLocal: true } image)
            {
                var read = await image.ReadAsync(max, cancellationToken).ConfigureAwait(false);
                if (read.TooLarge)
                {
                    var limit = capabilities.MaxInputImageBytes is null ? $"the facade reads at most {Megabytes(max)} (ImageEditLimits.MaxInputImageBytes; {Vendor} states no limit)" : $"{Vendor} takes images of at most {Megabytes(max)}";
                    errors.Add(new ImageEditValidationError($"Images[{i}]", $"{limit}; this one has {(read.Length is { } length ? Megabytes(length) : "more")}."));
                }
                else if (read.Bytes.Length == 0)
                {
                    errors.Add(new ImageEditValidationError($"Images[{i}]", "The image is empty."));
                }

                local[i] = read.Bytes;
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
        state = AnswerChecks.Check(Vendor, state, null, "answer to the create");
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

    /// <summary>
    /// Resumes the operation a callback reports on. Its state is the callback's only when the callback's signature
    /// covers its body (<see cref="ImageEditCallback.IsBodyVerified"/>) or <see cref="QwenImageEditVendorOptions.TrustUnverifiedCallbacks"/>
    /// is set; otherwise it is <see cref="ImageEditStatus.Unknown"/> until <see cref="ImageEditOperation.UpdateAsync"/>
    /// reads it from the vendor (<see cref="ImageEditOperation.WaitForCompletionAsync"/> does so at once). To resume and
    /// confirm in one call, use <see cref="GetOperationAsync(ImageEditCallback, string?, CancellationToken)"/>.
    /// </summary>
    public virtual ImageEditOperation ResumeOperation(ImageEditCallback callback, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var operation = ResumeOperation(callback.OperationId, model);
        operation.Apply(callback);
        return operation;
    }

    /// <summary>
    /// Resumes the operation a callback reports on, and reads its state: from the callback itself when its signature
    /// covers its body, otherwise from the vendor (one request), so a forged callback cannot report images or an end.
    /// </summary>
    public virtual async Task<ImageEditOperation> GetOperationAsync(ImageEditCallback callback, string? model = null, CancellationToken cancellationToken = default)
    {
        var operation = ResumeOperation(callback, model);
        if (!operation.HasCompleted)
        {
            await operation.UpdateAsync(cancellationToken).ConfigureAwait(false);
        }

        return operation;
    }

    private static string Megabytes(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB");

    /// <summary>
    /// A create is sent again only when the vendor provably did not take it: a 429 (it answered, and refused) or a
    /// refused connection (it never heard). Timeouts, resets, 5xx and redirects may follow an accepted task: sending
    /// again could bill twice, so those reach the caller.
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
                // A limit, a redirect or a refused result is the answer's shape, not a passing failure: asking again gets it again.
                ShouldHandle = new PredicateBuilder().Handle<ImageEditException>(static e => e.Kind is ImageEditErrorKind.VendorError or ImageEditErrorKind.Timeout or ImageEditErrorKind.RateLimited
                    && e is not (ImageEditLimitExceededException or ImageEditRedirectException or ImageEditResultRefusedException)),
                // A poll is retried whatever the server asks, but never waits longer than MaxRetryAfter for it.
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is ImageEditRateLimitedException { RetryAfter: { } after } ? after < _options.MaxRetryAfter ? after : _options.MaxRetryAfter : null),
                OnRetry = args =>
                {
                    Log.PollRetry(_logger, Vendor, (args.Outcome.Exception as ImageEditException)?.Kind ?? ImageEditErrorKind.VendorError, args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
    }
}
