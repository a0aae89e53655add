using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// A fake fal.ai queue for the four Qwen image-edit models (<see cref="Models"/>): submit (<c>POST /{model}</c>, with
/// <c>fal_webhook</c>), status with queue position and logs, the status stream as server-sent events, the result and
/// cancel, <c>Authorization: Key</c>, fal's error bodies, and webhooks signed with Ed25519 (<see cref="SigningKey"/>),
/// whose key set the fake serves at <see cref="KeySetAddress"/>.
/// </summary>
public sealed class FakeFal : FakeVendor
{
    /// <summary>The user id the fake puts in <c>X-Fal-Webhook-User-Id</c>.</summary>
    public const string UserId = "fake-fal-user";

    private static readonly (string Model, SpecDocument Spec)[] Queues =
    [
        ("fal-ai/qwen-image-edit", VendorSpecs.FalImageEdit),
        ("fal-ai/qwen-image-edit-plus", VendorSpecs.FalImageEditPlus),
        ("fal-ai/qwen-image-edit-2509", VendorSpecs.FalImageEdit2509),
        ("fal-ai/qwen-image-edit-2511", VendorSpecs.FalImageEdit2511),
    ];

    // Request errors carry their own status (https://fal.ai/docs/documentation/model-apis/request-errors); any other
    // failure code is the model refusing the input, a 422 with a typed detail.
    private static readonly Dictionary<string, int> RequestErrorStatus = new(StringComparer.Ordinal)
    {
        ["request_timeout"] = 504,
        ["startup_timeout"] = 504,
        ["runner_scheduling_failure"] = 503,
        ["runner_disconnected"] = 503,
        ["runner_server_error"] = 500,
        ["internal_error"] = 500,
        ["client_cancelled"] = 499,
    };

    private static readonly VendorProfile FalProfile = new(
        HostName: "fal.fake",
        HasProgress: false,

        // fal retries deliveries that get no 2xx, on a schedule its pages disagree about (conflict F6): the fake's own.
        CallbackRetryDelays: [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
        BodyCredentialMembers: [],
        UnknownPathErrors: FalErrors.Instance);

    /// <summary>Creates a fake fal.ai, in memory until <see cref="FakeVendor.StartAsync"/>.</summary>
    /// <param name="options">How it behaves; defaults when null.</param>
    /// <param name="signingKey">The key its webhooks are signed with; <see cref="FalSigningKey.Test"/> when null.</param>
    public FakeFal(FakeVendorOptions? options = null, FalSigningKey? signingKey = null)
        : base(FalProfile, options)
    {
        SigningKey = signingKey ?? FalSigningKey.Test;
    }

    /// <summary>The models whose queues the fake serves.</summary>
    public static IReadOnlyList<string> Models { get; } = [.. Queues.Select(static q => q.Model)];

    /// <summary>The queue's base address (<c>https://queue.fal.run</c> in production).</summary>
    public Uri QueueAddress => BaseAddress;

    /// <summary>Where the fake publishes its webhook key set (fal's is <c>https://rest.alpha.fal.ai/.well-known/jwks.json</c>).</summary>
    public Uri KeySetAddress => new(BaseAddress, ".well-known/jwks.json");

    /// <summary>The key the webhooks are signed with.</summary>
    public FalSigningKey SigningKey { get; }

    /// <summary>
    /// When set, each status stream waits for this task after its first event before it sends another (or ends): a test
    /// holds the stream open with it to see a status reach the client while the stream goes on, or leaves it pending
    /// to make a stream that stalls. Null (the default): streams go on at once.
    /// </summary>
    public Task? StreamHold { get; set; }

    private protected override IEnumerable<FakeOperation> CreateOperations()
    {
        foreach (var (model, spec) in Queues)
        {
            var requests = $"/{model}/requests/{{request_id}}";
            yield return Operation(FakeRoute.Create, "POST", "/" + model, "submitRequest", spec, context => Submit(context, model), BodyKind.Json, "status");
            yield return Operation(FakeRoute.Poll, "GET", requests + "/status", "getRequestStatus", spec, context => Status(context, model), statusMember: "status");
            yield return Operation(FakeRoute.Poll, "GET", requests + "/status/stream", "streamRequestStatus", spec, context => Stream(context, model));
            yield return Operation(FakeRoute.Poll, "GET", requests, "getRequestResult", spec, context => Result(context, model));
            yield return Operation(FakeRoute.Cancel, "PUT", requests + "/cancel", "cancelRequest", spec, context => Cancel(context, model));
        }

        yield return new FakeOperation
        {
            Route = FakeRoute.Result,
            Method = "GET",
            Path = new PathTemplate("/.well-known/jwks.json"),
            Name = "fakeJwks",
            Errors = FalErrors.Instance,
            Handle = _ => Task.FromResult(FakeResponse.Text(SigningKey.JwksJson, "application/json", 200)),
        };
    }

    private protected override CallbackMessage CreateCallback(FakeTask task, Uri target)
    {
        var succeeded = task.State == FakeTaskState.Succeeded;
        var body = new JsonObject
        {
            ["request_id"] = task.Id,
            ["gateway_request_id"] = task.Id,
            ["status"] = succeeded ? "OK" : "ERROR",
            ["payload"] = succeeded ? Output(task) : FailureDetail(task),
        };
        if (!succeeded)
        {
            body["error"] = task.FailureMessage;
        }

        var text = JsonText.Write(body);
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            ["X-Fal-Webhook-Request-Id"] = task.Id,
            ["X-Fal-Webhook-User-Id"] = UserId,
            ["X-Fal-Webhook-Timestamp"] = timestamp,
            ["X-Fal-Webhook-Signature"] = SigningKey.Sign(task.Id, UserId, timestamp, Encoding.UTF8.GetBytes(text)),
        };
        return new CallbackMessage(task.Id, target, text, headers);
    }

