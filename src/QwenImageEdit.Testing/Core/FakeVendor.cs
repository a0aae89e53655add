using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

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
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<ContractViolation> _violations = [];
    private readonly Dictionary<string, FakeTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<FakeTask> _taskOrder = [];
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly Uri _inMemoryAddress;
    private readonly CallbackDispatcher _callbacks;
    private readonly Lazy<IReadOnlyList<FakeOperation>> _operations;
    private (string Code, string Message)? _nextFailure;
    private KestrelHost? _host;
    private int _sequence;
    private bool _disposed;

    private protected FakeVendor(VendorProfile profile, FakeVendorOptions? options)
    {
        Profile = profile;
        Options = options ?? new FakeVendorOptions();
        // https, though nothing leaves the process: clients that insist on HTTPS for downloads (the facade does) work in memory too.
        _inMemoryAddress = new Uri($"https://{profile.HostName}/");
        _callbacks = new CallbackDispatcher(Options);
        _operations = new(() => [.. CreateOperations(), .. CommonOperations()]);
        Faults = new FakeFaults(this);
    }

    /// <summary>The one API key the fake accepts (<see cref="FakeVendorOptions.ApiKey"/>).</summary>
    public string ApiKey => Options.ApiKey;

    /// <summary>The fake's root: <c>https://{vendor}.fake/</c> in memory until <see cref="StartAsync"/>, then <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => _host?.Address ?? _inMemoryAddress;

    /// <summary>Every request received, in order, with credentials redacted.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every way a request broke the vendor's contract, in order.</summary>
    public IReadOnlyList<ContractViolation> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>The tasks created, in order.</summary>
    public IReadOnlyCollection<FakeTask> Tasks
    {
        get
        {
            lock (_gate)
            {
                return [.. _taskOrder];
            }
        }
    }

    /// <summary>Faults to inject into coming requests.</summary>
    public FakeFaults Faults { get; }

    /// <summary>Every callback POST made, retries and duplicates included, in the order they finished.</summary>
    public IReadOnlyList<CallbackDelivery> CallbackDeliveries => _callbacks.Deliveries;

    internal FakeVendorOptions Options { get; }

    internal VendorProfile Profile { get; }

    internal TimeProvider Time => Options.TimeProvider;

    internal Redactor Redactor => new(Options.ApiKey);

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
        lock (_gate)
        {
            _nextFailure = (code, message);
        }
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

    /// <summary>The callback the vendor sends for an ended task, to <paramref name="target"/>.</summary>
    private protected abstract CallbackMessage CreateCallback(FakeTask task, Uri target);

    /// <summary>How many copies of each callback the vendor sends.</summary>
    private protected virtual int CallbackCopies => 1;

    internal int NextSequence() => Interlocked.Increment(ref _sequence);

    internal FakeTask AddTask(TaskDraft draft)
    {
        FakeTask task;
        lock (_gate)
        {
            task = new FakeTask(this, draft, Options.Lifecycle, Time.GetUtcNow(), _nextFailure);
            _nextFailure = null;
            _tasks.Add(task.Id, task);
            _taskOrder.Add(task);
        }

        task.Lifecycle.Start(task, Time);
        return task;
    }

    internal bool TryGetTask(string id, out FakeTask task)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue(id, out task!);
        }
    }

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
        lock (_gate)
        {
            _files[id] = file;
        }

        return file;
    }

    internal Uri FileUrl(StoredFile file) => new(BaseAddress, $"fake-files/{file.Id}/{Uri.EscapeDataString(file.FileName)}");

    internal void OnTaskEnded(FakeTask task)
    {
        if (task.CallbackUrl is null || _disposed)
        {
            return;
        }

        var message = CreateCallback(task, Options.CallbackTarget ?? task.CallbackUrl);
        var delays = Options.CallbackRetryDelays ?? Profile.CallbackRetryDelays;
        for (var copy = 0; copy < CallbackCopies; copy++)
        {
            _callbacks.Send(message, isDuplicate: copy > 0, delays);
        }
    }

    internal async Task<FakeResponse> HandleAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        FakeOperation? operation = null;
        FakeOperation? samePath = null;
        Dictionary<string, string>? parameters = null;
        foreach (var candidate in Operations)
        {
            if (candidate.Path.TryMatch(request.RawPath, out var found))
            {
                if (candidate.Method == request.Method)
                {
                    operation = candidate;
                    parameters = found;
                    break;
                }

                samePath ??= candidate;
            }
        }

        Record(request, operation);
        if (operation is null)
        {
            var path = Redactor.Text(request.RawPath);
            if (samePath is not null)
            {
                AddViolation(samePath.Route, samePath.Name, "method", $"{request.Method} is not allowed: the spec has {samePath.Method} {samePath.Path}");
                return samePath.Errors.Create(ErrorKind.MethodNotAllowed, $"Method {request.Method} is not allowed for {samePath.Path}");
            }

            AddViolation(null, $"{request.Method} {path}", "path", "no operation of the vendor's specs has this path");
            return Profile.UnknownPathErrors.Create(ErrorKind.NotFound, $"Invalid URL ({request.Method} {path})");
        }

        var context = new OperationContext(this, operation, request, parameters!);
        var fault = Faults.TryTake(operation.Route);
        if (fault is not null && await fault.BeforeProcessingAsync(context, cancellationToken).ConfigureAwait(false) is { } early)
        {
            return early;
        }

        var response = await ProcessAsync(context, cancellationToken).ConfigureAwait(false);
        return fault is null ? response : await fault.AfterProcessingAsync(response, context).ConfigureAwait(false);
    }

    private async Task<FakeResponse> ProcessAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var operation = context.Operation;
        var request = context.Request;
        if (operation.Auth == AuthKind.Bearer && CheckBearer(context) is { } unauthorized)
        {
            return unauthorized;
        }

        if (operation.Body != BodyKind.None)
        {
            var expected = operation.Body == BodyKind.Json ? "application/json" : "multipart/form-data";
            var mediaType = request.Header("Content-Type")?.Split(';')[0].Trim();
            if (!string.Equals(mediaType, expected, StringComparison.OrdinalIgnoreCase))
            {
                AddViolation(operation.Route, operation.Name, "header Content-Type", $"must be {expected}, but is {(string.IsNullOrEmpty(mediaType) ? "missing" : mediaType)}");
                return operation.Errors.Create(ErrorKind.InvalidRequest, $"Content-Type must be {expected}");
            }

            if (operation.Body == BodyKind.Json)
            {
                context.Json = JsonText.TryParse(Encoding.UTF8.GetString(request.Body));
                if (context.Json is null)
                {
                    AddViolation(operation.Route, operation.Name, "$", "the body is not JSON");
                    return operation.Errors.Create(ErrorKind.InvalidRequest, "The request body is not valid JSON");
                }
            }
            else
            {
                context.Form = await MultipartForm.ParseAsync(request.Header("Content-Type"), request.Body, cancellationToken).ConfigureAwait(false);
                if (context.Form is null)
                {
                    AddViolation(operation.Route, operation.Name, "$", "the body is not multipart/form-data with a boundary");
                    return operation.Errors.Create(ErrorKind.InvalidRequest, "The request body is not a valid multipart form");
                }

                context.Json = context.Form.ToJson();
            }
        }

        if (operation.Auth == AuthKind.BodyKey && CheckBodyKey(context) is { } badKey)
        {
            return badKey;
        }

        // The spec's checks need NSwag and NJsonSchema, which a trimmed app leaves out (ContractValidation); the
        // vendor's own rules below are plain code and always run. No await inside the guard: an await's resume point
        // would keep the guarded call reachable after the trimmer removes the branch.
        Task<(string Name, List<SchemaProblem> Problems)>? specCheck = null;
        if (ContractValidation.IsSupported)
        {
            specCheck = CheckAgainstSpecAsync(context);
        }

        var (name, problems) = specCheck is null ? (operation.Name, []) : await specCheck.ConfigureAwait(false);

        if (operation.Rules is not null)
        {
            problems.AddRange(operation.Rules(context));
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                AddViolation(operation.Route, name, problem.Location, problem.Message);
            }

            return operation.Errors.Create(ErrorKind.InvalidRequest, problems[0].ToString(), problems[0].Param);
        }

        return await operation.Handle(context).ConfigureAwait(false);
    }

    /// <summary>The request against its spec operation, if the route has one: the operation's id (for violations) and every problem.</summary>
    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    private static async Task<(string Name, List<SchemaProblem> Problems)> CheckAgainstSpecAsync(OperationContext context)
    {
        var problems = new List<SchemaProblem>();
        var spec = context.Spec = context.Operation.Spec(context.Json);
        if (spec is null)
        {
            return (context.Operation.Name, problems);
        }

        foreach (var name in await spec.RequiredQueryParametersAsync().ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(context.Request.QueryValue(name)))
            {
                problems.Add(new SchemaProblem("query " + name, "is required"));
            }
        }

        var mediaType = context.Operation.Body == BodyKind.Multipart ? "multipart/form-data" : "application/json";
        if (context.Json is not null && await spec.RequestSchemaAsync(mediaType).ConfigureAwait(false) is { } schema)
        {
            problems.AddRange(SchemaValidator.Validate(schema, JsonText.Write(context.Json)));
        }

        return (await spec.OperationIdAsync().ConfigureAwait(false), problems);
    }

    private FakeResponse? CheckBearer(OperationContext context)
    {
        var header = context.Request.Header("Authorization");
        var problem = header switch
        {
            null or "" => "is missing: the vendor wants 'Authorization: Bearer <API key>'",
            _ when !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => "must use the Bearer scheme",
            _ when header[7..].Trim() != ApiKey => "carries a key that is not the fake's API key",
            _ => null,
        };
        if (problem is null)
        {
            return null;
        }

        AddViolation(context.Operation.Route, context.Operation.Name, "header Authorization", problem);
        return context.Operation.Errors.Create(ErrorKind.Unauthorized);
    }

    private FakeResponse? CheckBodyKey(OperationContext context)
    {
        var key = context.Body["key"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var problem = key switch
        {
            null or "" => "is missing: ModelsLab takes the API key as the body's key member",
            _ when key != ApiKey => "is not the fake's API key",
            _ => null,
        };
        if (problem is null)
        {
            return null;
        }

        AddViolation(context.Operation.Route, context.Operation.Name, "$.key", problem);
        return context.Operation.Errors.Create(ErrorKind.Unauthorized);
    }

    private void Record(FakeRequest request, FakeOperation? operation)
    {
        var redactor = Redactor;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ? Redactor.Authorization(value) : redactor.Text(value);
        }

        var body = redactor.JsonBody(Encoding.UTF8.GetString(request.Body), Profile.BodyCredentialMembers);
        var recorded = new RecordedRequest(
            request.Method,
            redactor.Text(request.RawPath),
            redactor.Text(request.Query),
            headers,
            body,
            operation?.Route,
            operation?.Name,
            Time.GetUtcNow());
        lock (_gate)
        {
            _requests.Add(recorded);
        }
    }

    private void AddViolation(FakeRoute? route, string operation, string location, string message)
    {
        lock (_gate)
        {
            _violations.Add(new ContractViolation(route, operation, location, Redactor.Text(message)));
        }
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
        StoredFile? file;
        lock (_gate)
        {
            _files.TryGetValue(context.PathParameters["fileId"], out file);
        }

        return Task.FromResult(file is null ? NotFoundPage() : FakeResponse.Bytes(file.Content, file.MimeType));
    }

    // Result and file links are CDN links: an unknown one is a bare 404, not a vendor API error.
    private static FakeResponse NotFoundPage() => FakeResponse.Text("Not Found", "text/plain", 404);
}
