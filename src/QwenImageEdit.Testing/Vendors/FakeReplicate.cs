using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QwenImageEdit.Testing;

/// <summary>
/// A fake Replicate: predictions of <c>qwen/qwen-image-edit</c> and <c>qwen/qwen-image-edit-plus</c>
/// (<c>POST /v1/models/{owner}/{name}/predictions</c>, checked against the model's input schema), <c>Prefer: wait</c>
/// (the answer waits for the prediction, as long as the header says), <c>Cancel-After</c> (a deadline that cancels
/// it, <c>aborted</c> before it started), <c>GET /v1/predictions/{id}</c>, cancel, bearer auth, problem-details errors,
/// inputs and outputs removed an hour after the prediction ended, and webhooks (<c>start</c> and <c>completed</c>,
/// filtered by <c>webhook_events_filter</c>) signed with the Standard Webhooks scheme and <see cref="WebhookSecret"/>.
/// </summary>
public sealed partial class FakeReplicate : FakeVendor
{
    /// <summary>How long Replicate keeps an API prediction's input, output and logs after it ended.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private static readonly (string Model, SpecDocument Spec)[] ModelSpecs =
    [
        ("qwen/qwen-image-edit", VendorSpecs.ReplicateImageEdit),
        ("qwen/qwen-image-edit-plus", VendorSpecs.ReplicateImageEditPlus),
    ];

    private static readonly VendorProfile ReplicateProfile = new(
        HostName: "replicate.fake",
        HasProgress: false,

        // "If there are network problems, we will retry the webhook a few times" (predictions.create): the fake's few.
        CallbackRetryDelays: [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
        BodyCredentialMembers: [],
        UnknownPathErrors: ReplicateErrors.Instance);

    private readonly object _deadlinesGate = new();
    private readonly Dictionary<string, DateTimeOffset> _deadlines = new(StringComparer.Ordinal);

    /// <summary>Creates a fake Replicate, in memory until <see cref="FakeVendor.StartAsync"/>.</summary>
    /// <param name="options">How it behaves; defaults when null.</param>
    /// <param name="webhookSecret">The <c>whsec_</c> secret webhooks are signed with; a fixed test secret when null.</param>
    public FakeReplicate(FakeVendorOptions? options = null, string? webhookSecret = null)
        : base(ReplicateProfile, options)
    {
        WebhookSecret = webhookSecret ?? TestWebhookSecret;
    }

    /// <summary>The secret every fake Replicate signs with unless told otherwise (its bytes are public: it proves nothing outside tests).</summary>
    public static string TestWebhookSecret { get; } = "whsec_" + Convert.ToBase64String(SHA256.HashData("QwenImageEdit.Testing Replicate webhook test secret"u8));

    /// <summary>The API's base address, the spec's server under the fake's root (<c>https://api.replicate.com/v1</c> in production).</summary>
    public Uri ApiAddress => new(BaseAddress, "v1/");

    /// <summary>The signing secret of the account's webhooks, as <c>GET /v1/webhooks/default/secret</c> answers it.</summary>
    public string WebhookSecret { get; }

    private protected override IEnumerable<FakeOperation> CreateOperations()
    {
        foreach (var (model, spec) in ModelSpecs)
        {
            var path = $"/models/{model}/predictions";
            yield return new FakeOperation
            {
                Route = FakeRoute.Create,
                Method = "POST",
                Path = new PathTemplate("/v1" + path),
                Name = "createPrediction",
                Errors = ReplicateErrors.Instance,
                Auth = AuthKind.Bearer,
                Body = BodyKind.Json,
                Spec = _ => spec.Operation("POST", path),
                Rules = HeaderRules,
                StatusMember = "status",
                Handle = context => CreateAsync(context, model),
            };
        }

        yield return Api("GET", "/predictions/{prediction_id}", "predictions.get", FakeRoute.Poll, Get, "status");
        yield return Api("POST", "/predictions/{prediction_id}/cancel", "predictions.cancel", FakeRoute.Cancel, Cancel, "status");
        yield return Api("GET", "/webhooks/default/secret", "webhooks.default.secret.get", FakeRoute.Poll, _ => Task.FromResult(FakeResponse.Json(new JsonObject { ["key"] = WebhookSecret })), null);
    }

    private protected override CallbackMessage? CreateCallback(FakeTask task, Uri target)
        => Wants(task, "completed") ? Signed(task, target) : null;

    private protected override void OnTaskStarted(FakeTask task)
    {
        if (CallbackTarget(task) is { } target && Wants(task, "start"))
        {
            SendCallback(Signed(task, target));
        }
    }

    private static FakeOperation Api(string method, string path, string name, FakeRoute route, Func<OperationContext, Task<FakeResponse>> handle, string? statusMember) => new()
    {
        Route = route,
        Method = method,
        Path = new PathTemplate("/v1" + path),
        Name = name,
        Errors = ReplicateErrors.Instance,
        Auth = AuthKind.Bearer,
        Spec = _ => VendorSpecs.ReplicateApi.Operation(method, path),
        StatusMember = statusMember,
        Handle = handle,
    };

    /// <summary>The headers' rules, which the schema states only in prose (conflict R5) or not at all.</summary>
    private static IEnumerable<SchemaProblem> HeaderRules(OperationContext context)
    {
        if (context.Request.Header("Prefer") is { } prefer && PreferWait(prefer) is null)
        {
            yield return new SchemaProblem("header Prefer", "must be wait or wait=n with n from 1 to 60");
        }

        if (context.Request.Header("Cancel-After") is { } cancelAfter && (Duration(cancelAfter) is not { } duration || duration < TimeSpan.FromSeconds(5)))
        {
            yield return new SchemaProblem("header Cancel-After", "must be a duration such as 30s, 5m or 1h30m, at least 5 seconds");
        }
    }

    /// <summary>The seconds <c>Prefer: wait[=n]</c> asks for (60 without n), or null when it is not a valid wait.</summary>
    internal static int? PreferWait(string value)
    {
        var match = PreferPattern().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var seconds = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 60;
        return seconds is >= 1 and <= 60 ? seconds : null;
    }

    /// <summary><c>30</c>, <c>30s</c>, <c>5m</c>, <c>1h30m45s</c>, as Cancel-After takes them; null otherwise.</summary>
    internal static TimeSpan? Duration(string value)
    {
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return TimeSpan.FromSeconds(bare);
        }

        var match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        static long Part(Group group) => group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        return TimeSpan.FromHours(Part(match.Groups["h"])) + TimeSpan.FromMinutes(Part(match.Groups["m"])) + TimeSpan.FromSeconds(Part(match.Groups["s"]));
    }

