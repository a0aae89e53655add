using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="IImageGenerator"/> over one vendor. A request with original images is an
/// edit; Qwen image-edit only edits, so a request without images is refused before anything is sent.
/// </summary>
/// <remarks>
/// Options map as follows: <c>Count</c>, <c>ImageSize</c> (vendors with named sizes get the closest), <c>MediaType</c>,
/// <c>ModelId</c> (see <see cref="ImageEditModels"/>), <c>ResponseFormat</c> (<c>Uri</c> and <c>Hosted</c> give
/// <see cref="UriContent"/>, <c>Data</c> downloads into <see cref="DataContent"/>). <c>AdditionalProperties</c> take
/// the names in <see cref="ImageEditOptionNames"/> and any vendor parameter by its wire name.
/// </remarks>
public sealed class QwenImageGenerator : IImageGenerator
{
    private readonly QwenImageEditClient? _client;
    private readonly ImageEditFallback? _fallback;
    private readonly ImageGeneratorMetadata _metadata;

    // The spans' provider before a vendor took the edit: the client's, or the fallback's first route's.
    private readonly Telemetry? _telemetry;

    /// <summary>Creates a generator over <paramref name="client"/>.</summary>
    /// <remarks>
    /// Its <see cref="ImageGeneratorMetadata"/> names the vendor and its API's address, so Microsoft.Extensions.AI's
    /// <c>UseOpenTelemetry()</c> tags its spans with <c>gen_ai.provider.name</c> and <c>server.address</c>; the facade's
    /// own spans (<see cref="QwenImageEditTelemetry"/>) become their children.
    /// </remarks>
    public QwenImageGenerator(QwenImageEditClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        var report = VendorReports.For(client.Vendor);
        _telemetry = client.Telemetry;
        _metadata = new ImageGeneratorMetadata(report.ProviderName, _telemetry?.ProviderUri ?? report.Api, client.DefaultModel);
    }

