using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;
using QwenImageEdit.Vendors.Replicate;

namespace QwenImageEdit.Vendors;

/// <summary>
/// Replicate, one generated client of three documents: a prediction is created through the model's own document's
/// operation (its typed input), with <c>Prefer: wait</c> as a
/// synchronous first try and <c>Cancel-After</c> when <see cref="QwenImageEditVendorOptions.CancelAfter"/> asks, so a
/// prediction nobody waits for stops being billed; it is read and cancelled through the HTTP API's verbatim document.
/// </summary>
internal sealed class ReplicateAdapter : VendorAdapter
{
    private const ImageEditVendor Self = ImageEditVendor.Replicate;
    // What a request may set beyond the facade's options: the model's go_fast and output_quality, and the create's
    // webhook_events_filter (start, output, logs, completed; the spec's enum, held by the generated Validate()).
    private static readonly string[] Parameters = ["go_fast", "output_quality", "webhook_events_filter"];

    private readonly VendorTransport _transport;
    private readonly ReplicateClient _create;
    private readonly ReplicateClient _api;
    private readonly QwenImageEditVendorOptions _options;

    public ReplicateAdapter(VendorTransport transport, QwenImageEditVendorOptions options)
    {
        _transport = transport;
        _options = options;
        _create = new ReplicateClient(transport.Create, new ReplicateClientOptions { BaseAddress = options.BaseAddress, BearerToken = options.ApiKey });
        _api = new ReplicateClient(transport.Poll, new ReplicateClientOptions { BaseAddress = options.BaseAddress, BearerToken = options.ApiKey });
    }

    public override ImageEditVendor Vendor => Self;

