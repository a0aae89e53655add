using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;
using QwenImageEdit.Vendors.Fal;

namespace QwenImageEdit.Vendors;

/// <summary>
/// fal.ai's queue: one generated client of fal's four documents (one per model), whose calls differ only in the
/// model's path and input. The input is written once, by the members fal names alike for every model, and read into the model's
/// own generated type, which validates it; status, result and cancel answers are read into one shape.
/// </summary>
internal sealed class FalAdapter : VendorAdapter
{
    private const ImageEditVendor Self = ImageEditVendor.Fal;

    // What a request may set beyond the facade's options, by fal's names (fal documents each for all four models): how
    // long fal keeps the outputs (the submit's X-Fal-Object-Lifecycle-Preference, fal's data-retention page), and
    // sync_mode, which returns the outputs inside the result as data URIs (kept nowhere at fal).
    private static readonly string[] Parameters = ["acceleration", "num_inference_steps", "guidance_scale", "expiration_duration_seconds", "sync_mode"];

    private readonly Dictionary<string, Queue> _queues;
    private readonly VendorTransport _transport;
    private readonly QwenImageEditVendorOptions _options;

    public FalAdapter(VendorTransport transport, QwenImageEditVendorOptions options)
    {
        _transport = transport;
        _options = options;

        // fal's scheme is `Authorization: Key <key>`; the generated option is the whole header value. Submits go
        // through the create transport (no redirects), everything else through the poll transport.
        var key = options.ApiKey is { Length: > 0 } apiKey ? "Key " + apiKey : null;
        var submit = new FalClient(transport.Create, new FalClientOptions { BaseAddress = options.BaseAddress, ApiKey = key });
        var read = new FalClient(transport.Poll, new FalClientOptions { BaseAddress = options.BaseAddress, ApiKey = key });

        _queues = new Dictionary<string, Queue>(StringComparer.Ordinal)
        {
            [ImageEditModels.FalQwenImageEdit] = Queue.For(
                FalJsonContext.Default.QwenImageEditInput,
                static input => input.Validate(),
                (input, hook, lifecycle, ct) => Read(submit.SubmitQwenImageEditAsync(input, hook, lifecycle, cancellationToken: ct)),
                (id, ct) => Read(read.GetQwenImageEditStatusAsync(id, null, cancellationToken: ct)),
                async (id, ct) => (await read.GetQwenImageEditResultAsync(id, cancellationToken: ct).ConfigureAwait(false)).Value.Images.Select(static i => i.Url).ToList(),
                async (id, ct) => (await read.CancelQwenImageEditAsync(id, cancellationToken: ct).ConfigureAwait(false)).Value.TryGetCancelStatus(out var s) ? s.Status.ToString() : null),
            [ImageEditModels.FalQwenImageEditPlus] = Queue.For(
                FalJsonContext.Default.QwenImageEditPlusInput,
                static input => input.Validate(),
                (input, hook, lifecycle, ct) => Read(submit.SubmitQwenImageEditPlusAsync(input, hook, lifecycle, cancellationToken: ct)),
                (id, ct) => Read(read.GetQwenImageEditPlusStatusAsync(id, null, cancellationToken: ct)),
                async (id, ct) => (await read.GetQwenImageEditPlusResultAsync(id, cancellationToken: ct).ConfigureAwait(false)).Value.Images.Select(static i => i.Url).ToList(),
                async (id, ct) => (await read.CancelQwenImageEditPlusAsync(id, cancellationToken: ct).ConfigureAwait(false)).Value.TryGetCancelStatus(out var s) ? s.Status.ToString() : null),
            [ImageEditModels.FalQwenImageEdit2509] = Queue.For(
                FalJsonContext.Default.QwenImageEdit2509Input,
                static input => input.Validate(),
                (input, hook, lifecycle, ct) => Read(submit.SubmitQwenImageEdit2509Async(input, hook, lifecycle, cancellationToken: ct)),
                (id, ct) => Read(read.GetQwenImageEdit2509StatusAsync(id, null, cancellationToken: ct)),
                async (id, ct) => (await read.GetQwenImageEdit2509ResultAsync(id, cancellationToken: ct).ConfigureAwait(false)).Value.Images.Select(static i => i.Url).ToList(),
                async (id, ct) => (await read.CancelQwenImageEdit2509Async(id, cancellationToken: ct).ConfigureAwait(false)).Value.TryGetCancelStatus(out var s) ? s.Status.ToString() : null),
            [ImageEditModels.FalQwenImageEdit2511] = Queue.For(
                FalJsonContext.Default.QwenImageEdit2511Input,
                static input => input.Validate(),
                (input, hook, lifecycle, ct) => Read(submit.SubmitQwenImageEdit2511Async(input, hook, lifecycle, cancellationToken: ct)),
                (id, ct) => Read(read.GetQwenImageEdit2511StatusAsync(id, null, cancellationToken: ct)),
                async (id, ct) => (await read.GetQwenImageEdit2511ResultAsync(id, cancellationToken: ct).ConfigureAwait(false)).Value.Images.Select(static i => i.Url).ToList(),
                async (id, ct) => (await read.CancelQwenImageEdit2511Async(id, cancellationToken: ct).ConfigureAwait(false)).Value.TryGetCancelStatus(out var s) ? s.Status.ToString() : null),
        };
    }

