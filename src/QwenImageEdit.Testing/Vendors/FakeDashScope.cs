using System.Globalization;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>The two regions of Model Studio, each with its own endpoint and its own API keys.</summary>
public enum FakeDashScopeRegion
{
    /// <summary>Singapore (international): <c>https://dashscope-intl.aliyuncs.com</c>.</summary>
    Singapore,

    /// <summary>Beijing (China mainland): <c>https://dashscope.aliyuncs.com</c>.</summary>
    Beijing,
}

/// <summary>
/// A fake Alibaba Cloud Model Studio (DashScope) region: the synchronous image edit
/// (<c>POST /api/v1/services/aigc/multimodal-generation/generation</c>) that answers with the result images, bearer auth
/// with the region's key, errors as <c>{request_id, code, message}</c>, and each model's own limits (one image and no
/// size for <c>qwen-image-edit</c>). There is no task to poll: a planned failure (<see cref="FakeVendor.FailNextTask"/>)
/// is the answer's error, and <see cref="Fault.Delay"/> is how a slow edit looks.
/// </summary>
public sealed class FakeDashScope : FakeVendor
{
    private const string Path = "/services/aigc/multimodal-generation/generation";

    /// <summary>Creates a fake DashScope region, in memory until <see cref="FakeVendor.StartAsync"/>.</summary>
    /// <param name="options">How it behaves; defaults when null (its <see cref="FakeVendorOptions.ApiKey"/> is the region's key).</param>
    /// <param name="region">The region it stands for.</param>
    public FakeDashScope(FakeVendorOptions? options = null, FakeDashScopeRegion region = FakeDashScopeRegion.Singapore)
        : base(RegionProfile(region), options)
    {
        Region = region;
    }

    /// <summary>The region.</summary>
    public FakeDashScopeRegion Region { get; }

    /// <summary>The API's base address, the spec's server under the fake's root (<c>https://dashscope-intl.aliyuncs.com/api/v1</c> in production).</summary>
    public Uri ApiAddress => new(BaseAddress, "api/v1/");

    private protected override IEnumerable<FakeOperation> CreateOperations()
    {
        yield return new FakeOperation
        {
            Route = FakeRoute.Create,
            Method = "POST",
            Path = new PathTemplate("/api/v1" + Path),
            Name = "createMultimodalGeneration",
            Errors = DashScopeErrors.Instance,
            Auth = AuthKind.Bearer,
            Body = BodyKind.Json,
            Spec = _ => VendorSpecs.DashScopeImageEdit.Operation("POST", Path),
            Rules = Rules,
            Handle = Generate,
        };
    }

    // A synchronous API calls nobody back.
    private protected override CallbackMessage? CreateCallback(FakeTask task, Uri target) => null;

    private static VendorProfile RegionProfile(FakeDashScopeRegion region) => new(
        HostName: region == FakeDashScopeRegion.Beijing ? "dashscope.fake" : "dashscope-intl.fake",
        HasProgress: false,
        CallbackRetryDelays: [],
        BodyCredentialMembers: [],
        UnknownPathErrors: DashScopeErrors.Instance);

    /// <summary>What the pages state per model, beyond the schema (conflict D2), and the synchronous-only rule (D4).</summary>
    private static IEnumerable<SchemaProblem> Rules(OperationContext context)
    {
        if (context.Request.Header("X-DashScope-Async") is { } async && async.Equals("enable", StringComparison.OrdinalIgnoreCase))
        {
            yield return new SchemaProblem("header X-DashScope-Async", "the image editing models are synchronous: asynchronous calls are for the text-to-image models");
        }

        var body = context.Body;
        if (body["input"]?["messages"] is JsonArray { Count: > 0 } messages && messages[0]?["content"] is JsonArray content)
        {
            var images = content.Count(static c => c?["image"] is not null);
            var texts = content.Count(static c => c?["text"] is not null);
            if (images is < 1 or > 3)
            {
                yield return new SchemaProblem("$.input.messages[0].content", "must hold one to three images");
            }

            if (texts != 1)
            {
                yield return new SchemaProblem("$.input.messages[0].content", "must hold exactly one text item");
            }
        }

        var model = JsonText.String(body["model"]);
        var parameters = body["parameters"] as JsonObject;
        if (model == "qwen-image-edit")
        {
            if (parameters?["n"] is JsonValue n && n.TryGetValue<int>(out var count) && count != 1)
            {
                yield return new SchemaProblem("$.parameters.n", "must be 1: qwen-image-edit makes one image a request");
            }

            if (parameters?["size"] is not null)
            {
                yield return new SchemaProblem("$.parameters.size", "is not taken by qwen-image-edit, whose output size cannot be chosen");
            }
        }

        if (JsonText.String(parameters?["size"]) is { } size)
        {
            var sides = size.Split('*');
            if (sides.Length != 2 || sides.Any(static s => !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var side) || side is < 512 or > 2048))
            {
                yield return new SchemaProblem("$.parameters.size", "must be width*height with each side from 512 to 2048 pixels");
            }
        }
    }

    private Task<FakeResponse> Generate(OperationContext context)
    {
        var body = context.Body;
        var model = JsonText.String(body["model"])!;
        var count = body["parameters"]?["n"] is JsonValue n && n.TryGetValue<int>(out var value) ? value : 1;
        var id = DashScopeErrors.RequestId();
        var task = AddTask(new TaskDraft(id, model, Redactor.JsonBody(JsonText.Write(body), []), null, count, null));

        // Synchronous: the edit is done (or has failed) by the time the call answers, whatever the lifecycle says.
        task.Finish();
        if (task.State != FakeTaskState.Succeeded)
        {
            return Task.FromResult(DashScopeErrors.Instance.Create(ErrorKind.ServerError, task.FailureMessage, status: DashScopeErrors.StatusOf(task.FailureCode), code: task.FailureCode));
        }

        var images = new JsonArray([.. task.ResultUrls.Select(static u => (JsonNode)new JsonObject { ["image"] = u.AbsoluteUri })]);
        return Task.FromResult(FakeResponse.Json(new JsonObject
        {
            ["output"] = new JsonObject
            {
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["finish_reason"] = "stop",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = images },
                }),
            },
            ["usage"] = new JsonObject
            {
                ["width"] = Options.ResultImageSize,
                ["height"] = Options.ResultImageSize,
                ["image_count"] = task.ImageCount,
            },
            ["request_id"] = id,
        }));
    }
}
