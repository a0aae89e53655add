using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// A fake ModelsLab: <c>POST /api/v6/image_editing/qwen_edit</c>, <c>POST /api/v6/image_editing/fetch/{id}</c> and
/// <c>POST /api/v6/image_editing/base64_to_url</c>, the key in the JSON body, errors as <c>{status: "error", message}</c>,
/// integer ids, <c>output: ""</c> while a fetch finds the task processing, webhooks with <c>status: failed</c> and
/// string ids (sent twice with <see cref="FakeVendorOptions.DuplicateWebhooks"/>), and legacy <c>messege</c> errors with
/// <see cref="FakeVendorOptions.UseMessegeSpelling"/>.
/// </summary>
public sealed class FakeModelsLab : FakeVendor
{
    private const string DefaultModel = "qwen-edit-2509";

    // ModelsLab ids are integers in the hundred millions; the fake counts up from one such.
    private const long FirstId = 130_997_346;

    private static readonly VendorProfile ModelsLabProfile = new(
        HostName: "modelslab.fake",
        HasProgress: false,
        CallbackRetryDelays: [],
        BodyCredentialMembers: ["key"],
        UnknownPathErrors: ModelsLabErrors.Instance);

    private readonly ModelsLabErrors _errors;

    /// <summary>Creates a fake ModelsLab, in memory until <see cref="FakeVendor.StartAsync"/>.</summary>
    /// <param name="options">How it behaves; defaults when null.</param>
    public FakeModelsLab(FakeVendorOptions? options = null)
        : base(ModelsLabProfile, options)
    {
        _errors = new ModelsLabErrors(() => MessageMember);
    }

    /// <summary>The API's base address, the spec's server path under the fake's root (<c>https://modelslab.com/api/v6</c> in production).</summary>
    public Uri ApiAddress => new(BaseAddress, "api/v6/");

    private protected override int CallbackCopies => Options.DuplicateWebhooks ? 2 : 1;

    // Errors and failure reports document "message"; some legacy errors spell it "messege". The processing answer's
    // message is not an error and keeps its spelling.
    private string MessageMember => Options.UseMessegeSpelling ? "messege" : "message";

    private protected override IEnumerable<FakeOperation> CreateOperations()
    {
        yield return new FakeOperation
        {
            Route = FakeRoute.Create,
            Method = "POST",
            Path = new PathTemplate("/api/v6/image_editing/qwen_edit"),
            Name = "createQwenEdit",
            Errors = _errors,
            Auth = AuthKind.BodyKey,
            Body = BodyKind.Json,
            Spec = _ => VendorSpecs.ModelsLabQwenEdit.Operation("POST", "/image_editing/qwen_edit"),
            StatusMember = "status",
            Handle = CreateTask,
        };
        yield return new FakeOperation
        {
            Route = FakeRoute.Poll,
            Method = "POST",
            Path = new PathTemplate("/api/v6/image_editing/fetch/{id}"),
            Name = "fetchQwenEditResult",
            Errors = _errors,
            Auth = AuthKind.BodyKey,
            Body = BodyKind.Json,
            Spec = _ => VendorSpecs.ModelsLabFetch.Operation("POST", "/image_editing/fetch/{id}"),
            StatusMember = "status",
            Handle = Fetch,
        };
        yield return new FakeOperation
        {
            Route = FakeRoute.Upload,
            Method = "POST",
            Path = new PathTemplate("/api/v6/image_editing/base64_to_url"),
            Name = "base64ToUrl",
            Errors = _errors,
            Auth = AuthKind.BodyKey,
            Body = BodyKind.Json,
            Spec = _ => VendorSpecs.ModelsLabUploads.Operation("POST", "/image_editing/base64_to_url"),
            Rules = static c => UploadRules.Only(UploadRules.Base64Image(c.Body, "init_image", out _)),
            StatusMember = "status",
            Handle = Upload,
        };
    }

    private protected override CallbackMessage CreateCallback(FakeTask task, Uri target)
    {
        // Webhooks differ from the API: ids as strings, and "failed" where the API says "error".
        var body = new JsonObject { ["status"] = task.State == FakeTaskState.Succeeded ? "success" : "failed", ["id"] = task.Id };
        if (task.State == FakeTaskState.Succeeded)
        {
            body["output"] = Urls(task);
            body["generationTime"] = GenerationTime(task);
        }
        else
        {
            body[MessageMember] = task.FailureMessage;
        }

        if (task.TrackId is not null)
        {
            body["track_id"] = task.TrackId;
        }

        if (task.State == FakeTaskState.Succeeded)
        {
            body["meta"] = Meta(task);
        }

        return new CallbackMessage(task.Id, target, JsonText.Write(body), new Dictionary<string, string>());
    }