    private static FakeOperation Operation(FakeRoute route, string method, string path, string name, SpecDocument spec, Func<OperationContext, Task<FakeResponse>> handle, BodyKind body = BodyKind.None, string? statusMember = null)
        => new()
        {
            Route = route,
            Method = method,
            Path = new PathTemplate(path),
            Name = name,
            Errors = FalErrors.Instance,
            Auth = AuthKind.Key,
            Body = body,
            Spec = _ => spec.Operation(method, path),
            StatusMember = statusMember,
            Handle = handle,
        };

    private Task<FakeResponse> Submit(OperationContext context, string model)
    {
        var body = context.Body;
        var webhook = context.Request.QueryValue("fal_webhook") is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
        var count = body["num_images"] is JsonValue n && n.TryGetValue<int>(out var value) ? value : 1;

        // A request id in fal's UUID form, unique and readable in a test's output.
        var sequence = NextSequence();
        var id = string.Create(CultureInfo.InvariantCulture, $"{sequence:x8}-fa1a-4000-8000-{Time.GetUtcNow().ToUnixTimeMilliseconds():x12}");
        var task = AddTask(new TaskDraft(id, model, Redactor.JsonBody(JsonText.Write(body), []), webhook, count, null));
        return Task.FromResult(FakeResponse.Json(StatusBody(task, withLogs: false)));
    }

    private Task<FakeResponse> Status(OperationContext context, string model)
    {
        if (Find(context, model) is not { } task)
        {
            return Task.FromResult(RequestNotFound());
        }

        ReadStatus(task);
        return Task.FromResult(FakeResponse.Json(StatusBody(task, WithLogs(context))));
    }