    private async Task<FakeResponse> CreateAsync(OperationContext context, string model)
    {
        var body = context.Body;
        var webhook = JsonText.String(body["webhook"]) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
        var task = AddTask(new TaskDraft(PredictionId(), model, Redactor.JsonBody(JsonText.Write(body), []), webhook, 1, null));
        if (context.Request.Header("Cancel-After") is { } cancelAfter && Duration(cancelAfter) is { } lifetime)
        {
            lock (_deadlinesGate)
            {
                _deadlines[task.Id] = task.CreatedAt + lifetime;
            }
        }

        if (context.Request.Header("Prefer") is { } prefer && PreferWait(prefer) is { } seconds)
        {
            await WaitAsync(task, seconds, context.Aborted).ConfigureAwait(false);
        }

        return FakeResponse.Json(Prediction(task), 201);
    }

    /// <summary>
    /// <c>Prefer: wait</c>: the answer waits for the prediction. A lifecycle that moves on status reads moves one step per
    /// second waited (so <c>AfterPolls(2)</c> is done within <c>wait=3</c>); a timed one is waited for on the fake's clock.
    /// </summary>
    private async Task WaitAsync(FakeTask task, int seconds, CancellationToken cancellationToken)
    {
        if (task.Lifecycle.AdvancesOnRead)
        {
            for (var second = 0; second < seconds && !task.IsTerminal; second++)
            {
                task.Lifecycle.Advance(task, Time);
                ExpireIfDue(task);
            }

            return;
        }

        var until = Time.GetUtcNow().AddSeconds(seconds);
        while (!task.IsTerminal && Time.GetUtcNow() < until)
        {
            var changed = task.WhenChangedAsync(cancellationToken);
            var elapsed = Task.Delay(until - Time.GetUtcNow(), Time, cancellationToken);
            await Task.WhenAny(changed, elapsed).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            ExpireIfDue(task);
        }
    }

    private Task<FakeResponse> Get(OperationContext context)
    {
        if (!TryGetTask(context.PathParameters["prediction_id"], out var task))
        {
            return Task.FromResult(ReplicateErrors.Instance.Create(ErrorKind.NotFound));
        }

        ExpireIfDue(task);
        if (!task.IsTerminal)
        {
            ReadStatus(task);
        }

        return Task.FromResult(FakeResponse.Json(Prediction(task)));
    }

    private Task<FakeResponse> Cancel(OperationContext context)
    {
        if (!TryGetTask(context.PathParameters["prediction_id"], out var task))
        {
            return Task.FromResult(ReplicateErrors.Instance.Create(ErrorKind.NotFound));
        }

        // "canceled" whether it had started or not (only a deadline before the start is "aborted"); a prediction that
        // has ended stays as it is, and the answer is the prediction either way.
        _ = task.TryCancel("canceled");
        return Task.FromResult(FakeResponse.Json(Prediction(task)));
    }

