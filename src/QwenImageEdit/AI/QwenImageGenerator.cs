using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

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
    private readonly QwenImageEditClient _client;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Creates a generator over <paramref name="client"/>.</summary>
    public QwenImageGenerator(QwenImageEditClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _metadata = new ImageGeneratorMetadata(client.Vendor.ToString().ToLowerInvariant(), null, client.DefaultModel);
    }

    /// <inheritdoc />
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var edit = ToEditRequest(request, options, _client.Vendor);
        var operation = await _client.StartEditAsync(edit, cancellationToken).ConfigureAwait(false);
        var images = await operation.WaitForCompletionAsync(null, cancellationToken).ConfigureAwait(false);

        var contents = new List<AIContent>(images.Count);
        foreach (var image in images)
        {
            contents.Add(options?.ResponseFormat == ImageGenerationResponseFormat.Data
                ? new DataContent(await image.ReadAsync(cancellationToken).ConfigureAwait(false), image.MediaType)
                : new UriContent(image.Uri, image.MediaType));
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = operation };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_client) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The HttpClient belongs to whoever made the client (usually IHttpClientFactory).
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