    private Task<FakeResponse> CreateTask(OperationContext context)
    {
        var body = context.Body;
        var id = (FirstId + NextSequence()).ToString(CultureInfo.InvariantCulture);
        var webhook = JsonText.String(body["webhook"]) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
        var trackId = body["track_id"] is JsonValue track
            ? track.GetValueKind() == JsonValueKind.String ? track.GetValue<string>() : track.ToJsonString()
            : null;
        var draft = new TaskDraft(id, JsonText.String(body["model_id"]) ?? DefaultModel, Redactor.JsonBody(JsonText.Write(body), Profile.BodyCredentialMembers), webhook, 1, trackId);
        var task = AddTask(draft);

        // ModelsLab answers a create with the result when it is quick enough; an instant lifecycle is that case.
        if (task.Lifecycle.IsInstant)
        {
            task.Finish();
        }

        return Task.FromResult(FakeResponse.Json(task.State switch
        {
            FakeTaskState.Succeeded => Success(task),
            FakeTaskState.Failed or FakeTaskState.Cancelled => Error(task),
            _ => Processing(task, fromFetch: false),
        }));
    }

    private Task<FakeResponse> Fetch(OperationContext context)
    {
        if (!TryGetTask(context.PathParameters["id"], out var task))
        {
            return Task.FromResult(_errors.Create(ErrorKind.InvalidRequest, "Request not found"));
        }

        ReadStatus(task);
        return Task.FromResult(FakeResponse.Json(task.State switch
        {
            FakeTaskState.Succeeded => Success(task),
            FakeTaskState.Failed or FakeTaskState.Cancelled => Error(task),
            _ => Processing(task, fromFetch: true),
        }));
    }

    private Task<FakeResponse> Upload(OperationContext context)
    {
        UploadRules.Base64Image(context.Body, "init_image", out var content);
        var file = StoreFile(null, UploadedContent.SniffImageType(content) ?? "image/png", content, null);
        return Task.FromResult(FakeResponse.Json(new JsonObject
        {
            ["status"] = "success",
            ["output"] = new JsonArray(FileUrl(file).AbsoluteUri),
        }));
    }

    private JsonObject Success(FakeTask task) => new()
    {
        ["status"] = "success",
        ["generationTime"] = GenerationTime(task),
        ["id"] = long.Parse(task.Id, CultureInfo.InvariantCulture),
        ["output"] = Urls(task),
        ["proxy_links"] = Urls(task),
        ["meta"] = Meta(task),
    };

    /// <summary>The create answers <c>output: []</c>; the fetch endpoint documents <c>output: ""</c> (an empty string).</summary>
    private JsonObject Processing(FakeTask task, bool fromFetch)
    {
        var eta = (int)Math.Ceiling(task.Lifecycle.EstimatedRemaining(task, Time).TotalSeconds);
        var body = new JsonObject
        {
            ["status"] = "processing",
            ["tip"] = "Your image is processing in the background, you can get it with the fetch endpoint",
            ["eta"] = eta,
            ["message"] = "Request processing",
            ["fetch_result"] = new Uri(ApiAddress, "image_editing/fetch/" + task.Id).AbsoluteUri,
            ["id"] = long.Parse(task.Id, CultureInfo.InvariantCulture),
            ["output"] = fromFetch ? JsonValue.Create(string.Empty) : new JsonArray(),
        };
        if (!fromFetch)
        {
            // Where the images will be once done: the fake serves them there as soon as the task has succeeded.
            body["future_links"] = new JsonArray([.. Enumerable.Range(0, task.ImageCount).Select(i => (JsonNode)ResultUrl(task, i).AbsoluteUri)]);
        }

        body["meta"] = Meta(task);
        return body;
    }

    private JsonObject Error(FakeTask task) => new() { ["status"] = "error", [MessageMember] = task.FailureMessage };

    private static JsonArray Urls(FakeTask task) => new([.. task.ResultUrls.Select(static u => (JsonNode)u.AbsoluteUri)]);

    private static double GenerationTime(FakeTask task)
        => Math.Round(((task.EndedAt ?? task.CreatedAt) - task.CreatedAt).TotalSeconds, 2);

    private static JsonObject Meta(FakeTask task)
    {
        var request = JsonText.TryParse(task.RequestJson) as JsonObject;
        return new JsonObject
        {
            ["model_id"] = task.Model,
            ["prompt"] = JsonText.String(request?["prompt"]),
        };
    }
}
