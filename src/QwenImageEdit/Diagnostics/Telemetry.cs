using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>A step of an edit, as spans and the failure counter name it.</summary>
internal enum ImageEditStep
{
    Upload,
    Create,
    Poll,
    Download,

    /// <summary>Following the task on the vendor's status stream (fal.ai): one span per opening of the stream.</summary>
    Watch,

    /// <summary>Asking the vendor to cancel the task, and reading where it is after.</summary>
    Cancel,

    /// <summary>The task itself: the vendor failed or cancelled it.</summary>
    Task,

    /// <summary>Waiting for the task: the wait gave up (its timeout, or a poll that failed past its retries).</summary>
    Wait,
}

/// <summary>
/// The facade's traces and metrics for one vendor, by the OpenTelemetry semantic conventions for generative AI
/// (<c>gen_ai.*</c>) where they have a name, and <c>qwen_image_edit.*</c> where they do not. See
/// <see cref="QwenImageEditTelemetry"/> for what each instrument measures.
/// </summary>
internal sealed class Telemetry
{
    private static readonly string? Version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(QwenImageEditTelemetry.SourceName, Version);

    // Without a host's IMeterFactory (a client built by hand), one meter for the process, as HttpClient has.
    private static readonly Meter SharedMeter = new(QwenImageEditTelemetry.MeterName, Version);

    private static readonly ConditionalWeakTable<Meter, Instruments> ByMeter = new();

    private readonly Instruments _instruments;

    public Telemetry(ImageEditVendor vendor, Uri? baseAddress, DashScopeRegion region, IMeterFactory? meterFactory)
    {
        var report = VendorReports.For(vendor);
        Vendor = vendor;
        ProviderName = report.ProviderName;
        ProviderUri = baseAddress is { IsAbsoluteUri: true } ? baseAddress : VendorReports.ApiOf(vendor, region);
        var meter = meterFactory?.Create(new MeterOptions(QwenImageEditTelemetry.MeterName) { Version = Version }) ?? SharedMeter;
        _instruments = ByMeter.GetValue(meter, static m => new Instruments(m));
    }

    public ImageEditVendor Vendor { get; }

    /// <summary><c>gen_ai.provider.name</c>: the vendor, as <see cref="VendorReports"/> names it.</summary>
    public string ProviderName { get; }

    /// <summary>Where the vendor's API is (its options' <c>BaseAddress</c>, else its spec's server for the options' region): <c>server.address</c> and <c>server.port</c>.</summary>
    public Uri? ProviderUri { get; }

    /// <summary>
    /// Starts the span of an edit, unless one is already running in this execution context (<c>EditAsync</c> calls
    /// <c>StartEditAsync</c>; a fallback calls several clients): then the running one is returned, not owned.
    /// </summary>
    public OperationSpan StartOperation(string? model, int? count, ActivityContext link = default)
        => OperationSpan.Start(this, model, count, link);

    /// <summary>
    /// Records the end of a fallback edit no route took (or that stopped at a route that may have taken it): one failed
    /// operation, however many routes it tried.
    /// </summary>
    public void FallbackEnded(string model, TimeSpan elapsed, Exception error) => OperationEnded(model, elapsed, 0, ErrorType(error));

    /// <summary>Starts the span of one step (a child of the edit's span, or of the caller's current span).</summary>
    public Activity? StartStep(ImageEditStep step, string? model, string? taskId)
    {
        var activity = Source.StartActivity(StepName(step), ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.ProviderName, ProviderName);
            activity.SetTag(Tags.Step, StepTag(step));
            activity.SetTag(Tags.RequestModel, model);
            activity.SetTag(Tags.ResponseId, taskId);
        }

