using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using QwenImageEdit.Vendors.Apikley;

namespace QwenImageEdit.Vendors;

/// <summary>
/// Apikley (kie.ai's market API): one input image, named sizes, counts as strings, and an HTTP 200 envelope whose
/// <c>code</c> says whether it worked (conflicts 4, 14, 15).
/// </summary>
internal sealed class ApikleyAdapter : VendorAdapter
{
    private static readonly string[] Parameters = ["acceleration", "num_inference_steps", "guidance_scale", "image_size"];

    private readonly VendorTransport _transport;
    private readonly ApikleyClient _edit;
    private readonly ApikleyClient _tasks;
    private readonly ApikleyClient _files;

    public ApikleyAdapter(VendorTransport transport, QwenImageEditVendorOptions options)
    {
        _transport = transport;
        _edit = new ApikleyClient(transport.Create, new ApikleyClientOptions { BaseAddress = options.BaseAddress, BearerToken = options.ApiKey });
        _tasks = new ApikleyClient(transport.Poll, new ApikleyClientOptions { BaseAddress = options.BaseAddress, BearerToken = options.ApiKey });

        // Unset, the file API's operations go to its own server (api.apikley.ru/file-upload), which they carry.
        _files = new ApikleyClient(transport.Upload, new ApikleyClientOptions { BaseAddress = options.FilesBaseAddress, BearerToken = options.ApiKey });
    }

    private const ImageEditVendor Self = ImageEditVendor.Apikley;

    public override ImageEditVendor Vendor => Self;