    protected override Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors)
    {
        var parameters = new VendorParameters(request.VendorParameters, Parameters, $"Replicate {capabilities.Model}", errors);
        var goFast = parameters.Bool("go_fast");
        var quality = parameters.Number("output_quality") is { } q ? (int)Math.Clamp(q, int.MinValue, int.MaxValue) : (int?)null;
        var aspectRatio = request.Size is { } size && capabilities.Size is { } rule ? SizePresets.Closest(rule.Presets, size).Name : null;
        var format = request.OutputMediaType is "image/jpeg" ? "jpg" : request.OutputMediaType is { } type ? MediaTypes.ShortName(type) : null;
        var webhook = request.CallbackUrl?.AbsoluteUri;
        var events = WebhookEvents(parameters.Texts("webhook_events_filter"), webhook, errors);
        var prefer = Prefer();
        var cancelAfter = CancelAfter();

        if (capabilities.Model == ImageEditModels.ReplicateQwenImageEditPlus)
        {
            var input = new Input { Prompt = request.Prompt, Image = [.. imageUrls], Seed = request.Seed, DisableSafetyChecker = request.SafetyChecker is false };
            input.GoFast = goFast ?? input.GoFast;
            input.OutputQuality = quality ?? input.OutputQuality;
            input.AspectRatio = aspectRatio is null ? input.AspectRatio : aspectRatio;
            input.OutputFormat = format is null ? input.OutputFormat : format;
            var body = new PredictionRequest { Input = input, Webhook = webhook, WebhookEventsFilter = events?.Select(static e => (PredictionRequestWebhookEventsFilterItem)e).ToList() };
            Validation.AddGenerated(errors, body.Validate());
            return async cancellationToken =>
            {
                var created = await _transport.SendAsync("create the prediction", () => _create.CreateQwenImageEditPlusPredictionAsync(body, prefer, cancelAfter, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
                return State(created.Id, created.Status.ToString(), created.Output?.ToList(), created.Error, created.DataRemoved, created);
            };
        }

        var single = new QwenImageEditInput { Prompt = request.Prompt, Image = imageUrls.Count > 0 ? imageUrls[0] : null!, Seed = request.Seed, DisableSafetyChecker = request.SafetyChecker is false };
        single.GoFast = goFast ?? single.GoFast;
        single.OutputQuality = quality ?? single.OutputQuality;
        single.AspectRatio = aspectRatio is null ? single.AspectRatio : aspectRatio;
        single.OutputFormat = format is null ? single.OutputFormat : format;
        var edit = new QwenImageEditPredictionRequest { Input = single, Webhook = webhook, WebhookEventsFilter = events?.Select(static e => (PredictionRequestWebhookEventsFilterItem)e).ToList() };
        Validation.AddGenerated(errors, edit.Validate());
        return async cancellationToken =>
        {
            var created = await _transport.SendAsync("create the prediction", () => _create.CreateQwenImageEditPredictionAsync(edit, prefer, cancelAfter, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
            return State(created.Id, created.Status.ToString(), created.Output?.ToList(), created.Error, created.DataRemoved, created);
        };
    }

    public override async Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken)
    {
        var prediction = await _transport.SendAsync("read the prediction", () => _api.PredictionsGetAsync(id, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
        return FromPrediction(prediction);
    }

    /// <summary>Replicate answers a cancel with the prediction: <c>canceled</c>, or as it was when it had already ended.</summary>
    public override async Task<VendorTaskState> CancelAsync(string id, string model, CancellationToken cancellationToken)
    {
        var prediction = await _transport.SendAsync("cancel the prediction", () => _api.PredictionsCancelAsync(id, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
        return FromPrediction(prediction);
    }

    /// <summary>Replicate takes a data URL wherever it takes a file URL, so a local image travels inside the request.</summary>
    public override Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken)
        => Task.FromResult(DataUri.Of(bytes, mediaType));

    /// <summary>The webhook body is the prediction, as <c>predictions.get</c> answers it.</summary>
    public static VendorTaskState ParseCallback(ReadOnlySpan<byte> body)
        => FromPrediction(JsonSerializer.Deserialize(body, ReplicateJsonContext.Default.SchemasPredictionResponse)
            ?? throw new JsonException("The webhook body is JSON null."));

    private static VendorTaskState FromPrediction(SchemasPredictionResponse prediction)
        => State(prediction.Id, prediction.Status.ToString(), Outputs(prediction.Output), prediction.Error, prediction.DataRemoved, prediction);

    /// <summary>The model's output: an array of image URIs (one URI from a model that returns one), null before it succeeds.</summary>
    private static List<Uri>? Outputs(JsonElement output) => output.ValueKind switch
    {
        JsonValueKind.Array => [.. output.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.String).Select(static e => AnswerChecks.Url(e.GetString()))],
        JsonValueKind.String => [AnswerChecks.Url(output.GetString())],
        _ => null,
    };

    private static VendorTaskState State(string? id, string? rawStatus, IReadOnlyList<Uri>? outputs, string? error, bool dataRemoved, object raw)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ImageEditVendorException(Self, "Replicate answered without a prediction id.");
        }

        var status = StatusMap.Map(Self, rawStatus);
        if (status == ImageEditStatus.Succeeded && dataRemoved)
        {
            // Conflict R6: an API prediction's output is deleted an hour after it ended; saying "no images" would be a lie.
            throw new ImageEditVendorException(Self, $"Replicate prediction {id} succeeded, but its outputs were deleted (Replicate keeps them for an hour after a prediction ends).");
        }

        var failure = status == ImageEditStatus.Failed
            ? new ImageEditFailure(ErrorMap.FromFailureMessage(error), error ?? "The prediction failed.", null)
            : null;
        return new VendorTaskState(id, rawStatus, status, null, outputs ?? [], failure, null, raw);
    }

    /// <summary>
    /// The events Replicate calls back for: by default only <c>completed</c> (the end, with the outputs); a request may
    /// ask for more (<c>start</c>, <c>output</c>, <c>logs</c>), each a hint the operation takes as any callback, but always
    /// with <c>completed</c>, which the facade's callbacks exist for, and only with a <see cref="ImageEditRequest.CallbackUrl"/>.
    /// </summary>
    private static IReadOnlyList<string>? WebhookEvents(IReadOnlyList<string>? asked, string? webhook, ICollection<ImageEditValidationError> errors)
    {
        if (webhook is null)
        {
            if (asked is not null)
            {
                errors.Add(new ImageEditValidationError("VendorParameters[webhook_events_filter]", "Replicate calls back only to a CallbackUrl: set one, or leave webhook_events_filter out."));
            }

            return null;
        }

        if (asked is not null && !asked.Contains("completed", StringComparer.Ordinal))
        {
            errors.Add(new ImageEditValidationError("VendorParameters[webhook_events_filter]", $"Replicate's webhook_events_filter must include 'completed' (the end of the prediction, with its outputs); it has {string.Join(", ", asked)}."));
        }

        return asked ?? ["completed"];
    }

    /// <summary><c>wait=N</c>: the create waits up to N seconds (Replicate allows 1 to 60) for the prediction to end.</summary>
    private string? Prefer()
        => _options.SynchronousWait is { } wait && wait >= TimeSpan.FromSeconds(1)
            ? "wait=" + ((int)Math.Min(60, Math.Ceiling(wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>Replicate's deadline in whole seconds (at least its 5), when the options set one.</summary>
    private string? CancelAfter()
        => _options.CancelAfter is { } deadline
            ? ((long)Math.Max(5, Math.Ceiling(deadline.TotalSeconds))).ToString(CultureInfo.InvariantCulture) + "s"
            : null;

    /// <summary>Replicate's problem details: <c>{title, detail, status}</c>.</summary>
    private static VendorError? Describe(ApiException error) => error switch
    {
        ApiException<Problem> { Error: { } p } => new(p.Title, p.Detail),
        ApiException<SchemasProblem> { Error: { } p } => new(p.Title, p.Detail),
        _ => null,
    };
}
