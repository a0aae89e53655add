using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;
using QwenImageEdit.Vendors.EvoLink;

namespace QwenImageEdit.Vendors;

/// <summary>
/// EvoLink: two create endpoints (one per model) sharing the task and file APIs, all one generated client. An
/// instance per HttpClient the transport keeps apart (create, poll, upload), the uploads' at the file API's address.
/// </summary>
internal sealed class EvoLinkAdapter : VendorAdapter
{
    private static readonly string[] NoParameters = [];
    private static readonly string[] PlusParameters = ["prompt_extend", "watermark"];

    private readonly VendorTransport _transport;
    private readonly EvoLinkClient _create;
    private readonly EvoLinkClient _poll;
    private readonly EvoLinkClient _upload;

    public EvoLinkAdapter(VendorTransport transport, QwenImageEditVendorOptions options)
    {
        _transport = transport;
        _create = new EvoLinkClient(transport.Create, new EvoLinkClientOptions { BaseAddress = options.BaseAddress, BearerToken = options.ApiKey });
        _poll = new EvoLinkClient(transport.Poll, new EvoLinkClientOptions { BaseAddress = options.BaseAddress, BearerToken = options.ApiKey });

        // Unset, the file API's operations go to its own server (files-api.evolink.ai), which they carry.
        _upload = new EvoLinkClient(transport.Upload, new EvoLinkClientOptions { BaseAddress = options.FilesBaseAddress, BearerToken = options.ApiKey });
    }

    private const ImageEditVendor Self = ImageEditVendor.EvoLink;

    public override ImageEditVendor Vendor => Self;

    protected override Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors)
    {
        if (capabilities.Model == ImageEditModels.EvoLinkQwenImageEditPlus)
        {
            var parameters = new VendorParameters(request.VendorParameters, PlusParameters, "EvoLink qwen-image-edit-plus", errors);
            var plus = new QwenImageEditPlusRequest
            {
                Prompt = request.Prompt,
                ImageUrls = imageUrls.ToList(),
                N = request.Count ?? 1,
                NegativePrompt = request.NegativePrompt,
                Size = request.Size?.ToString(),
                Seed = request.Seed is { } seed ? (int)Math.Clamp(seed, int.MinValue, int.MaxValue) : null,
                CallbackUrl = request.CallbackUrl,
            };
            if (parameters.Bool("prompt_extend") is { } extend)
            {
                plus.PromptExtend = extend;
            }

            if (parameters.Bool("watermark") is { } watermark)
            {
                plus.Watermark = watermark;
            }

            Validation.AddGenerated(errors, plus.Validate());
            return async cancellationToken =>
            {
                var created = await _transport.SendAsync("create the task", () => _create.CreateQwenImageEditPlusGenerationAsync(plus, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
                return State(created.Id, created.Status?.ToString(), created.Progress, created.Results, created.Error?.Code?.ToString(), created.Error?.Message, created.TaskInfo?.EstimatedTime, created);
            };
        }

        _ = new VendorParameters(request.VendorParameters, NoParameters, "EvoLink qwen-image-edit", errors);
        var edit = new QwenImageEditRequest { Prompt = request.Prompt, ImageUrls = imageUrls.ToList(), CallbackUrl = request.CallbackUrl };
        Validation.AddGenerated(errors, edit.Validate());
        return async cancellationToken =>
        {
            var created = await _transport.SendAsync("create the task", () => _create.CreateQwenImageEditGenerationAsync(edit, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
            return State(created.Id, created.Status?.ToString(), created.Progress, created.Results, created.Error?.Code?.ToString(), created.Error?.Message, created.TaskInfo?.EstimatedTime, created);
        };
    }

    public override async Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken)
    {
        var task = await _transport.SendAsync("read the task", () => _poll.GetTaskDetailAsync(id, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
        return FromDetail(task, id);
    }

    public override async Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken)
    {
        using var content = Uploads.Stream(bytes);
        var uploaded = await _transport.SendAsync("upload an image", () => _upload.UploadFileStreamAsync(new StreamUploadRequest { File = content, FileName = fileName }, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);

        // Conflict 21: failures are undocumented; `success: false` is one whatever the HTTP status said.
        return uploaded is { Success: not false, Data.FileUrl: { } url }
            ? url
            : throw new ImageEditVendorException(Vendor, $"EvoLink did not accept the upload: {uploaded.Msg ?? "no file URL in the answer"}.", vendorCode: uploaded.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static VendorTaskState ParseCallback(ReadOnlySpan<byte> body)
    {
        // EvoLink posts the get-task body.
        var task = JsonSerializer.Deserialize(body, EvoLinkJsonContext.Default.TaskDetail)
            ?? throw new JsonException("The callback body is JSON null.");
        return FromDetail(task, task.Id ?? throw new JsonException("The callback has no task id."));
    }

    private static VendorTaskState FromDetail(TaskDetail task, string id)
        => State(task.Id ?? id, task.Status?.ToString(), task.Progress, task.Results, task.Error?.Code, task.Error?.Message, task.TaskInfo?.EstimatedTime, task);

    private static VendorTaskState State(string? id, string? rawStatus, int? progress, IList<Uri>? results, string? errorCode, string? errorMessage, long? estimatedSeconds, object raw)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ImageEditVendorException(Self, "EvoLink answered without a task id.");
        }

        var status = StatusMap.Map(Self, rawStatus);
        var failure = status == ImageEditStatus.Failed
            ? new ImageEditFailure(ErrorMap.FromEvoLinkCode(errorCode) ?? ImageEditErrorKind.VendorError, errorMessage ?? "The task failed.", errorCode)
            : null;
        return new VendorTaskState(id, rawStatus, status, AnswerChecks.Percent(progress), results?.ToArray() ?? [], failure, AnswerChecks.Estimate(estimatedSeconds), raw);
    }

    /// <summary>
    /// EvoLink's error body: <c>{error: {code, message}}</c>, the code a string or, on older pages, an integer
    /// (conflict 3); the code says what failed better than the HTTP status does. One type for the three documents that
    /// define it alike.
    /// </summary>
    private static VendorError? Describe(ApiException error) => error switch
    {
        ApiException<ErrorResponse> { Error.Error: { } e } => Error(e.Code?.ToString(), e.Message),
        _ => null,
    };

    private static VendorError Error(string? code, string? message) => new(code, message, ErrorMap.FromEvoLinkCode(code));
}
