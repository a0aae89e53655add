using System.Globalization;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// A fake EvoLink: <c>POST /v1/images/generations</c> (models <c>qwen-image-edit</c> and <c>qwen-image-edit-plus</c>),
/// <c>GET /v1/tasks/{task_id}</c> with progress, the file API under <c>/api/v1/files/upload/</c>, bearer auth, errors as
/// <c>{error: {code, message, type, param?}}</c> with the matching HTTP status, and callbacks retried after 1, 2 and 4 s.
/// </summary>
public sealed class FakeEvoLink : FakeVendor
{
    private const string PlusModel = "qwen-image-edit-plus";

    private static readonly VendorProfile EvoLinkProfile = new(
        HostName: "evolink.fake",
        HasProgress: true,
        CallbackRetryDelays: [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
        BodyCredentialMembers: [],
        UnknownPathErrors: EvoLinkErrors.Instance);

    /// <summary>Creates a fake EvoLink, in memory until <see cref="FakeVendor.StartAsync"/>.</summary>
    /// <param name="options">How it behaves; defaults when null.</param>
    public FakeEvoLink(FakeVendorOptions? options = null)
        : base(EvoLinkProfile, options)
    {
    }

    /// <summary>The generation and task API's base address (<c>https://api.evolink.ai</c> in production).</summary>
    public Uri ApiAddress => BaseAddress;

    /// <summary>The file API's base address (<c>https://files-api.evolink.ai</c> in production); the same server here, as the paths do not collide.</summary>
    public Uri FilesAddress => BaseAddress;

    private protected override IEnumerable<FakeOperation> CreateOperations()
    {
        var create = VendorSpecs.EvoLinkImageEdit.Operation("POST", "/v1/images/generations");
        var createPlus = VendorSpecs.EvoLinkImageEditPlus.Operation("POST", "/v1/images/generations");
        yield return new FakeOperation
        {
            Route = FakeRoute.Create,
            Method = "POST",
            Path = new PathTemplate("/v1/images/generations"),
            Name = "createQwenImageEditGeneration",
            Errors = EvoLinkErrors.Instance,
            Auth = AuthKind.Bearer,
            Body = BodyKind.Json,

            // One path, two specs: the model decides which request schema applies.
            Spec = body => JsonText.String(body?["model"]) == PlusModel ? createPlus : create,
            Rules = CreateRules,
            StatusMember = "status",
            Handle = CreateTask,
        };
        yield return new FakeOperation
        {
            Route = FakeRoute.Poll,
            Method = "GET",
            Path = new PathTemplate("/v1/tasks/{task_id}"),
            Name = "getTaskDetail",
            Errors = EvoLinkErrors.Instance,
            Auth = AuthKind.Bearer,
            Spec = _ => VendorSpecs.EvoLinkTasks.Operation("GET", "/v1/tasks/{task_id}"),
            StatusMember = "status",
            Handle = GetTask,
        };
        yield return Upload("/api/v1/files/upload/base64", "uploadFileBase64", BodyKind.Json, UploadBase64, c => UploadRules.Only(UploadRules.Base64Image(c.Body, "base64_data", out _)));
        yield return Upload("/api/v1/files/upload/stream", "uploadFileStream", BodyKind.Multipart, UploadStream, c => UploadRules.Only(UploadRules.FileImage(c.Form, "file")));
        yield return Upload("/api/v1/files/upload/url", "uploadFileUrl", BodyKind.Json, UploadUrl, null);
    }

    private protected override CallbackMessage CreateCallback(FakeTask task, Uri target)
        => new(task.Id, target, JsonText.Write(TaskBody(task)), new Dictionary<string, string>());

    private static FakeOperation Upload(string path, string name, BodyKind body, Func<OperationContext, Task<FakeResponse>> handle, Func<OperationContext, IEnumerable<SchemaProblem>>? rules) => new()
    {
        Route = FakeRoute.Upload,
        Method = "POST",
        Path = new PathTemplate(path),
        Name = name,
        Errors = UploadEnvelopeErrors.Instance,
        Auth = AuthKind.Bearer,
        Body = body,
        Spec = _ => VendorSpecs.EvoLinkFiles.Operation("POST", path),
        Rules = rules,
        Handle = handle,
    };

    private static IEnumerable<SchemaProblem> CreateRules(OperationContext context)
    {
        var body = context.Body;
        if (JsonText.String(body["callback_url"]) is { } callback && EvoLinkCallbackUrlRule.Check(callback) is { } problem)
        {
            yield return new SchemaProblem("$.callback_url", problem);
        }

        if (JsonText.String(body["size"]) is { } size)
        {
            var n = body["n"] is JsonValue count && count.TryGetValue<int>(out var value) ? value : 1;
            if (n != 1)
            {
                yield return new SchemaProblem("$.size", "is only allowed when n is 1");
            }

            var sides = size.Split('x');
            if (sides.Length == 2 && sides.Any(static s => !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var side) || side is < 512 or > 2048))
            {
                yield return new SchemaProblem("$.size", "each side must be between 512 and 2048 pixels");
            }
        }
    }