        return activity;
    }

    /// <summary>
    /// Runs one step that reads a task (a create attempt, a poll, a cancel): its span, and the vendor's request id and
    /// usage from the answers it got, on the state it returns and on the exception it throws.
    /// </summary>
    public async Task<VendorTaskState> TaskStepAsync(ImageEditStep step, string model, string? taskId, Func<Task<VendorTaskState>> call)
    {
        using var scope = BeginStep(step, model, taskId);
        try
        {
            var state = scope.Stamp(await call().ConfigureAwait(false));
            scope.Ended(state);
            return state;
        }
        catch (Exception error)
        {
            scope.Failed(error);
            throw;
        }
    }

    /// <summary>
    /// Opens a step that reads a task over several answers (an opening of a status stream): its span and its exchange,
    /// in this execution context, until the step is disposed. Call it from the method that awaits the step's calls.
    /// </summary>
    public TaskStep BeginStep(ImageEditStep step, string model, string? taskId) => new(this, step, model, StartStep(step, model, taskId));

    /// <summary>Runs one other step (an upload): its span, and the vendor's request id on what it returns or throws.</summary>
    public async Task<(T Result, string? RequestId)> StepAsync<T>(ImageEditStep step, string? model, Func<Task<T>> call)
    {
        var activity = StartStep(step, model, null);
        using var scope = VendorExchange.Begin();
        try
        {
            var result = await call().ConfigureAwait(false);
            StepEnded(activity, scope.Exchange);
            return (result, scope.Exchange.RequestId);
        }
        catch (Exception error)
        {
            Stamp(error, scope.Exchange);
            StepFailed(activity, step, model, error, scope.Exchange);
            throw;
        }
    }

    internal static void Stamp(Exception error, VendorExchange exchange)
    {
        if (error is ImageEditException { RequestId: null } edit)
        {
            edit.RequestId = exchange.RequestId;
        }
    }

    /// <summary>Ends a step's span with what its answers said.</summary>
    public static void StepEnded(Activity? activity, VendorExchange? exchange, string? taskId = null, ImageEditStatus? status = null, string? rawStatus = null)
    {
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(Tags.RequestId, exchange?.RequestId);
            if (taskId is not null)
            {
                activity.SetTag(Tags.ResponseId, taskId);
            }

            if (status is not null)
            {
                activity.SetTag(Tags.TaskStatus, Snake(status.Value.ToString()));
                activity.SetTag(Tags.VendorStatus, rawStatus);
            }
        }

        activity.Dispose();
    }

    /// <summary>Ends a step's span as failed, and counts the failure (a caller's cancellation is not one).</summary>
    public void StepFailed(Activity? activity, ImageEditStep step, string? model, Exception error, VendorExchange? exchange)
    {
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(Tags.RequestId, exchange?.RequestId);
            }

            Failed(activity, error);
            activity.Dispose();
        }

        RecordFailure(step, model, error);
    }

    /// <summary>Counts one failure of a step, by its kind (a caller's cancellation is not one).</summary>
    public void RecordFailure(ImageEditStep step, string? model, Exception error)
    {
        if (error is not OperationCanceledException)
        {
            RecordFailure(step, model, ErrorType(error));
        }
    }

    public void RecordFailure(ImageEditStep step, string? model, string errorType)
    {
        if (!_instruments.Failures.Enabled)
        {
            return;
        }

        var tags = Common(model);
        tags.Add(Tags.Step, StepTag(step));
        tags.Add(Tags.ErrorType, errorType);
        _instruments.Failures.Add(1, tags);
    }

    /// <summary>Records the end of an operation: its duration (when this process saw it start) and how often it polled.</summary>
    public void OperationEnded(string model, TimeSpan? elapsed, int polls, string? errorType)
    {
        if (elapsed is { } duration && _instruments.Duration.Enabled)
        {
            var tags = Common(model);
            if (errorType is not null)
            {
                tags.Add(Tags.ErrorType, errorType);
            }

            _instruments.Duration.Record(duration.TotalSeconds, tags);
        }

        if (_instruments.Polls.Enabled)
        {
            _instruments.Polls.Record(polls, Common(model));
        }
    }

    public void FirstResult(string model, TimeSpan elapsed)
    {
        if (_instruments.TimeToFirstResult.Enabled)
        {
            _instruments.TimeToFirstResult.Record(elapsed.TotalSeconds, Common(model));
        }
    }

    public void Downloaded(string? model, long bytes)
    {
        if (_instruments.DownloadSize.Enabled)
        {
            _instruments.DownloadSize.Record(bytes, Common(model));
        }
    }

    /// <summary>Marks a span failed: <c>error.type</c>, its status, and the exception (whose message holds no secret).</summary>
    public static void Failed(Activity activity, Exception error)
    {
        var type = ErrorType(error);
        activity.SetTag(Tags.ErrorType, type);
        if (error is ImageEditException { RequestId: { } requestId })
        {
            activity.SetTag(Tags.RequestId, requestId);
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.AddException(error);
    }

    /// <summary><c>error.type</c>: the facade's kind of failure in snake case; a caller's cancellation is <c>cancelled</c>.</summary>
    public static string ErrorType(Exception error) => error switch
    {
        ImageEditException e => Snake(e.Kind.ToString()),
        OperationCanceledException => "cancelled",
        _ => error.GetType().FullName ?? "_OTHER",
    };

    private TagList Common(string? model)
    {
        var tags = new TagList
        {
            { Tags.OperationName, Tags.GenerateContent },
            { Tags.ProviderName, ProviderName },
        };
        if (model is not null)
        {
            tags.Add(Tags.RequestModel, model);
        }

        if (ProviderUri is { } uri)
        {
            tags.Add(Tags.ServerAddress, uri.Host);
            tags.Add(Tags.ServerPort, uri.Port);
        }

        return tags;
    }

    private static string StepName(ImageEditStep step) => step switch
    {
        ImageEditStep.Upload => "upload_image",
        ImageEditStep.Create => "create_task",
        ImageEditStep.Poll => "poll_task",
        ImageEditStep.Download => "download_result",
        ImageEditStep.Watch => "watch_task",
        ImageEditStep.Cancel => "cancel_task",
        _ => Snake(step.ToString()),
    };

    private static string StepTag(ImageEditStep step) => Snake(step.ToString());

    internal static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The attribute names, semantic conventions first.</summary>
    internal static class Tags
    {
        public const string OperationName = "gen_ai.operation.name";
        public const string GenerateContent = "generate_content";
        public const string ProviderName = "gen_ai.provider.name";
        public const string RequestModel = "gen_ai.request.model";
        public const string ResponseModel = "gen_ai.response.model";
        public const string ResponseId = "gen_ai.response.id";
        public const string OutputType = "gen_ai.output.type";
        public const string ChoiceCount = "gen_ai.request.choice.count";
        public const string ServerAddress = "server.address";
        public const string ServerPort = "server.port";
        public const string ErrorType = "error.type";

        public const string Step = "qwen_image_edit.step";
        public const string RequestId = "qwen_image_edit.vendor.request_id";
        public const string TaskStatus = "qwen_image_edit.task.status";
        public const string VendorStatus = "qwen_image_edit.task.vendor_status";
        public const string UsagePrefix = "qwen_image_edit.usage.";
        public const string FallbackFrom = "qwen_image_edit.fallback.skipped";
    }

    private sealed class Instruments(Meter meter)
    {
        // The semantic conventions' buckets for gen_ai.client.operation.duration, stretched for edits that take minutes.
        private static readonly double[] Seconds = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92, 163.84, 327.68, 655.36];

        public Histogram<double> Duration { get; } = meter.CreateHistogram<double>(
            QwenImageEditTelemetry.OperationDuration, "s", "Duration of an image edit, from its start to its end", advice: new() { HistogramBucketBoundaries = Seconds });

        public Histogram<double> TimeToFirstResult { get; } = meter.CreateHistogram<double>(
            QwenImageEditTelemetry.TimeToFirstResult, "s", "Time from the start of an image edit until its first result image was known", advice: new() { HistogramBucketBoundaries = Seconds });

        public Histogram<int> Polls { get; } = meter.CreateHistogram<int>(
            QwenImageEditTelemetry.Polls, "{poll}", "Task reads an image edit made before it ended", advice: new() { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144] });

        public Counter<long> Failures { get; } = meter.CreateCounter<long>(
            QwenImageEditTelemetry.Failures, "{failure}", "Failed steps of image edits, by kind");

        public Histogram<long> DownloadSize { get; } = meter.CreateHistogram<long>(
            QwenImageEditTelemetry.DownloadSize, "By", "Size of each result image downloaded");
    }
}