    public override ImageEditVendor Vendor => Self;

    protected override Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors)
    {
        var queue = _queues[capabilities.Model];
        var parameters = new VendorParameters(request.VendorParameters, Parameters, $"fal.ai {capabilities.Model}", errors);
        var input = Input(request, capabilities, imageUrls, parameters);
        var (typed, problems) = queue.Build(input);
        Validation.AddGenerated(errors, problems);
        var hook = request.CallbackUrl;
        var (lifecycle, lifetime) = Retention(parameters.Number("expiration_duration_seconds"), errors);
        return async cancellationToken =>
        {
            var submitted = await _transport.SendAsync("submit the request", () => queue.Submit(typed!, hook, lifecycle, cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
            return State(submitted, []) with { ResultLifetime = lifetime };
        };
    }

    public override async Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken)
    {
        var queue = _queues[model];
        var status = await _transport.SendAsync("read the request's status", () => queue.Status(id, cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
        return await Complete(queue, status, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks fal to cancel (conflict F3): a queued request leaves the queue, a running one is told to stop. The answer says
    /// only that it was asked; the state after it is read again, so the caller sees what fal made of it.
    /// </summary>
    public override async Task<VendorTaskState> CancelAsync(string id, string model, CancellationToken cancellationToken)
    {
        var queue = _queues[model];
        try
        {
            _ = await _transport.SendAsync("cancel the request", () => queue.Cancel(id, cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageEditException error) when (error.StatusCode == 400)
        {
            // ALREADY_COMPLETED: nothing to cancel; the read below says how it ended.
        }

        return await GetAsync(id, model, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The status stream (server-sent events, one QueueStatus each) as task states, as they arrive, the last one complete
    /// with its images. The generated client's typed stream goes through the ordinary pipeline, so this one is sent through
    /// the transport's stream client, which hands the body on as it comes (each event scrubbed whole and bounded, a stall ended by
    /// <see cref="QwenImageEditVendorOptions.StatusStreamIdleTimeout"/>), and read with the runtime's SSE parser.
    /// </summary>
    public override async IAsyncEnumerable<VendorTaskState> WatchAsync(string id, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = _queues[model];
        var address = new Uri(_options.BaseAddress ?? _transport.Poll.BaseAddress ?? new Uri("https://queue.fal.run/"), $"{model}/requests/{Uri.EscapeDataString(id)}/status/stream");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.TryAddWithoutValidation("Authorization", "Key " + _options.ApiKey);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _transport.SendAsync("stream the request's status", () => _transport.Stream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken), null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw VendorErrors.Create(ErrorMap.FromHttpStatus((int)response.StatusCode), Self, $"fal.ai could not stream the request's status: HTTP {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        if (response.Content.Headers.ContentType?.MediaType is not "text/event-stream")
        {
            // Not offered here (a proxy that answers JSON, say): the transport read it whole, and polling does the rest.
            throw new ImageEditVendorException(Self, $"fal.ai answered the status stream with {response.Content.Headers.ContentType?.MediaType ?? "no media type"}, not text/event-stream.", (int)response.StatusCode);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var events = SseParser.Create(stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            QueueStatus? status;
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                status = JsonSerializer.Deserialize(events.Current.Data, FalJsonContext.Default.QueueStatus);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is IOException or HttpRequestException or JsonException or OperationCanceledException)
            {
                // A stream cut off (the connection) or an event that is not a status. The stream's own bounds (an event
                // too long, a stall) are ImageEditExceptions already and pass as they are.
                throw error is OperationCanceledException
                    ? new ImageEditTimeoutException(Self, "fal.ai's status stream was cut off before it ended.", error)
                    : new ImageEditVendorException(Self, "fal.ai's status stream broke off: " + _transport.Scrubber.Scrub(error.Message), innerException: error);
            }

            if (status is null)
            {
                throw new ImageEditVendorException(Self, "fal.ai sent an empty status event.");
            }

            var state = await Complete(queue, new QueueReading(status.Status.ToString(), status.RequestId, status.Error, status.ErrorType, status.QueuePosition, status), cancellationToken).ConfigureAwait(false);
            yield return state;
            if (state.Status.IsTerminal())
            {
                yield break;
            }
        }
    }

    /// <summary>fal takes an image's data URI wherever it takes a URL, so a local image travels inside the request.</summary>
    public override Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken)
        => Task.FromResult(DataUri.Of(bytes, mediaType));

    /// <summary>The webhook body (<c>{request_id, status: OK|ERROR, payload, error}</c>) as a task state.</summary>
    public static VendorTaskState ParseCallback(ReadOnlySpan<byte> body)
    {
        var payload = JsonSerializer.Deserialize(body, FalJsonContext.Default.WebhookPayload)
            ?? throw new JsonException("The webhook body is JSON null.");
        if (payload.Status == WebhookPayloadStatus.Ok)
        {
            var output = payload.Payload is { ValueKind: JsonValueKind.Object } json
                ? json.Deserialize(FalJsonContext.Default.QwenImageEditPlusOutput)
                : null;
            // A callback's body is bounded (ImageEditCallbackParser.MaxBodyBytes), and so are its inline images.
            var (urls, inline) = Results(output?.Images.Select(static i => i.Url) ?? [], new ResultDownloadOptions().MaxImageBytes, "callback");
            return new VendorTaskState(payload.RequestId, "COMPLETED", ImageEditStatus.Succeeded, null, urls, null, null, payload) { InlineResults = inline };
        }

        var failure = new ImageEditFailure(ErrorMap.FromFailureMessage(payload.Error), payload.Error ?? "The request failed.", null);
        return new VendorTaskState(payload.RequestId, "COMPLETED", ImageEditStatus.Failed, null, [], failure, null, payload);
    }

    /// <summary>The request's members, in fal's names (the same for every model; only the images' member differs).</summary>
    private static JsonObject Input(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, VendorParameters parameters)
    {
        var input = new JsonObject { ["prompt"] = request.Prompt };
        if (capabilities.MaxInputImages == 1)
        {
            input["image_url"] = imageUrls.Count > 0 ? imageUrls[0].AbsoluteUri : null;
        }
        else
        {
            input["image_urls"] = new JsonArray([.. imageUrls.Select(static u => (JsonNode)u.AbsoluteUri)]);
        }

        // Members left out when the caller did not choose them, so fal applies its own defaults (conflict F7).
        if (request.Count is { } count)
        {
            input["num_images"] = count;
        }

        if (request.Size is { } size)
        {
            input["image_size"] = new JsonObject { ["width"] = size.Width, ["height"] = size.Height };
        }

        if (request.NegativePrompt is { } negative)
        {
            input["negative_prompt"] = negative;
        }

        if (request.Seed is { } seed)
        {
            input["seed"] = seed;
        }

        if (request.OutputMediaType is { } type)
        {
            input["output_format"] = MediaTypes.ShortName(type);
        }

        if (request.SafetyChecker is { } safety)
        {
            input["enable_safety_checker"] = safety;
        }

        if (parameters.Text("acceleration") is { } acceleration)
        {
            input["acceleration"] = acceleration;
        }

        if (parameters.Number("num_inference_steps") is { } steps)
        {
            input["num_inference_steps"] = (long)steps;
        }

        if (parameters.Number("guidance_scale") is { } guidance)
        {
            input["guidance_scale"] = guidance;
        }

        if (parameters.Bool("sync_mode") is { } sync)
        {
            input["sync_mode"] = sync;
        }

        return input;
    }

    /// <summary>
    /// How long fal keeps the request's outputs, when the request says (<c>expiration_duration_seconds</c>, whole seconds):
    /// the submit's <c>X-Fal-Object-Lifecycle-Preference</c> header (JSON), and the results' lifetime; else fal's default.
    /// </summary>
    private static (string? Header, TimeSpan? Lifetime) Retention(double? seconds, ICollection<ImageEditValidationError> errors)
    {
        if (seconds is not { } value)
        {
            return (null, null);
        }

        if (value < 1 || value != Math.Floor(value) || value > int.MaxValue)
        {
            errors.Add(new ImageEditValidationError("VendorParameters[expiration_duration_seconds]", $"fal.ai keeps outputs for a whole number of seconds, at least 1; not {value.ToString(CultureInfo.InvariantCulture)}."));
            return (null, null);
        }

        var whole = (long)value;
        return (string.Create(CultureInfo.InvariantCulture, $"{{\"expiration_duration_seconds\":{whole}}}"), TimeSpan.FromSeconds(whole));
    }

    /// <summary>A COMPLETED status ends the request; without <c>error</c> its images are in the result (conflict F2).</summary>
    private async Task<VendorTaskState> Complete(Queue queue, QueueReading status, CancellationToken cancellationToken)
    {
        if (!string.Equals(status.Status, "COMPLETED", StringComparison.Ordinal) || status.Error is not null)
        {
            return State(status, []);
        }

        var images = await _transport.SendAsync("read the request's result", () => queue.Result(status.RequestId, cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
        var (urls, inline) = Results(images, _options.Results.MaxImageBytes, "result");
        return State(status, urls) with { InlineResults = inline };
    }

    /// <summary>
    /// The result's images as fal gave them: URLs, or with <c>sync_mode</c> data URIs, decoded here (bounded and checked)
    /// since they are the images themselves.
    /// </summary>
    private static (IReadOnlyList<Uri> Urls, IReadOnlyList<InlineImage> Inline) Results(IEnumerable<string?> images, long maxBytes, string source)
    {
        var urls = new List<Uri>();
        var inline = new List<InlineImage>();
        foreach (var image in images)
        {
            if (InlineImage.IsDataUri(image))
            {
                inline.Add(InlineImage.Decode(Self, image!, maxBytes, source));
            }
            else
            {
                urls.Add(AnswerChecks.Url(image));
            }
        }

        return (urls, inline);
    }

    private static VendorTaskState State(QueueReading status, IReadOnlyList<Uri> images)
    {
        if (string.IsNullOrEmpty(status.RequestId))
        {
            throw new ImageEditVendorException(Self, "fal.ai answered without a request id.");
        }

        var state = StatusMap.Map(Self, status.Status);
        ImageEditFailure? failure = null;
        if (state == ImageEditStatus.Succeeded && status.Error is { } error)
        {
            // client_cancelled is a request someone cancelled; any other error ended it failed.
            state = status.ErrorType == "client_cancelled" ? ImageEditStatus.Cancelled : ImageEditStatus.Failed;
            failure = new ImageEditFailure(ErrorMap.FromFalErrorType(status.ErrorType) ?? ErrorMap.FromFailureMessage(error), error, status.ErrorType);
        }

        // A queue position is the nearest thing fal gives to an estimate: a few seconds a request ahead.
        var wait = status.QueuePosition is { } position ? TimeSpan.FromSeconds(Math.Clamp(position + 1, 1, 30)) : (TimeSpan?)null;
        return new VendorTaskState(status.RequestId, status.Status, state, null, images, failure, wait, status.Raw);
    }

    private static async Task<QueueReading> Read(Task<ApiResponse<QueueStatus>> call)
        => QueueReading.From((await call.ConfigureAwait(false)).Value);

    /// <summary>fal's error body: <c>detail</c> as text (request errors, with <c>error_type</c>) or as typed details (model errors).</summary>
    private static VendorError? Describe(ApiException error) => error switch
    {
        ApiException<ErrorResponse> { Error: { } e } => Detail(e.ErrorType, e.Detail.TryGetString(out var text) ? text : null, e.Detail.TryGetErrorDetailList(out var list) ? list.Select(static d => (d.Type, d.Msg)).FirstOrDefault() : default),
        _ => null,
    };

    private static VendorError Detail(string? errorType, string? text, (string? Type, string? Msg) first)
    {
        var code = errorType ?? first.Type;
        return new VendorError(code, text ?? first.Msg, ErrorMap.FromFalErrorType(code));
    }

    /// <summary>One status answer of any model's queue, in the terms the adapter reads.</summary>
    private sealed record QueueReading(string Status, string RequestId, string? Error, string? ErrorType, long? QueuePosition, object Raw)
    {
        public static QueueReading From(QueueStatus s) => new(s.Status.ToString(), s.RequestId, s.Error, s.ErrorType, s.QueuePosition, s);
    }

    /// <summary>One model's queue: its input type, and its submit, status, result and cancel calls.</summary>
    private sealed record Queue(
        Func<JsonObject, (object? Input, IReadOnlyList<ValidationError> Problems)> Build,
        Func<object, Uri?, string?, CancellationToken, Task<QueueReading>> Submit,
        Func<string, CancellationToken, Task<QueueReading>> Status,
        Func<string, CancellationToken, Task<IReadOnlyList<string>>> Result,
        Func<string, CancellationToken, Task<string?>> Cancel)
    {
        public static Queue For<TInput>(
            JsonTypeInfo<TInput> inputType,
            Func<TInput, IReadOnlyList<ValidationError>> validate,
            Func<TInput, Uri?, string?, CancellationToken, Task<QueueReading>> submit,
            Func<string, CancellationToken, Task<QueueReading>> status,
            Func<string, CancellationToken, Task<List<string>>> result,
            Func<string, CancellationToken, Task<string?>> cancel)
            where TInput : class
            => new(
                json => Typed(json, inputType, validate),
                (input, hook, lifecycle, ct) => submit((TInput)input, hook, lifecycle, ct),
                status,
                async (id, ct) => await result(id, ct).ConfigureAwait(false),
                cancel);

        /// <summary>The request's members read into the model's generated input: what the model does not take is a problem, not a loss.</summary>
        private static (object? Input, IReadOnlyList<ValidationError> Problems) Typed<TInput>(JsonObject json, JsonTypeInfo<TInput> inputType, Func<TInput, IReadOnlyList<ValidationError>> validate)
            where TInput : class
        {
            try
            {
                var input = json.Deserialize(inputType) ?? throw new JsonException("null");
                return (input, validate(input));
            }
            catch (JsonException error)
            {
                return (null, [new ValidationError(error.Path is { Length: > 0 } path ? path : "$", "type", error.Message)]);
            }
        }
    }
}
