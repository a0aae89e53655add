using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using QwenImageEdit.Vendors.ModelsLab;

namespace QwenImageEdit.Vendors;

/// <summary>
/// ModelsLab: the key travels in the JSON body (the generated clients put it there), errors come back as
/// <c>{status: "error"}</c> with HTTP 200, and a create may finish at once.
/// </summary>
internal sealed class ModelsLabAdapter : VendorAdapter
{
    private static readonly string[] Parameters = ["track_id"];

    private readonly VendorTransport _transport;
    private readonly ModelsLabClient _edit;
    private readonly ModelsLabClient _fetch;
    private readonly ModelsLabClient _uploads;

    public ModelsLabAdapter(VendorTransport transport, QwenImageEditVendorOptions options)
    {
        _transport = transport;
        _edit = new ModelsLabClient(transport.Create, new ModelsLabClientOptions { BaseAddress = options.BaseAddress, ApiKey = options.ApiKey });
        _fetch = new ModelsLabClient(transport.Poll, new ModelsLabClientOptions { BaseAddress = options.BaseAddress, ApiKey = options.ApiKey });
        _uploads = new ModelsLabClient(transport.Upload, new ModelsLabClientOptions { BaseAddress = options.FilesBaseAddress ?? options.BaseAddress, ApiKey = options.ApiKey });
    }

    private const ImageEditVendor Self = ImageEditVendor.ModelsLab;

    public override ImageEditVendor Vendor => Self;

    protected override Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors)
    {
        var parameters = new VendorParameters(request.VendorParameters, Parameters, "ModelsLab", errors);
        var body = new QwenRequest
        {
            Prompt = request.Prompt,
            // Conflict 10: always an array, even for one image.
            InitImage = imageUrls.Select(static url => url.AbsoluteUri).ToArray(),
            ModelId = capabilities.Model,
            SafetyChecker = request.SafetyChecker,
            Webhook = request.CallbackUrl,
        };
        if (parameters.Text("track_id") is { } trackId)
        {
            body.TrackId = long.TryParse(trackId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : trackId;
        }

        Validation.AddGenerated(errors, body.Validate());
        return async cancellationToken =>
        {
            var created = await _transport.SendAsync("create the task", () => _edit.CreateQwenEditAsync(body, cancellationToken: cancellationToken), null, cancellationToken).ConfigureAwait(false);
            return created.Match(
                success => State(IdText(success.Id?.ToString()), "success", success.Output, null, success),
                processing => State(IdText(processing.Id?.ToString()), "processing", null, processing.Eta, processing),
                error => throw Rejected(Message(error.Message, error.Messege), "create the task"),
                unmatched => throw Unreadable(unmatched, "create the task"));
        };
    }

    public override async Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken)
    {
        var fetched = await _transport.SendAsync("read the task", () => _fetch.FetchQwenEditResultAsync(id, new FetchRequest(), cancellationToken: cancellationToken), null, cancellationToken).ConfigureAwait(false);
        return fetched.Match(
            success => State(success.Id?.ToString() ?? id, "success", success.Output, null, success),
            // Conflict 9: `output` is "" or [] while processing; either way there are no images yet.
            processing => State(processing.Id?.ToString() ?? id, "processing", null, processing.Eta, processing),
            error =>
            {
                var message = Message(error.Message, error.Messege);
                return ErrorMap.FromModelsLabMessage(message) is ImageEditErrorKind.Authentication or ImageEditErrorKind.RateLimited or ImageEditErrorKind.InsufficientQuota
                    ? throw Rejected(message, "read the task")
                    : Failed(id, "error", message, error);
            },
            unmatched => Undocumented(unmatched, id) ?? throw Unreadable(unmatched, "read the task"));
    }

    public override async Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken)
    {
        var body = new Base64ToUrlRequest { InitImage = $"data:{mediaType};base64,{Convert.ToBase64String(bytes.Span)}" };
        var uploaded = await _transport.SendAsync("upload an image", () => _uploads.Base64ToUrlAsync(body, cancellationToken: cancellationToken), null, cancellationToken).ConfigureAwait(false);
        return uploaded.Match(
            success => success.Output?.FirstOrDefault() ?? throw new ImageEditVendorException(Vendor, "ModelsLab answered the upload without a URL."),
            error => throw Rejected(Message(error.Message, error.Messege), "upload an image"),
            unmatched => throw Unreadable(unmatched, "upload an image"));
    }

    public static VendorTaskState ParseCallback(ReadOnlySpan<byte> body)
    {
        var payload = JsonSerializer.Deserialize(body, ModelsLabJsonContext.Default.ImageEditingResultRequest)
            ?? throw new JsonException("The webhook body is JSON null.");
        return payload.Match(
            success => State(IdText(success.Id?.ToString()), "success", success.Output, null, success),
            failure => Failed(IdText(failure.Id?.ToString()), failure.Status.ToString(), Message(failure.Message, failure.Messege), failure),
            unmatched => throw new JsonException("The webhook body is neither ModelsLab's success nor its failure payload."));
    }

    private static VendorTaskState State(string id, string rawStatus, IList<Uri>? output, long? eta, object raw)
        => new(id, rawStatus, StatusMap.Map(Self, rawStatus), null, output?.ToArray() ?? [], null, AnswerChecks.Estimate(eta), raw);

    /// <summary>
    /// An answer with a <c>status</c> none of the documented shapes has: the state is kept as the vendor said it
    /// (<see cref="ImageEditStatus.Unknown"/> unless the status map knows it), not taken for a broken answer.
    /// </summary>
    private static VendorTaskState? Undocumented(JsonElement body, string id)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var raw = status.GetString();
        var mapped = StatusMap.Map(Self, raw);
        return mapped == ImageEditStatus.Failed
            ? Failed(id, raw!, Message(Text(body, "message"), Text(body, "messege")), body)
            : new VendorTaskState(id, raw, mapped, null, [], null, null, body.Clone());
    }

    /// <summary>
    /// Conflict 11: some legacy errors spell the member <c>messege</c>. The overlays add it to every ModelsLab error
    /// shape, so each has both; <c>message</c> wins when both are there.
    /// </summary>
    private static string? Message(string? message, string? legacySpelling) => message ?? legacySpelling;

    private static string? Text(JsonElement body, string member)
        => body.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static VendorTaskState Failed(string id, string rawStatus, string? message, object raw)
        => new(id, rawStatus, ImageEditStatus.Failed, null, [], new ImageEditFailure(ErrorMap.FromModelsLabMessage(message), message ?? "The task failed.", null), null, raw);

    private static string IdText(string? id)
        => string.IsNullOrEmpty(id) ? throw new ImageEditVendorException(Self, "ModelsLab answered without a task id.") : id;

    private ImageEditException Rejected(string? message, string action)
        => VendorErrors.Create(ErrorMap.FromModelsLabMessage(message), Vendor, $"ModelsLab could not {action}: {message ?? "no message"}.", 200, excerpt: message);

    private ImageEditVendorException Unreadable(JsonElement body, string action)
        => new(Vendor, $"ModelsLab's answer to '{action}' matched none of its documented shapes.", 200, responseExcerpt: Excerpt(body));

    private static string Excerpt(JsonElement body)
    {
        var text = body.GetRawText();
        return text.Length <= 2048 ? text : text.Substring(0, 2048);
    }
}