    /// <summary>
    /// Creates a generator over <paramref name="fallback"/>: each edit goes to the first of its routes that takes it.
    /// <c>ModelId</c> must be unset (each route names its model). The metadata names the first route's vendor, its
    /// address and model; the response's <c>RawRepresentation</c>, the operation, says which vendor ran the edit.
    /// </summary>
    public QwenImageGenerator(ImageEditFallback fallback)
    {
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        var (client, model) = fallback.First();
        var report = VendorReports.For(client.Vendor);
        _telemetry = client.Telemetry;
        _metadata = new ImageGeneratorMetadata(report.ProviderName, _telemetry?.ProviderUri ?? report.Api, model);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The response's <c>RawRepresentation</c> is the <see cref="ImageEditOperation"/> (vendor, task id, request id,
    /// <see cref="ImageEditOperation.Usage"/>). <c>Usage.AdditionalCounts</c> holds the vendor's usage figures that are
    /// whole numbers, as <c>{provider}.{name}</c> (<c>evolink.credits_reserved</c>), in the vendor's unit; a figure with
    /// a fraction (ModelsLab's <c>generationTime</c> of 9.42 s) is only on the operation. No token counts: no vendor
    /// reports any.
    /// </remarks>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var edit = ToEditRequest(request, options, _client?.Vendor ?? _fallback!.Routes[0].Vendor);
        using var span = OperationSpan.Start(_telemetry, edit.Model ?? _metadata.DefaultModelId, edit.Count);
        try
        {
            var operation = _client is not null
                ? await _client.StartEditAsync(edit, cancellationToken).ConfigureAwait(false)
                : await _fallback!.StartEditAsync(edit, cancellationToken).ConfigureAwait(false);
            var images = await operation.WaitForCompletionAsync(null, cancellationToken).ConfigureAwait(false);

            var contents = new List<AIContent>(images.Count);
            foreach (var image in images)
            {
                // An inline image (fal.ai's sync_mode) has no URL to give: its bytes are the answer, whatever was asked.
                contents.Add(options?.ResponseFormat == ImageGenerationResponseFormat.Data || image.IsInline
                    ? new DataContent(await image.ReadAsync(cancellationToken).ConfigureAwait(false), image.MediaType)
                    : new UriContent(image.Uri, image.MediaType));
            }

            span.Describe(operation);
            return new ImageGenerationResponse(contents) { RawRepresentation = operation, Usage = ToUsageDetails(operation) };
        }
        catch (Exception error)
        {
            span.Fail(error);
            throw;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : _client is not null && serviceType.IsInstanceOfType(_client) ? _client
            : _fallback is not null && serviceType.IsInstanceOfType(_fallback) ? _fallback
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The HttpClient belongs to whoever made the client (usually IHttpClientFactory).
    }

    /// <summary>The vendor's whole-number usage figures, under names that say whose they are.</summary>
    internal static UsageDetails? ToUsageDetails(ImageEditOperation operation)
    {
        var provider = VendorReports.For(operation.Vendor).ProviderName;
        AdditionalPropertiesDictionary<long>? counts = null;
        foreach (var usage in operation.Usage)
        {
            if (usage.Value == decimal.Truncate(usage.Value) && usage.Value is >= long.MinValue and <= long.MaxValue)
            {
                (counts ??= [])[$"{provider}.{usage.Name}"] = (long)usage.Value;
            }
        }

        return counts is null ? null : new UsageDetails { AdditionalCounts = counts };
    }

    internal static ImageEditRequest ToEditRequest(ImageGenerationRequest request, ImageGenerationOptions? options, ImageEditVendor vendor)
    {
        var errors = new List<ImageEditValidationError>();
        var images = new List<ImageInput>();
        var index = 0;
        foreach (var content in request.OriginalImages ?? [])
        {
            switch (content)
            {
                case UriContent uri:
                    images.Add(ImageInput.FromUrl(uri.Uri));
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    images.Add(ImageInput.FromBytes(data.Data, data.MediaType, data.Name));
                    break;
                default:
                    errors.Add(new ImageEditValidationError($"OriginalImages[{index}]", $"Expected an image as UriContent or DataContent, not {content?.GetType().Name ?? "null"}."));
                    break;
            }

            index++;
        }

        if (images.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImageEditValidationError("OriginalImages", "Qwen image-edit edits images: give at least one original image."));
        }

        var edit = new ImageEditRequest
        {
            Prompt = request.Prompt ?? "",
            Images = images,
            Model = options?.ModelId,
            Count = options?.Count,
            Size = options?.ImageSize is { } size ? new ImageEditSize(size.Width, size.Height) : null,
            OutputMediaType = options?.MediaType,
        };

        foreach (var (name, value) in options?.AdditionalProperties ?? [])
        {
            switch (name)
            {
                case ImageEditOptionNames.NegativePrompt:
                    edit.NegativePrompt = Convert.ToString(Unwrap(value), CultureInfo.InvariantCulture);
                    break;
                case ImageEditOptionNames.Seed when TryLong(value, out var seed):
                    edit.Seed = seed;
                    break;
                case ImageEditOptionNames.SafetyChecker when Unwrap(value) is bool check:
                    edit.SafetyChecker = check;
                    break;
                case ImageEditOptionNames.CallbackUrl when Unwrap(value) is Uri or string:
                    edit.CallbackUrl = Unwrap(value) as Uri ?? (Uri.TryCreate((string)Unwrap(value)!, UriKind.Absolute, out var url) ? url : null);
                    if (edit.CallbackUrl is null)
                    {
                        errors.Add(new ImageEditValidationError(name, $"'{value}' is not an absolute URL."));
                    }

                    break;
                case ImageEditOptionNames.NegativePrompt or ImageEditOptionNames.Seed or ImageEditOptionNames.SafetyChecker or ImageEditOptionNames.CallbackUrl:
                    errors.Add(new ImageEditValidationError(name, $"'{value}' is not a valid value for '{name}'."));
                    break;
                default:
                    edit.VendorParameters[name] = value;
                    break;
            }
        }

        return errors.Count > 0 ? throw new ImageEditValidationException(vendor, errors) : edit;
    }

    private static object? Unwrap(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
        _ => value,
    };

    private static bool TryLong(object? value, out long result)
    {
        switch (Unwrap(value))
        {
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                result = parsed;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
