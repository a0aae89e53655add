using System.Globalization;

namespace QwenImageEdit.Testing;

/// <summary>
/// A fake vendor server. One core answers both transports: <see cref="CreateHandler"/> (in memory) and, after
/// <see cref="StartAsync"/>, Kestrel on 127.0.0.1. Every request is recorded, checked against the vendor's spec (and
/// the rules it documents beside the spec), and answered as the vendor would: errors in the vendor's own shape,
/// tasks that move through the vendor's lifecycle, result PNGs served by the fake, callbacks, and injected faults.
/// </summary>
public abstract class FakeVendor : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly TaskStore _tasks;
    private readonly FileStore _files;
    private readonly RequestJournal _journal;
    private readonly Uri _inMemoryAddress;
    private readonly CallbackDispatcher _callbacks;
    private readonly Lazy<IReadOnlyList<FakeOperation>> _operations;
    private KestrelHost? _host;
    private int _sequence;
    private bool _disposed;

    private protected FakeVendor(VendorProfile profile, FakeVendorOptions? options)
    {
        Profile = profile;
        Options = options ?? new FakeVendorOptions();
        // https, though nothing leaves the process: clients that insist on HTTPS for downloads (the facade does) work in memory too.
        _inMemoryAddress = new Uri($"https://{profile.HostName}/");
        _tasks = new TaskStore(_gate);
        _files = new FileStore(_gate);
        _journal = new RequestJournal(Options, profile);
        _callbacks = new CallbackDispatcher(Options);
        _operations = new(() => [.. CreateOperations(), .. CommonOperations()]);
        Faults = new FakeFaults(this);
    }

    /// <summary>The one API key the fake accepts (<see cref="FakeVendorOptions.ApiKey"/>).</summary>
    public string ApiKey => Options.ApiKey;

    /// <summary>The fake's root: <c>https://{vendor}.fake/</c> in memory until <see cref="StartAsync"/>, then <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => _host?.Address ?? _inMemoryAddress;

    /// <summary>Every request received, in order, with credentials redacted.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Requests;

    /// <summary>Every way a request broke the vendor's contract, in order.</summary>
    public IReadOnlyList<ContractViolation> Violations => _journal.Violations;

    /// <summary>The tasks created, in order.</summary>
    public IReadOnlyCollection<FakeTask> Tasks => _tasks.All;

    /// <summary>Faults to inject into coming requests.</summary>
    public FakeFaults Faults { get; }

    /// <summary>Every callback POST made, retries and duplicates included, in the order they finished.</summary>
    public IReadOnlyList<CallbackDelivery> CallbackDeliveries => _callbacks.Deliveries;

    internal FakeVendorOptions Options { get; }

    internal VendorProfile Profile { get; }

    internal TimeProvider Time => Options.TimeProvider;

    internal Redactor Redactor => _journal.Redactor;

    internal object Gate => _gate;

    internal IReadOnlyList<FakeOperation> Operations => _operations.Value;

    /// <summary>The task with this id.</summary>
    /// <param name="id">The id the vendor returned.</param>
    /// <exception cref="KeyNotFoundException">The fake has created no such task.</exception>
    public FakeTask GetTask(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGetTask(id, out var task) ? task : throw new KeyNotFoundException($"The fake has no task '{id}'.");
    }

    /// <summary>Makes the next task created end failed (after its lifecycle) with this vendor error instead of succeeding.</summary>
    /// <param name="code">The vendor's error code (EvoLink <c>content_policy_violation</c>, Apikley <c>501</c>, ...).</param>
    /// <param name="message">The vendor's error message.</param>
    public void FailNextTask(string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        _tasks.PlanFailure(code, message);
    }

    /// <summary>Completes when no callback is being sent or waiting for a retry.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WhenCallbacksIdleAsync(CancellationToken cancellationToken = default) => _callbacks.WhenIdleAsync(cancellationToken);

    /// <summary>Starts Kestrel on 127.0.0.1 and a free port; <see cref="BaseAddress"/> then points there.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_host is not null)
        {
            throw new InvalidOperationException("The fake is already listening on " + _host.Address);
        }

        _host = await KestrelHost.StartAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An in-memory transport to this fake (it also serves the result images and uploaded files).</summary>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler(this);

    /// <summary>An HttpClient whose <c>BaseAddress</c> is <see cref="BaseAddress"/>: in memory until started, then over loopback HTTP.</summary>
    public HttpClient CreateHttpClient()
        => new(_host is null ? CreateHandler() : new SocketsHttpHandler()) { BaseAddress = BaseAddress };

    /// <summary>Stops the server, pending callbacks and lifecycle timers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var task in Tasks)
        {
            task.DisposeTimers();
        }

        await _callbacks.DisposeAsync().ConfigureAwait(false);
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} at {BaseAddress}";

    /// <summary>The vendor's routes, as they appear in its specs.</summary>
    private protected abstract IEnumerable<FakeOperation> CreateOperations();

    /// <summary>The callback the vendor sends for an ended task, to <paramref name="target"/>; null when it sends none.</summary>
    private protected abstract CallbackMessage? CreateCallback(FakeTask task, Uri target);

    /// <summary>Called when a task starts running; vendors that report that (Replicate's <c>start</c> webhook) send it here.</summary>
    private protected virtual void OnTaskStarted(FakeTask task)
    {
    }

    /// <summary>How many copies of each callback the vendor sends.</summary>
    private protected virtual int CallbackCopies => 1;

    internal int NextSequence() => Interlocked.Increment(ref _sequence);

    internal FakeTask AddTask(TaskDraft draft)
    {
        var task = _tasks.Add(failure => new FakeTask(this, draft, Options.Lifecycle, Time.GetUtcNow(), failure));
        task.Lifecycle.Start(task, Time);
        return task;
    }

    internal bool TryGetTask(string id, out FakeTask task) => _tasks.TryGet(id, out task);

    /// <summary>How many queued tasks are ahead of this one (0: it is next).</summary>
    internal int QueuePosition(FakeTask task) => _tasks.QueuePosition(task);

    /// <summary>A status read: counted, and the lifecycle moves on before the answer is written.</summary>
    internal void ReadStatus(FakeTask task)
    {
        task.CountPoll();
        task.Lifecycle.OnStatusRead(task, Time);
    }

    internal Uri ResultUrl(FakeTask task, int index)
        => new(BaseAddress, $"fake-results/{Uri.EscapeDataString(task.Id)}/{index.ToString(CultureInfo.InvariantCulture)}.png");

    internal StoredFile StoreFile(string? fileName, string mimeType, byte[] content, string? uploadPath)
    {
        var id = "file_" + NextSequence().ToString("x8", CultureInfo.InvariantCulture);
        var name = string.IsNullOrWhiteSpace(fileName) ? id + UploadedContent.Extension(mimeType) : Path.GetFileName(fileName);
        var file = new StoredFile(id, name, mimeType, content, uploadPath, Time.GetUtcNow());
        _files.Add(file);
        return file;
    }

    internal Uri FileUrl(StoredFile file) => new(BaseAddress, $"fake-files/{file.Id}/{Uri.EscapeDataString(file.FileName)}");

    internal void OnTaskEnded(FakeTask task)
    {
        if (task.CallbackUrl is null || _disposed)
        {
            return;
        }

        if (CreateCallback(task, CallbackTarget(task)!) is { } message)
        {
            SendCallback(message);
        }
    }

    internal void OnTaskRunning(FakeTask task)
    {
        if (!_disposed)
        {
            OnTaskStarted(task);
        }
    }

    /// <summary>Where the task's callbacks go: <see cref="FakeVendorOptions.CallbackTarget"/> if set, else the URL the request gave; null for none.</summary>
    private protected Uri? CallbackTarget(FakeTask task) => task.CallbackUrl is null ? null : Options.CallbackTarget ?? task.CallbackUrl;

    /// <summary>Sends a callback in the background, in as many copies as the vendor sends, retried on its schedule.</summary>
    private protected void SendCallback(CallbackMessage message)
    {
        var delays = Options.CallbackRetryDelays ?? Profile.CallbackRetryDelays;
        for (var copy = 0; copy < CallbackCopies; copy++)
        {
            _callbacks.Send(message, isDuplicate: copy > 0, delays);
        }
    }

    internal async Task<FakeResponse> HandleAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (operation, samePath, parameters) = Route(request);
        _journal.Record(request, operation);
        if (operation is null)
        {
            var path = Redactor.Text(request.RawPath);
            if (samePath is not null)
            {
                _journal.AddViolation(samePath.Route, samePath.Name, "method", $"{request.Method} is not allowed: the spec has {samePath.Method} {samePath.Path}");
                return samePath.Errors.Create(ErrorKind.MethodNotAllowed, $"Method {request.Method} is not allowed for {samePath.Path}");
            }

            _journal.AddViolation(null, $"{request.Method} {path}", "path", "no operation of the vendor's specs has this path");
            return Profile.UnknownPathErrors.Create(ErrorKind.NotFound, $"Invalid URL ({request.Method} {path})");
        }

        var context = new OperationContext(this, operation, request, parameters!, cancellationToken);
        var fault = Faults.TryTake(operation);
        if (fault is not null && await fault.BeforeProcessingAsync(context, cancellationToken).ConfigureAwait(false) is { } early)
        {
            return early;
        }

        var response = await ProcessAsync(context, cancellationToken).ConfigureAwait(false);
        return fault is null ? response : await fault.AfterProcessingAsync(response, context).ConfigureAwait(false);
    }

    /// <summary>The operation whose method and path match; else one with the path alone (a wrong method), for the error.</summary>
    private (FakeOperation? Operation, FakeOperation? SamePath, Dictionary<string, string>? Parameters) Route(FakeRequest request)
    {
        FakeOperation? samePath = null;
        foreach (var candidate in Operations)
        {
            if (candidate.Path.TryMatch(request.RawPath, out var found))
            {
                if (candidate.Method == request.Method)
                {
                    return (candidate, null, found);
                }

                samePath ??= candidate;
            }
        }

        return (null, samePath, null);
    }

    private async Task<FakeResponse> ProcessAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var operation = context.Operation;

        // A bad key is answered before the body is read, as the vendors' gateways do; ModelsLab's key is in the body.
        if (operation.Auth is AuthKind.Bearer or AuthKind.Key && Unauthorized(context) is { } unauthorized)
        {
            return unauthorized;
        }

        if (await RequestContract.ReadBodyAsync(context, cancellationToken).ConfigureAwait(false) is { } unreadable)
        {
            _journal.AddViolation(operation.Route, operation.Name, unreadable.Violation.Location, unreadable.Violation.Message);
            return operation.Errors.Create(ErrorKind.InvalidRequest, unreadable.Answer);
        }

        if (operation.Auth == AuthKind.BodyKey && Unauthorized(context) is { } badKey)
        {
            return badKey;
        }

        var (name, problems) = await RequestContract.CheckAsync(context).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                _journal.AddViolation(operation.Route, name, problem.Location, problem.Message);
            }

            return operation.Errors.Create(ErrorKind.InvalidRequest, problems[0].ToString(), problems[0].Param);
        }

        return await operation.Handle(context).ConfigureAwait(false);
    }

    private FakeResponse? Unauthorized(OperationContext context)
    {
        if (Credentials.Check(context.Operation.Auth, context, ApiKey) is not { } wrong)
        {
            return null;
        }

        _journal.AddViolation(context.Operation.Route, context.Operation.Name, wrong.Location, wrong.Problem);
        return context.Operation.Errors.Create(ErrorKind.Unauthorized);
    }

    private IEnumerable<FakeOperation> CommonOperations()
    {
        yield return new FakeOperation
        {
            Route = FakeRoute.Result,
            Method = "GET",
            Path = new PathTemplate("/fake-results/{taskId}/{file}"),
            Name = "fakeResultImage",
            Errors = Profile.UnknownPathErrors,
            Handle = ServeResult,
        };
        yield return new FakeOperation
        {
            Route = FakeRoute.Result,
            Method = "GET",
            Path = new PathTemplate("/fake-files/{fileId}/{name}"),
            Name = "fakeUploadedFile",
            Errors = Profile.UnknownPathErrors,
            Handle = ServeFile,
        };
    }

    private Task<FakeResponse> ServeResult(OperationContext context)
    {
        var file = context.PathParameters["file"];
        if (TryGetTask(context.PathParameters["taskId"], out var task)
            && task.State == FakeTaskState.Succeeded
            && file.EndsWith(".png", StringComparison.Ordinal)
            && int.TryParse(file[..^4], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < task.ImageCount)
        {
            return Task.FromResult(FakeResponse.Bytes(ResultImage.Render(task.Id, index, Options.ResultImageSize), "image/png"));
        }

        return Task.FromResult(NotFoundPage());
    }

    private Task<FakeResponse> ServeFile(OperationContext context)
    {
        var file = _files.Find(context.PathParameters["fileId"]);
        return Task.FromResult(file is null ? NotFoundPage() : FakeResponse.Bytes(file.Content, file.MimeType));
    }

    // Result and file links are CDN links: an unknown one is a bare 404, not a vendor API error.
    private static FakeResponse NotFoundPage() => FakeResponse.Text("Not Found", "text/plain", 404);
}