/// <summary>
/// One step that reads a task, in progress: its span, and the <see cref="VendorExchange"/> its answers are recorded in.
/// Stamps what it read with the vendor's request id and usage, and ends as read (<see cref="Ended"/>) or failed
/// (<see cref="Failed"/>, which counts the failure); disposed without either, it ends as it is.
/// </summary>
internal sealed class TaskStep : IDisposable
{
    private readonly Telemetry _telemetry;
    private readonly ImageEditStep _step;
    private readonly string _model;
    private readonly Activity? _activity;
    private readonly VendorExchange.Scope _scope;
    private bool _ended;

    public TaskStep(Telemetry telemetry, ImageEditStep step, string model, Activity? activity)
    {
        _telemetry = telemetry;
        _step = step;
        _model = model;
        _activity = activity;
        _scope = VendorExchange.Begin();
    }

    /// <summary>The state with the request id and usage of the step's answers so far (the state's own where they say nothing).</summary>
    public VendorTaskState Stamp(VendorTaskState state)
    {
        var exchange = _scope.Exchange;
        return state with
        {
            RequestId = exchange.RequestId ?? state.RequestId,
            Usage = exchange.Usage.Count > 0 ? exchange.Usage : state.Usage,
        };
    }

    /// <summary>Notes one state the step read on its way (a status event): an event on its span.</summary>
    public void Read(VendorTaskState state)
    {
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent("task_status", tags: new ActivityTagsCollection
            {
                [Telemetry.Tags.TaskStatus] = Telemetry.Snake(state.Status.ToString()),
                [Telemetry.Tags.VendorStatus] = state.RawStatus,
                [Telemetry.Tags.RequestId] = state.RequestId,
            }));
        }
    }

    /// <summary>Ends the step with the last state it read (null when it read none).</summary>
    public void Ended(VendorTaskState? state)
    {
        if (!_ended)
        {
            _ended = true;
            Telemetry.StepEnded(_activity, _scope.Exchange, state?.Id, state?.Status, state?.RawStatus);
        }
    }

    /// <summary>Ends the step as failed: the exception gets the request id of the step's last answer, and the failure is counted.</summary>
    public void Failed(Exception error)
    {
        if (!_ended)
        {
            _ended = true;
            Telemetry.Stamp(error, _scope.Exchange);
            _telemetry.StepFailed(_activity, _step, _model, error, _scope.Exchange);
        }
    }

    public void Dispose()
    {
        Ended(null);
        _scope.Dispose();
    }
}

