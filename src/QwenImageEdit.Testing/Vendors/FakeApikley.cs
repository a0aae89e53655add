using System.Globalization;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// A fake Apikley: <c>POST /api/v1/jobs/createTask</c>, <c>GET /api/v1/jobs/recordInfo?taskId=</c> and the file API under
/// <c>/file-upload/api/</c>, bearer auth, the <c>{code, msg, data}</c> envelope that carries errors in HTTP 200 answers,
/// <c>param</c> and <c>resultJson</c> as JSON text, states waiting/queuing/generating/success/fail, times in ms, and
/// callbacks optionally signed with <c>X-Webhook-Timestamp</c> and <c>X-Webhook-Signature</c>.
/// </summary>
public sealed class FakeApikley : FakeVendor
{
    private const string DefaultModel = "qwen/image-edit";

    private static readonly VendorProfile ApikleyProfile = new(
        HostName: "apikley.fake",
        HasProgress: false,
        CallbackRetryDelays: [],
        BodyCredentialMembers: [],
        UnknownPathErrors: new ApikleyErrors(static () => "msg"));

    private readonly ApikleyErrors _createErrors = new(static () => "msg");
    private readonly ApikleyErrors _recordErrors;

    /// <summary>Creates a fake Apikley, in memory until <see cref="FakeVendor.StartAsync"/>.</summary>
    /// <param name="options">How it behaves; defaults when null.</param>
    public FakeApikley(FakeVendorOptions? options = null)
        : base(ApikleyProfile, options)
    {
        _recordErrors = new ApikleyErrors(() => MessageMember);
    }

    /// <summary>The task API's base address (<c>https://api.apikley.ru</c> in production).</summary>
    public Uri ApiAddress => BaseAddress;

    /// <summary>The file API's base address (<c>https://api.apikley.ru/file-upload</c> in production).</summary>
    public Uri FilesAddress => new(BaseAddress, "file-upload/");

    // recordInfo documents "message"; some copies of the API send "msg" instead.
    private string MessageMember => Options.UseMsgInsteadOfMessage ? "msg" : "message";

    private protected override IEnumerable<FakeOperation> CreateOperations()
    {
        yield return new FakeOperation
        {
            Route = FakeRoute.Create,
            Method = "POST",
            Path = new PathTemplate("/api/v1/jobs/createTask"),
            Name = "qwen-image-edit",
            Errors = _createErrors,
            Auth = AuthKind.Bearer,
            Body = BodyKind.Json,
            Spec = _ => VendorSpecs.ApikleyImageEdit.Operation("POST", "/api/v1/jobs/createTask"),
            Handle = CreateTask,
        };
        yield return new FakeOperation
        {
            Route = FakeRoute.Poll,
            Method = "GET",
            Path = new PathTemplate("/api/v1/jobs/recordInfo"),
            Name = "getTaskRecordInfo",
            Errors = _recordErrors,
            Auth = AuthKind.Bearer,
            Spec = _ => VendorSpecs.ApikleyTasks.Operation("GET", "/api/v1/jobs/recordInfo"),
            StatusMember = "data.state",
            Handle = RecordInfo,
        };
        yield return Upload("/api/file-base64-upload", "upload-file-base64", BodyKind.Json, UploadBase64, static c => UploadRules.Only(UploadRules.Base64Image(c.Body, "base64Data", out _)));
        yield return Upload("/api/file-stream-upload", "upload-file-stream", BodyKind.Multipart, UploadStream, static c => UploadRules.Only(UploadRules.FileImage(c.Form, "file")));
        yield return Upload("/api/file-url-upload", "upload-file-url", BodyKind.Json, UploadUrl, null);
    }

    private protected override CallbackMessage CreateCallback(FakeTask task, Uri target)
    {
        var headers = new Dictionary<string, string>();
        if (Options.WebhookSigningKey is { } key)
        {
            var timestamp = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["X-Webhook-Timestamp"] = timestamp;
            headers["X-Webhook-Signature"] = ApikleySignature.Compute(task.Id, timestamp, key);
        }

        return new CallbackMessage(task.Id, target, JsonText.Write(Envelope(task)), headers);
    }

    private static FakeOperation Upload(string path, string name, BodyKind body, Func<OperationContext, Task<FakeResponse>> handle, Func<OperationContext, IEnumerable<SchemaProblem>>? rules) => new()
    {
        Route = FakeRoute.Upload,
        Method = "POST",
        Path = new PathTemplate("/file-upload" + path),
        Name = name,
        Errors = UploadEnvelopeErrors.Instance,
        Auth = AuthKind.Bearer,
        Body = body,
        Spec = _ => VendorSpecs.ApikleyFiles.Operation("POST", path),
        Rules = rules,
        Handle = handle,
    };