    private Task<FakeResponse> CreateTask(OperationContext context)
    {
        var body = context.Body;
        var created = Time.GetUtcNow().ToUnixTimeSeconds();
        var id = string.Create(CultureInfo.InvariantCulture, $"task-unified-{created}-{NextSequence():x8}");
        var callback = JsonText.String(body["callback_url"]) is { } url ? new Uri(url) : null;
        var model = JsonText.String(body["model"]) ?? "qwen-image-edit";

        // Only the plus model takes n; the other spec has no such member, so EvoLink makes one image.
        var count = model == PlusModel && body["n"] is JsonValue n && n.TryGetValue<int>(out var value) ? value : 1;
        var task = AddTask(new TaskDraft(id, model, Redactor.JsonBody(JsonText.Write(body), []), callback, count, null));
        return Task.FromResult(FakeResponse.Json(TaskBody(task)));
    }

    private Task<FakeResponse> GetTask(OperationContext context)
    {
        var id = context.PathParameters["task_id"];
        if (!id.StartsWith("task-unified-", StringComparison.Ordinal))
        {
            return Task.FromResult(EvoLinkErrors.Instance.Create(ErrorKind.InvalidRequest, "Invalid task ID format, must start with 'task-unified-'", "task_id", code: "invalid_task_id"));
        }

        if (!TryGetTask(id, out var task))
        {
            return Task.FromResult(EvoLinkErrors.Instance.Create(ErrorKind.NotFound, "Task not found", "task_id", code: "task_not_found"));
        }

        ReadStatus(task);
        return Task.FromResult(FakeResponse.Json(TaskBody(task)));
    }

    /// <summary>The get-task body, which is also the create answer and the callback body.</summary>
    private JsonObject TaskBody(FakeTask task)
    {
        var state = task.State;
        var body = new JsonObject
        {
            ["created"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["id"] = task.Id,
            ["model"] = task.Model,
            ["object"] = "image.generation.task",
            ["progress"] = task.Progress ?? 0,
        };
        if (state == FakeTaskState.Succeeded)
        {
            body["results"] = new JsonArray([.. task.ResultUrls.Select(static u => (JsonNode)u.AbsoluteUri)]);
        }

        body["status"] = state switch
        {
            FakeTaskState.Queued => "pending",
            FakeTaskState.Running => "processing",
            FakeTaskState.Succeeded => "completed",
            FakeTaskState.Failed => "failed",
            _ => "cancelled",
        };
        if (state == FakeTaskState.Failed)
        {
            body["error"] = new JsonObject { ["code"] = task.FailureCode, ["message"] = task.FailureMessage };
        }

        var info = new JsonObject { ["can_cancel"] = !task.IsTerminal };
        if (!task.IsTerminal)
        {
            info["estimated_time"] = (int)Math.Ceiling(task.Lifecycle.EstimatedRemaining(task, Time).TotalSeconds);
        }

        body["task_info"] = info;
        body["type"] = "image";
        body["usage"] = new JsonObject { ["billing_rule"] = "per_call", ["credits_reserved"] = task.ImageCount, ["user_group"] = "default" };
        return body;
    }

    private Task<FakeResponse> UploadBase64(OperationContext context)
    {
        UploadRules.Base64Image(context.Body, "base64_data", out var content);
        return Task.FromResult(Uploaded(JsonText.String(context.Body["file_name"]), content, JsonText.String(context.Body["upload_path"])));
    }

    private Task<FakeResponse> UploadStream(OperationContext context)
    {
        var form = context.Form!;
        var file = form.Files["file"];
        var name = form.Fields.GetValueOrDefault("file_name") ?? form.Fields.GetValueOrDefault("fileName") ?? file.FileName;
        var path = form.Fields.GetValueOrDefault("upload_path") ?? form.Fields.GetValueOrDefault("uploadPath");
        return Task.FromResult(Uploaded(name, file.Content, path));
    }

    private Task<FakeResponse> UploadUrl(OperationContext context)
    {
        // Nothing is downloaded (no network in tests): the stored file is an image made from the URL.
        var url = JsonText.String(context.Body["file_url"])!;
        var name = JsonText.String(context.Body["file_name"]) ?? Path.GetFileName(new Uri(url).AbsolutePath);
        return Task.FromResult(Uploaded(name, ResultImage.Render(url, 0, Options.ResultImageSize), JsonText.String(context.Body["upload_path"])));
    }

    private FakeResponse Uploaded(string? fileName, byte[] content, string? uploadPath)
    {
        var mimeType = UploadedContent.SniffImageType(content) ?? "image/png";
        var file = StoreFile(fileName, mimeType, content, uploadPath);
        var url = FileUrl(file).AbsoluteUri;
        return FakeResponse.Json(new JsonObject
        {
            ["success"] = true,
            ["code"] = 200,
            ["msg"] = "File uploaded successfully",
            ["data"] = new JsonObject
            {
                ["file_id"] = file.Id,
                ["file_name"] = file.FileName,
                ["original_name"] = fileName ?? file.FileName,
                ["file_size"] = content.LongLength,
                ["mime_type"] = mimeType,
                ["upload_path"] = uploadPath ?? "images",
                ["file_url"] = url,
                ["download_url"] = url,
                ["upload_time"] = file.UploadedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["expires_at"] = file.UploadedAt.AddHours(72).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            },
        });
    }
}