/// <summary>
/// The span of one edit, shared by the calls it is made of: the outermost call owns it (starts and ends it); calls
/// inside it tag it. It lives in an <see cref="System.Threading.AsyncLocal{T}"/>, so the vendors' steps below become
/// its children.
/// </summary>
internal sealed class OperationSpan : IDisposable
{
    private static readonly System.Threading.AsyncLocal<OperationSpan?> Ambient = new();

    private readonly OperationSpan? _previous;

    // A span that is not the owner but made itself the ambient one (a fallback's), and gives the previous back.
    private bool _restores;

    private OperationSpan(Activity? activity, bool owner, OperationSpan? previous, long? fallbackStartedAt)
    {
        Activity = activity;
        IsOwner = owner;
        _previous = previous;
        FallbackStartedAt = fallbackStartedAt;
    }

    /// <summary>
    /// When the edit is a fallback's: the timestamp it started at. Its routes' calls are legs of one operation, timed
    /// from there; a route that refuses is a failed create step, not an operation, and the fallback records the end of
    /// an edit no route took.
    /// </summary>
    public long? FallbackStartedAt { get; }

    public Activity? Activity { get; }

    /// <summary>Whether this call started the span (and so records its end).</summary>
    public bool IsOwner { get; }

    public static OperationSpan Start(Telemetry? telemetry, string? model, int? count, ActivityContext link = default, long? fallbackStartedAt = null)
    {
        if (Ambient.Value is { } running)
        {
            // A fallback inside a running edit (the IImageGenerator's): its routes must see that they are its legs.
            if (running.FallbackStartedAt is null && fallbackStartedAt is not null)
            {
                var leg = new OperationSpan(running.Activity, owner: false, previous: running, fallbackStartedAt) { _restores = true };
                Ambient.Value = leg;
                return leg;
            }

            return new OperationSpan(running.Activity, owner: false, previous: running, running.FallbackStartedAt);
        }

        var activity = Telemetry.Source.StartActivity(
            model is null ? Telemetry.Tags.GenerateContent : $"{Telemetry.Tags.GenerateContent} {model}",
            ActivityKind.Client,
            parentContext: default,
            links: link == default ? null : [new ActivityLink(link)]);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Telemetry.Tags.OperationName, Telemetry.Tags.GenerateContent);
            activity.SetTag(Telemetry.Tags.OutputType, "image");
            activity.SetTag(Telemetry.Tags.RequestModel, model);
            activity.SetTag(Telemetry.Tags.ChoiceCount, count);
            if (telemetry is not null)
            {
                activity.SetTag(Telemetry.Tags.ProviderName, telemetry.ProviderName);
                activity.SetTag(Telemetry.Tags.ServerAddress, telemetry.ProviderUri?.Host);
                activity.SetTag(Telemetry.Tags.ServerPort, telemetry.ProviderUri?.Port);
            }
        }

        var span = new OperationSpan(activity, owner: true, previous: null, fallbackStartedAt);
        Ambient.Value = span;
        return span;
    }

    /// <summary>Says which task (and vendor, model, usage) the edit became.</summary>
    public void Describe(ImageEditOperation operation)
    {
        if (Activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var report = VendorReports.For(operation.Vendor);
        activity.SetTag(Telemetry.Tags.ProviderName, report.ProviderName);
        activity.SetTag(Telemetry.Tags.ResponseId, operation.Id);
        activity.SetTag(Telemetry.Tags.ResponseModel, operation.Model);
        activity.SetTag(Telemetry.Tags.RequestId, operation.RequestId);
        activity.SetTag(Telemetry.Tags.TaskStatus, Telemetry.Snake(operation.Status.ToString()));
        foreach (var usage in operation.Usage)
        {
            activity.SetTag(Telemetry.Tags.UsagePrefix + usage.Name, usage.Value.ToString(CultureInfo.InvariantCulture) + " " + usage.Unit);
        }

        if (operation.FallbackAttempts.Count > 0)
        {
            activity.SetTag(Telemetry.Tags.FallbackFrom, string.Join(",", operation.FallbackAttempts.Select(static a => VendorReports.For(a.Vendor).ProviderName)));
        }
    }

    /// <summary>Marks the edit failed, when this call owns the span (an inner call's failure reaches the owner anyway).</summary>
    public void Fail(Exception error)
    {
        if (IsOwner && Activity is not null)
        {
            Telemetry.Failed(Activity, error);
        }
    }

    public void Dispose()
    {
        if (IsOwner)
        {
            Ambient.Value = _previous;
            Activity?.Dispose();
        }
        else if (_restores)
        {
            Ambient.Value = _previous;
        }
    }
}
