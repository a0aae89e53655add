using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
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
        [ImageEditVendor.Fal] = static (transport, options) => new FalAdapter(transport, options),
        [ImageEditVendor.Replicate] = static (transport, options) => new ReplicateAdapter(transport, options),
        [ImageEditVendor.DashScope] = static (transport, options) => new DashScopeAdapter(transport, options),
    };

    private readonly IVendorAdapter _adapter;
    private readonly QwenImageEditVendorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _createPipeline;
    private readonly OperationContext _context;
    private readonly Telemetry _telemetry;

    /// <summary>
    /// Creates a client for <paramref name="vendor"/> that sends through <paramref name="httpClient"/>, whose life its
    /// owner manages. Give it one that does not follow redirects (<c>new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })</c>;
    /// <c>AddVendor</c> does so): then a redirected create is never sent anywhere else. With one that does, a redirect
    /// is still refused, but only after the HttpClient followed it. Result images are fetched through the facade's own
    /// transport, under <see cref="QwenImageEditVendorOptions.Results"/>.
    /// </summary>
    /// <remarks>
    /// Resilience handlers in <paramref name="httpClient"/> (a Polly or <c>AddStandardResilienceHandler</c> handler)
    /// need a <see cref="CreateGuardHandler"/> innermost, or they may send a create twice; <c>AddVendor</c> adds it.
    /// Metrics go to the process-wide <see cref="QwenImageEditTelemetry.MeterName"/> meter; the registered client uses
    /// the host's <c>IMeterFactory</c> and Polly's registry instead.
    /// </remarks>
    public QwenImageEditClient(ImageEditVendor vendor, HttpClient httpClient, QwenImageEditVendorOptions options, ILogger<QwenImageEditClient>? logger = null, TimeProvider? timeProvider = null)
        : this(vendor, httpClient, options, logger, timeProvider, meterFactory: null, pipelines: null)
    {
    }

    /// <summary>The registered client: metrics from the host's meter factory, pipelines from Polly's registry.</summary>
    internal QwenImageEditClient(ImageEditVendor vendor, HttpClient httpClient, QwenImageEditVendorOptions options, ILogger? logger, TimeProvider? timeProvider, IMeterFactory? meterFactory, (ResiliencePipeline Create, ResiliencePipeline Poll)? pipelines)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        var adapter = Adapters.TryGetValue(vendor, out var create) ? create : throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Unknown vendor.");
        _adapter = adapter(new VendorTransport(vendor, httpClient, options, _timeProvider), options);
        _telemetry = new Telemetry(vendor, options.BaseAddress, options.Region, meterFactory);
        var (createPipeline, pollPipeline) = pipelines ?? ImageEditPipelines.Standalone(vendor, options, _logger, _timeProvider);
        _createPipeline = createPipeline;
        _context = new OperationContext(_adapter, ResultDownloader.For(options.Results), options, _timeProvider, _logger, pollPipeline, _telemetry);
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
        _telemetry = null!;
    }

    /// <summary>The client's traces and metrics; null in a mock.</summary>
    internal Telemetry? Telemetry => _telemetry;

    /// <summary>The clock the client times its operations by.</summary>
    internal TimeProvider TimeProvider => _timeProvider;

    /// <summary>The most of a local image this client reads for <paramref name="model"/>: the vendor's limit, else the facade's.</summary>
    internal long MaxInputImageBytes(string model)
        => ImageEditCapabilities.All.FirstOrDefault(c => c.Vendor == Vendor && c.Model == model)?.MaxInputImageBytes ?? (_options?.Limits ?? new ImageEditLimits()).MaxInputImageBytes;

    /// <summary>The vendor this client sends to.</summary>
    public virtual ImageEditVendor Vendor => _adapter.Vendor;

    /// <summary>What each of this vendor's models can do, its default model first.</summary>
    public virtual IReadOnlyList<ImageEditCapabilities> Capabilities => ImageEditCapabilities.All.Where(c => c.Vendor == Vendor).ToArray();

    /// <summary>The model a request without one uses.</summary>
    public virtual string DefaultModel => _options.DefaultModel ?? Capabilities[0].Model;

    /// <summary>
    /// Submits an edit and returns with an operation to follow: at once at most vendors; at DashScope, which edits
    /// synchronously, when the edit is done; at Replicate after up to <see cref="QwenImageEditVendorOptions.SynchronousWait"/>
    /// (60 s unless set), the operation then complete if the edit ended meanwhile. Local images are uploaded through the vendor's file API first (or sent as data URIs, where the vendor
    /// takes them).
    /// </summary>
    /// <exception cref="ImageEditValidationException">The request is invalid for this vendor; nothing was sent.</exception>
    /// <exception cref="ImageEditException">The vendor refused or failed the request.</exception>
    public virtual async Task<ImageEditOperation> StartEditAsync(ImageEditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = ImageEditCapabilities.For(Vendor, request.Model ?? DefaultModel);
        using var span = _telemetry.StartOperation(capabilities.Model, request.Count);

        // One route of a fallback edit: the edit started with the fallback, which records its end if no route takes it.
        var startedAt = span.FallbackStartedAt ?? _timeProvider.GetTimestamp();
        var attempts = new CreateAttempts(Vendor, cancellationToken);
        try
        {
            var operation = await StartAsync(request, capabilities, attempts, startedAt, cancellationToken).ConfigureAwait(false);
            span.Describe(operation);
            return operation;
        }
        catch (Exception error)
        {
            // Refused before sending, or an upload failed: no create went out. Otherwise, the create attempts say.
            if (error is ImageEditException edit)
            {
                edit.ProvablyNotAccepted |= attempts.Sent == 0 || !attempts.MayBeTaken && Acceptance.NotAccepted(edit);
            }

            if (span.FallbackStartedAt is null)
            {
                _telemetry.OperationEnded(capabilities.Model, _timeProvider.GetElapsedTime(startedAt), 0, Telemetry.ErrorType(error));
            }

            span.Fail(error);
            throw;
        }
    }

    private async Task<ImageEditOperation> StartAsync(ImageEditRequest request, ImageEditCapabilities capabilities, CreateAttempts attempts, long startedAt, CancellationToken cancellationToken)
    {
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

        // The vendor's own schema, before any upload: a request it would refuse costs nothing.
        _adapter.Validate(request, capabilities, errors);
        if (errors.Count > 0)
        {
            throw new ImageEditValidationException(Vendor, errors);
        }

        var urls = VendorAdapter.StandInUrls(request).ToArray();
        foreach (var (index, bytes) in local)
        {
            var image = images[index];
            var fileName = image.FileName ?? $"image-{index}{MediaTypes.Extension(image.MediaType!)}";
            (urls[index], var requestId) = await _telemetry.StepAsync(ImageEditStep.Upload, capabilities.Model, () => _adapter.UploadAsync(bytes, image.MediaType!, fileName, cancellationToken)).ConfigureAwait(false);
            Log.Uploaded(_logger, Vendor, index, requestId);
        }

        VendorTaskState state;
        try
        {
            state = await _createPipeline.ExecuteAsync(
                static async (run, token) => await run.attempts.SendAsync(
                    attemptToken => run.client._telemetry.TaskStepAsync(ImageEditStep.Create, run.model, null, async () => AnswerChecks.Check(run.client.Vendor, await run.client._adapter.CreateAsync(run.request, run.capabilities, run.urls, attemptToken).ConfigureAwait(false), null, "answer to the create")),
                    token).ConfigureAwait(false),
                (client: this, attempts, request, capabilities, urls, model: capabilities.Model),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var translated = attempts.Translate(error);
            if (ReferenceEquals(translated, error))
            {
                throw;
            }

            throw translated;
        }

        Log.Submitted(_logger, Vendor, capabilities.Model, state.Id, state.RequestId);
        return new ImageEditOperation(_context, capabilities.Model, state, state.Id, startedAt);
    }

    /// <summary>Submits an edit and waits for its images.</summary>
    /// <exception cref="ImageEditValidationException">The request is invalid for this vendor; nothing was sent.</exception>
    /// <exception cref="ImageEditFailedException">The vendor ended the task without images.</exception>
    /// <exception cref="ImageEditException">The vendor refused or failed the request, or it did not end in time.</exception>
    public virtual async Task<IReadOnlyList<ImageEditResult>> EditAsync(ImageEditRequest request, IProgress<ImageEditProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = _telemetry.StartOperation(request.Model ?? DefaultModel, request.Count);
        try
        {
            var operation = await StartEditAsync(request, cancellationToken).ConfigureAwait(false);
            return await operation.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            span.Fail(error);
            throw;
        }
    }

    /// <summary>
    /// An operation submitted earlier (by this process or another), by its vendor id. Its status is
    /// <see cref="ImageEditStatus.Unknown"/> until <see cref="ImageEditOperation.UpdateAsync"/> or a callback says more.
    /// </summary>
    /// <param name="id">The vendor's task id, as <see cref="ImageEditOperation.Id"/> gave it.</param>
    /// <param name="model">The model it runs on; null for the default (it matters only for capabilities such as result lifetime).</param>
    /// <exception cref="ImageEditValidationException">The vendor edits synchronously (<see cref="ImageEditCapabilities.Synchronous"/>): there is no task to resume.</exception>
    public virtual ImageEditOperation ResumeOperation(string id, string? model = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var capabilities = ImageEditCapabilities.For(Vendor, model ?? DefaultModel);
        if (capabilities.Synchronous)
        {
            // DashScope (conflict D4): the edit ended when its call answered, with its images; nothing is left to read.
            throw new ImageEditValidationException(Vendor, [new ImageEditValidationError(nameof(id), $"{Vendor} {capabilities.Model} edits synchronously: '{id}' names a request that ended when it answered, with its images, not a task to resume or read.")]);
        }

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
}