    /// <summary>A deadline from Cancel-After that has passed ends the prediction: <c>aborted</c> if it never started, else <c>canceled</c>.</summary>
    private void ExpireIfDue(FakeTask task)
    {
        DateTimeOffset deadline;
        lock (_deadlinesGate)
        {
            if (!_deadlines.TryGetValue(task.Id, out deadline))
            {
                return;
            }
        }

        if (Time.GetUtcNow() >= deadline)
        {
            _ = task.TryCancel(task.State == FakeTaskState.Queued ? "aborted" : "canceled");
        }
    }

    private JsonObject Prediction(FakeTask task)
    {
        var state = task.State;
        var removed = task.EndedAt is { } ended && Time.GetUtcNow() >= ended + Retention;
        var request = JsonText.TryParse(task.RequestJson) as JsonObject;
        var api = new Uri(ApiAddress, "predictions/" + Uri.EscapeDataString(task.Id));
        var body = new JsonObject
        {
            ["id"] = task.Id,
            ["model"] = task.Model,
            ["version"] = "hidden",
            ["input"] = removed ? new JsonObject() : request?["input"]?.DeepClone() ?? new JsonObject(),
            ["logs"] = removed ? string.Empty : Logs(task),
            ["output"] = state == FakeTaskState.Succeeded && !removed ? new JsonArray([.. task.ResultUrls.Select(static u => (JsonNode)u.AbsoluteUri)]) : null,
            ["data_removed"] = removed,
            ["error"] = state == FakeTaskState.Failed ? task.FailureMessage : null,
            ["status"] = state switch
            {
                FakeTaskState.Queued => "starting",
                FakeTaskState.Running => "processing",
                FakeTaskState.Succeeded => "succeeded",
                FakeTaskState.Failed => "failed",
                _ => task.FailureCode == "aborted" ? "aborted" : "canceled",
            },
            ["source"] = "api",
            ["created_at"] = Timestamp(task.CreatedAt),
            ["urls"] = new JsonObject
            {
                ["cancel"] = api.AbsoluteUri + "/cancel",
                ["get"] = api.AbsoluteUri,
                ["web"] = "https://replicate.com/p/" + task.Id,
            },
        };
        if (state != FakeTaskState.Queued && task.FailureCode != "aborted")
        {
            body["started_at"] = Timestamp(task.CreatedAt);
        }

        if (task.EndedAt is { } end)
        {
            body["completed_at"] = Timestamp(end);
            body["metrics"] = new JsonObject
            {
                ["predict_time"] = Math.Round((end - task.CreatedAt).TotalSeconds, 3),
                ["total_time"] = Math.Round((end - task.CreatedAt).TotalSeconds, 3),
            };
        }

        lock (_deadlinesGate)
        {
            if (_deadlines.TryGetValue(task.Id, out var deadline))
            {
                body["deadline"] = Timestamp(deadline);
            }
        }

        return body;
    }

    private static string Logs(FakeTask task) => task.State switch
    {
        FakeTaskState.Queued => string.Empty,
        FakeTaskState.Succeeded => "Running prediction...\nDone.\n",
        _ => "Running prediction...\n",
    };

    /// <summary>Whether the prediction's <c>webhook_events_filter</c> asks for the event; without one, only <c>completed</c> (its outputs come at the end).</summary>
    private static bool Wants(FakeTask task, string kind)
        => JsonText.TryParse(task.RequestJson)?["webhook_events_filter"] is JsonArray filter
            ? filter.Any(e => JsonText.String(e) == kind)
            : kind == "completed";

    /// <summary>The prediction as the webhook body, signed: <c>webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body))</c>.</summary>
    private CallbackMessage Signed(FakeTask task, Uri target)
    {
        var text = JsonText.Write(Prediction(task));
        var messageId = string.Create(CultureInfo.InvariantCulture, $"msg_{task.Id}_{NextSequence()}");
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var secret = Convert.FromBase64String(WebhookSecret["whsec_".Length..]);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{text}")));
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = messageId,
            ["webhook-timestamp"] = timestamp,
            ["webhook-signature"] = "v1," + signature,
        };
        return new CallbackMessage(task.Id, target, text, headers);
    }

    /// <summary>An id in Replicate's form: 26 lower-case letters and digits.</summary>
    private string PredictionId()
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{NextSequence()}:{Time.GetUtcNow().ToUnixTimeMilliseconds()}:{GetHashCode()}")));
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(26, seed, static (span, bytes) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[bytes[i] % Alphabet.Length];
            }
        });
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^wait(?:=([0-9]+))?$")]
    private static partial Regex PreferPattern();

    [GeneratedRegex(@"^(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?$")]
    private static partial Regex DurationPattern();
}