    protected override Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors)
    {
        var parameters = new VendorParameters(request.VendorParameters, Parameters, "Apikley", errors);
        var input = new QwenImageEditRequestInput
        {
            Prompt = request.Prompt,
            ImageUrl = imageUrls.Count > 0 ? imageUrls[0].AbsoluteUri : "",
            NegativePrompt = request.NegativePrompt,
            Seed = request.Seed,
            // Conflict 14: a count is sent as the string "1".."4".
            NumImages = request.Count is { } count ? new QwenImageEditRequestInputNumImages(count.ToString(CultureInfo.InvariantCulture)) : (QwenImageEditRequestInputNumImages?)null,
            EnableSafetyChecker = request.SafetyChecker,
        };
        if (request.OutputMediaType is { } mediaType)
        {
            input.OutputFormat = MediaTypes.ShortName(mediaType);
        }

        if (parameters.Text("image_size") is { } preset)
        {
            input.ImageSize = preset;
        }
        else if (request.Size is { } size && capabilities.Size is { Presets.Count: > 0 } rule)
        {
            input.ImageSize = SizePresets.Closest(rule.Presets, size).Name;
        }

        // Conflicts 12 and 13: the user's value when given; otherwise the schema default the model starts with.
        if (parameters.Text("acceleration") is { } acceleration)
        {
            input.Acceleration = acceleration;
        }

        if (parameters.Number("num_inference_steps") is { } steps)
        {
            input.NumInferenceSteps = steps;
        }

        if (parameters.Number("guidance_scale") is { } guidance)
        {
            input.GuidanceScale = guidance;
        }

        var body = new QwenImageEditRequest { Model = capabilities.Model, CallBackUrl = request.CallbackUrl, Input = input };
        Validation.AddGenerated(errors, body.Validate());
        return async cancellationToken =>
        {
            var created = await _transport.SendAsync("create the task", () => _edit.QwenImageEditAsync(body, cancellationToken: cancellationToken), null, cancellationToken).ConfigureAwait(false);
            ThrowIfError(created.Code, created.Msg, "create the task");
            var id = created.Data?.TaskId is { Length: > 0 } taskId ? taskId : throw new ImageEditVendorException(Vendor, "Apikley accepted the task but sent no taskId.", 200, created.Code?.ToString(CultureInfo.InvariantCulture));
            // The create answer has no state: a task it names is waiting.
            return new VendorTaskState(id, null, ImageEditStatus.Queued, null, [], null, null, created);
        };
    }

    public override async Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken)
    {
        var info = await _transport.SendAsync("read the task", () => _tasks.GetTaskRecordInfoAsync(id, cancellationToken: cancellationToken), null, cancellationToken).ConfigureAwait(false);
        return FromRecord(info, id, "read the task");
    }

    public override async Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken)
    {
        using var content = Uploads.Stream(bytes);
        var request = new StreamUploadRequest { File = content, UploadPath = "qwen-image-edit", FileName = fileName };
        var uploaded = await _transport.SendAsync("upload an image", () => _files.UploadFileStreamAsync(request, cancellationToken: cancellationToken), null, cancellationToken).ConfigureAwait(false);
        ThrowIfError(uploaded.Code, uploaded.Msg, "upload an image");
        return uploaded is { Success: true, Data.DownloadUrl: { } url }
            ? url
            : throw new ImageEditVendorException(Vendor, $"Apikley did not accept the upload: {uploaded.Msg}.", 200, uploaded.Code.ToString(CultureInfo.InvariantCulture));
    }

    public static VendorTaskState ParseCallback(ReadOnlySpan<byte> body)
    {
        // Apikley posts the recordInfo envelope.
        var info = JsonSerializer.Deserialize(body, ApikleyJsonContext.Default.RecordInfoResponse)
            ?? throw new JsonException("The callback body is JSON null.");
        return FromRecord(info, info.Data?.TaskId ?? throw new JsonException("The callback has no data.taskId."), "read the callback");
    }

    private static VendorTaskState FromRecord(RecordInfoResponse info, string id, string action)
    {
        // Conflict 5: `message` as documented, `msg` as some copies send.
        var message = info.Message ?? info.Msg;

        // Code 501 is "generation failed": news about the task, not about the request, so the task has failed; asking
        // again would only hear it again.
        if (info.Code == GenerationFailed)
        {
            var text = message is { Length: > 0 } ? message : "Generation failed.";
            var generation = new ImageEditFailure(ErrorMap.FromFailureMessage(text), text, GenerationFailed.ToString(CultureInfo.InvariantCulture));
            return new VendorTaskState(info.Data?.TaskId ?? id, info.Data?.State?.ToString() ?? "fail", ImageEditStatus.Failed, null, [], generation, null, info);
        }

        ThrowIfError(info.Code, message, action);
        var record = info.Data ?? throw new ImageEditVendorException(Self, "Apikley answered without task data.", 200);
        var raw = record.State?.ToString();
        var status = StatusMap.Map(Self, raw);
        var failure = status == ImageEditStatus.Failed
            ? new ImageEditFailure(
                long.TryParse(record.FailCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? ErrorMap.FromApikleyCode(code) : ErrorMap.FromFailureMessage(record.FailMsg),
                record.FailMsg ?? "The task failed.",
                record.FailCode)
            : null;
        return new VendorTaskState(record.TaskId ?? id, raw, status, null, ResultUrls(record.ResultJson), failure, null, info);
    }

    /// <summary>Conflict 6: <c>resultJson</c> is JSON text, or (in some copies) the object itself; empty means none.</summary>
    private static Uri[] ResultUrls(TaskRecordResultJson? resultJson)
    {
        if (resultJson is null)
        {
            return [];
        }

        if (resultJson.TryGetTaskRecordResultJsonOption2(out var parsed))
        {
            return parsed.ResultUrls?.ToArray() ?? [];
        }

        if (resultJson.TryGetString(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            try
            {
                var inner = JsonSerializer.Deserialize(text, ApikleyJsonContext.Default.TaskRecordResultJsonOption2);
                return inner?.ResultUrls?.ToArray() ?? [];
            }
            catch (JsonException error)
            {
                throw new ImageEditVendorException(Self, "Apikley's resultJson is not the JSON it should hold.", 200, innerException: error);
            }
        }

        return [];
    }

    private const long GenerationFailed = 501;

    private static void ThrowIfError(long? code, string? message, string action)
    {
        if (code is null or 200)
        {
            return;
        }

        var kind = ErrorMap.FromApikleyCode(code.Value);
        throw VendorErrors.Create(kind, Self, $"Apikley could not {action}: code {code}{(message is { Length: > 0 } ? ": " + message : "")}.", 200, code.Value.ToString(CultureInfo.InvariantCulture));
    }
}