    private Task<FakeResponse> CreateTask(OperationContext context)
    {
        var body = context.Body;
        var id = string.Create(CultureInfo.InvariantCulture, $"task_qwen_{Time.GetUtcNow().ToUnixTimeMilliseconds()}_{NextSequence()}");
        var callback = JsonText.String(body["callBackUrl"]) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
        var count = int.TryParse(JsonText.String(body["input"]?["num_images"]), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        AddTask(new TaskDraft(id, JsonText.String(body["model"]) ?? DefaultModel, Redactor.JsonBody(JsonText.Write(body), []), callback, count, null));
        return Task.FromResult(FakeResponse.Json(new JsonObject
        {
            ["code"] = 200,
            ["msg"] = "success",
            ["data"] = new JsonObject { ["taskId"] = id },
        }));
    }

    private Task<FakeResponse> RecordInfo(OperationContext context)
    {
        // An unknown task is an error code inside an HTTP 200, as the spec's notFound example shows.
        if (!TryGetTask(context.Request.QueryValue("taskId") ?? string.Empty, out var task))
        {
            return Task.FromResult(FakeResponse.Json(new JsonObject { ["code"] = 404, [MessageMember] = "Task not found" }));
        }

        ReadStatus(task);
        return Task.FromResult(FakeResponse.Json(Envelope(task)));
    }

    /// <summary>The recordInfo answer, which is also the callback body.</summary>
    private JsonObject Envelope(FakeTask task)
    {
        var state = task.State;
        var succeeded = state == FakeTaskState.Succeeded;
        var failed = state is FakeTaskState.Failed or FakeTaskState.Cancelled;
        var urls = new JsonArray([.. task.ResultUrls.Select(static u => (JsonNode)u.AbsoluteUri)]);
        var result = new JsonObject { ["resultUrls"] = urls };
        JsonNode? resultJson = !succeeded ? JsonValue.Create(string.Empty) : Options.ResultJsonAsObject ? result : JsonValue.Create(JsonText.Write(result));
        return new JsonObject
        {
            ["code"] = 200,
            [MessageMember] = "success",
            ["data"] = new JsonObject
            {
                ["taskId"] = task.Id,
                ["model"] = task.Model,
                ["state"] = state switch
                {
                    // Apikley has two waiting states; a task nobody has looked at yet is "waiting".
                    FakeTaskState.Queued => task.Polls == 0 ? "waiting" : "queuing",
                    FakeTaskState.Running => "generating",
                    FakeTaskState.Succeeded => "success",
                    _ => "fail",
                },
                ["param"] = task.RequestJson,
                ["resultJson"] = resultJson,
                ["failCode"] = failed ? task.FailureCode : string.Empty,
                ["failMsg"] = failed ? task.FailureMessage : string.Empty,
                ["completeTime"] = task.EndedAt?.ToUnixTimeMilliseconds(),
                ["createTime"] = task.CreatedAt.ToUnixTimeMilliseconds(),
                ["updateTime"] = task.UpdatedAt.ToUnixTimeMilliseconds(),
            },
        };
    }

    private Task<FakeResponse> UploadBase64(OperationContext context)
    {
        UploadRules.Base64Image(context.Body, "base64Data", out var content);
        return Task.FromResult(Uploaded(JsonText.String(context.Body["fileName"]), content, JsonText.String(context.Body["uploadPath"])!));
    }

    private Task<FakeResponse> UploadStream(OperationContext context)
    {
        var form = context.Form!;
        var file = form.Files["file"];
        return Task.FromResult(Uploaded(form.Fields.GetValueOrDefault("fileName") ?? file.FileName, file.Content, form.Fields.GetValueOrDefault("uploadPath") ?? string.Empty));
    }

    private Task<FakeResponse> UploadUrl(OperationContext context)
    {
        // Nothing is downloaded (no network in tests): the stored file is an image made from the URL.
        var url = JsonText.String(context.Body["fileUrl"])!;
        var name = JsonText.String(context.Body["fileName"]) ?? Path.GetFileName(new Uri(url).AbsolutePath);
        return Task.FromResult(Uploaded(name, ResultImage.Render(url, 0, Options.ResultImageSize), JsonText.String(context.Body["uploadPath"])!));
    }

    private FakeResponse Uploaded(string? fileName, byte[] content, string uploadPath)
    {
        var mimeType = UploadedContent.SniffImageType(content) ?? "image/png";
        var file = StoreFile(fileName, mimeType, content, uploadPath);
        return FakeResponse.Json(new JsonObject
        {
            ["success"] = true,
            ["code"] = 200,
            ["msg"] = "File uploaded successfully",
            ["data"] = new JsonObject
            {
                ["fileName"] = file.FileName,
                ["filePath"] = uploadPath.Trim('/') + "/" + file.FileName,
                ["downloadUrl"] = FileUrl(file).AbsoluteUri,
                ["fileSize"] = content.LongLength,
                ["mimeType"] = mimeType,
                ["uploadedAt"] = file.UploadedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
        });
    }
}