    /// <summary>
    /// Server-sent events, a QueueStatus each, until COMPLETED. Every event is a status read, so a lifecycle that moves on
    /// reads (<see cref="FakeLifecycle.AfterPolls"/>) moves on per event; a timed one is followed as its clock moves.
    /// With <see cref="StreamHold"/> set, the stream waits for it after the first event.
    /// </summary>
    private Task<FakeResponse> Stream(OperationContext context, string model)
    {
        if (Find(context, model) is not { } task)
        {
            return Task.FromResult(RequestNotFound());
        }

        var withLogs = WithLogs(context);
        var hold = StreamHold;
        return Task.FromResult(FakeResponse.Streamed("text/event-stream", async (stream, cancellationToken) =>
        {
            for (var sent = 0; ; sent++)
            {
                if (sent == 1 && hold is not null)
                {
                    await hold.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                ReadStatus(task);

                // Taken after the read, so the read's own catching up with the clock is no change to wait for.
                var changed = task.WhenChangedAsync(cancellationToken);
                var line = Encoding.UTF8.GetBytes("data: " + JsonText.Write(StatusBody(task, withLogs)) + "\n\n");
                await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (task.IsTerminal)
                {
                    return;
                }

                if (!task.Lifecycle.AdvancesOnRead)
                {
                    await changed.ConfigureAwait(false);
                }
            }
        }));
    }

    private Task<FakeResponse> Result(OperationContext context, string model)
    {
        if (Find(context, model) is not { } task)
        {
            return Task.FromResult(RequestNotFound());
        }

        return Task.FromResult(task.State switch
        {
            FakeTaskState.Succeeded => FakeResponse.Json(Output(task)),
            FakeTaskState.Failed or FakeTaskState.Cancelled => Failure(task),
            _ => FakeResponse.Json(new JsonObject { ["detail"] = "Request is still in progress" }, 400),
        });
    }

    private Task<FakeResponse> Cancel(OperationContext context, string model)
    {
        if (Find(context, model) is not { } task)
        {
            return Task.FromResult(RequestNotFound());
        }

        // Queued requests leave the queue and running ones are told to stop: either way the request ends cancelled now.
        return Task.FromResult(task.TryCancel("client_cancelled")
            ? FakeResponse.Json(new JsonObject { ["status"] = "CANCELLATION_REQUESTED" }, 202)
            : FakeResponse.Json(new JsonObject { ["status"] = "ALREADY_COMPLETED" }, 400));
    }

    /// <summary>The request, if it exists and belongs to this model's queue.</summary>
    private FakeTask? Find(OperationContext context, string model)
        => TryGetTask(context.PathParameters["request_id"], out var task) && task.Model == model ? task : null;

    private static FakeResponse RequestNotFound() => FalErrors.Instance.Create(ErrorKind.NotFound, "Request not found");

    private static bool WithLogs(OperationContext context) => context.Request.QueryValue("logs") == "1";

    private JsonObject StatusBody(FakeTask task, bool withLogs)
    {
        var state = task.State;
        var requests = new Uri(BaseAddress, $"{task.Model}/requests/{Uri.EscapeDataString(task.Id)}");
        var body = new JsonObject
        {
            ["status"] = state switch
            {
                FakeTaskState.Queued => "IN_QUEUE",
                FakeTaskState.Running => "IN_PROGRESS",
                _ => "COMPLETED",
            },
            ["request_id"] = task.Id,
            ["response_url"] = requests.AbsoluteUri,
            ["status_url"] = requests.AbsoluteUri + "/status",
            ["cancel_url"] = requests.AbsoluteUri + "/cancel",
        };
        if (state == FakeTaskState.Queued)
        {
            body["queue_position"] = QueuePosition(task);
        }

        if (withLogs && state != FakeTaskState.Queued)
        {
            body["logs"] = Logs(task);
        }

        if (task.IsTerminal)
        {
            body["metrics"] = new JsonObject { ["inference_time"] = InferenceTime(task) };
        }

        if (state is FakeTaskState.Failed or FakeTaskState.Cancelled)
        {
            body["error"] = task.FailureMessage;
            body["error_type"] = task.FailureCode;
        }

        return body;
    }

    /// <summary>One entry when the request started and one per status read while it ran: logs that grow as fal's do.</summary>
    private JsonArray Logs(FakeTask task)
    {
        var timestamp = task.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var logs = new JsonArray(Entry($"Processing request {task.Id}"));
        for (var step = 1; step <= task.Polls; step++)
        {
            logs.Add((JsonNode)Entry(string.Create(CultureInfo.InvariantCulture, $"Step {step}")));
        }

        if (task.State == FakeTaskState.Succeeded)
        {
            logs.Add((JsonNode)Entry(string.Create(CultureInfo.InvariantCulture, $"Generated {task.ImageCount} image(s)")));
        }

        return logs;

        JsonObject Entry(string message) => new() { ["message"] = message, ["level"] = "INFO", ["source"] = "USER", ["timestamp"] = timestamp };
    }

    private JsonObject Output(FakeTask task)
    {
        var request = JsonText.TryParse(task.RequestJson) as JsonObject;
        var dataUris = request?["sync_mode"] is JsonValue sync && sync.TryGetValue<bool>(out var on) && on;
        var images = new JsonArray();
        for (var i = 0; i < task.ImageCount; i++)
        {
            var url = task.ResultUrls[i];
            var bytes = ResultImage.Render(task.Id, i, Options.ResultImageSize);

            // sync_mode: the media comes back as data URIs instead of links (and is kept nowhere).
            images.Add((JsonNode)new JsonObject
            {
                ["url"] = dataUris ? "data:image/png;base64," + Convert.ToBase64String(bytes) : url.AbsoluteUri,
                ["content_type"] = "image/png",
                ["file_name"] = Path.GetFileName(url.AbsolutePath),
                ["file_size"] = bytes.Length,
                ["width"] = Options.ResultImageSize,
                ["height"] = Options.ResultImageSize,
            });
        }

        var seed = request?["seed"] is JsonValue s && s.TryGetValue<long>(out var given) ? given : BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(task.Id)));
        return new JsonObject
        {
            ["images"] = images,
            ["timings"] = new JsonObject { ["inference"] = InferenceTime(task) },
            ["seed"] = seed,
            ["has_nsfw_concepts"] = new JsonArray([.. Enumerable.Range(0, task.ImageCount).Select(static _ => (JsonNode?)JsonValue.Create(false))]),
            ["prompt"] = JsonText.String(request?["prompt"]) ?? string.Empty,
        };
    }

    private FakeResponse Failure(FakeTask task)
    {
        var code = task.FailureCode ?? "internal_error";
        if (RequestErrorStatus.TryGetValue(code, out var status))
        {
            return FalErrors.Instance.Create(ErrorKind.ServerError, task.FailureMessage, status: status, code: code);
        }

        return FakeResponse.Json(new JsonObject { ["detail"] = FailureDetail(task) }, 422);
    }

    /// <summary>A model error's typed detail: <c>[{loc: ["body"], msg, type}]</c>.</summary>
    private static JsonArray FailureDetail(FakeTask task) => new(new JsonObject
    {
        ["loc"] = new JsonArray("body"),
        ["msg"] = task.FailureMessage,
        ["type"] = task.FailureCode,
    });

    private static double InferenceTime(FakeTask task) => Math.Round(((task.EndedAt ?? task.UpdatedAt) - task.CreatedAt).TotalSeconds, 3);
}
