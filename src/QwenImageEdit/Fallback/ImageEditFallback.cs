using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// An edit sent to the first of an ordered list of vendors (and models) that takes it. The next route is tried only
/// when the one before provably did not take the edit (<see cref="ImageEditException.ProvablyNotAccepted"/>): the
/// request does not fit its capabilities (checked before anything is sent to it), an upload to it failed before the
/// create, the connection was refused, or it refused the create before accepting it (429 after the facade's retries,
/// 401, 402, 400, content policy, an error envelope). Once a vendor may have taken the edit (it accepted it, or the
/// create failed in a way that proves nothing: a timeout, a reset, a 5xx), the fallback stops there: trying another
/// vendor could bill twice. The operation says which vendor ran it (<see cref="ImageEditOperation.Vendor"/>) and which
/// were tried before (<see cref="ImageEditOperation.FallbackAttempts"/>).
/// </summary>
/// <remarks>
/// A failure after the create was accepted (the task failed at the vendor) is that vendor's answer, not a reason to
/// fall back. Vendor parameters are vendor-specific: a route whose vendor does not take them is skipped.
/// </remarks>
public sealed class ImageEditFallback
{
    /// <summary>The key <c>AddFallback</c> registers the fallback's <c>IImageGenerator</c> under.</summary>
    public const string ServiceKey = "QwenImageEdit.Fallback";

    private readonly Func<ImageEditVendor, QwenImageEditClient> _clients;
    private readonly ILogger _logger;

    /// <summary>Creates a fallback over <paramref name="routes"/>, tried in order.</summary>
    /// <param name="routes">The vendors (and models) to try, first first; at least one.</param>
    /// <param name="clients">The client of each vendor the routes name.</param>
    /// <param name="logger">Where each fallback is logged.</param>
    public ImageEditFallback(IEnumerable<ImageEditRoute> routes, Func<ImageEditVendor, QwenImageEditClient> clients, ILogger<ImageEditFallback>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(clients);
        Routes = routes.ToArray();
        if (Routes.Count == 0)
        {
            throw new ArgumentException("A fallback needs at least one route.", nameof(routes));
        }

        _clients = clients;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The routes, in the order they are tried.</summary>
    public IReadOnlyList<ImageEditRoute> Routes { get; }

    /// <summary>
    /// Submits the edit to the first route that takes it, and returns at once. <see cref="ImageEditRequest.Model"/> must
    /// be null: each route names its model (or uses its vendor's default).
    /// </summary>
    /// <exception cref="ImageEditFallbackException">No route took the edit; <see cref="ImageEditFallbackException.Attempts"/> says why each did not.</exception>
    /// <exception cref="ImageEditException">A vendor may have taken the edit, but the create failed: no other vendor was tried.</exception>
    public async Task<ImageEditOperation> StartEditAsync(ImageEditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, model) = First();
        using var span = OperationSpan.Start(client.Telemetry, model, request.Count, fallbackStartedAt: client.TimeProvider.GetTimestamp());
        try
        {
            var operation = await StartAsync(request, span, cancellationToken).ConfigureAwait(false);
            span.Describe(operation);
            return operation;
        }
        catch (Exception error)
        {
            span.Fail(error);
            throw;
        }
    }

    /// <summary>Submits the edit to the first route that takes it, and waits for its images.</summary>
    /// <exception cref="ImageEditFallbackException">No route took the edit.</exception>
    /// <exception cref="ImageEditFailedException">The vendor that took the edit ended it without images (no other vendor is tried).</exception>
    public async Task<IReadOnlyList<ImageEditResult>> EditAsync(ImageEditRequest request, IProgress<ImageEditProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, model) = First();
        using var span = OperationSpan.Start(client.Telemetry, model, request.Count, fallbackStartedAt: client.TimeProvider.GetTimestamp());
        try
        {
            var operation = await StartAsync(request, span, cancellationToken).ConfigureAwait(false);
            var images = await operation.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
            span.Describe(operation);
            return images;
        }
        catch (Exception error)
        {
            span.Fail(error);
            throw;
        }
    }

    /// <summary>The first route's client and model: what an edit's span (and the generator's metadata) names until a vendor takes it.</summary>
    internal (QwenImageEditClient Client, string Model) First()
    {
        var client = _clients(Routes[0].Vendor);
        return (client, Routes[0].Model ?? client.DefaultModel);
    }

    /// <summary>
    /// Tries the routes in order. The edit is one operation, timed from the fallback's start (<paramref name="span"/>):
    /// the route that takes it records its end as any edit does; when none does, or one may have taken it, its end is
    /// recorded here, once, on the route it stopped at (the first, when it stopped before any).
    /// </summary>
    private async Task<ImageEditOperation> StartAsync(ImageEditRequest request, OperationSpan span, CancellationToken cancellationToken)
    {
        var routes = Routes.Select(route => (route, client: _clients(route.Vendor))).Select(pair => (pair.route, pair.client, model: pair.route.Model ?? pair.client.DefaultModel)).ToArray();
        var current = 0;
        try
        {
            if (request.Model is not null)
            {
                throw new ImageEditValidationException(null, [new ImageEditValidationError("Model", $"A fallback edit takes its models from its routes ({string.Join(", ", Routes)}); leave Model null.")])
                {
                    ProvablyNotAccepted = true,
                };
            }

            var images = await ReadStreamsOnceAsync(request.Images ?? [], routes.Max(r => r.client.MaxInputImageBytes(r.model)), cancellationToken).ConfigureAwait(false);
            var attempts = new List<ImageEditFallbackAttempt>();
            for (current = 0; current < routes.Length; current++)
            {
                var (route, client, model) = routes[current];
                try
                {
                    var operation = await client.StartEditAsync(Copy(request, model, images), cancellationToken).ConfigureAwait(false);
                    operation.FallbackAttempts = attempts.ToArray();
                    return operation;
                }
                catch (ImageEditException error) when (error.ProvablyNotAccepted && !cancellationToken.IsCancellationRequested)
                {
                    attempts.Add(new ImageEditFallbackAttempt(route.Vendor, model, error));
                    if (current + 1 < routes.Length)
                    {
                        if (error is ImageEditValidationException { StatusCode: null })
                        {
                            Log.FallbackSkipped(_logger, route.Vendor, model, error.Message);
                        }
                        else
                        {
                            Log.FallingBack(_logger, route.Vendor, error.Kind, error.Message, routes[current + 1].route.Vendor, routes[current + 1].model, error.RequestId);
                        }
                    }
                }
                catch (ImageEditException error)
                {
                    Log.NoFallback(_logger, route.Vendor, error.Kind, error.RequestId);
                    throw;
                }
            }

            current = 0;
            throw new ImageEditFallbackException(attempts);
        }
        catch (Exception error)
        {
            var (_, stoppedAt, stoppedModel) = routes[Math.Min(current, routes.Length - 1)];
            stoppedAt.Telemetry?.FallbackEnded(stoppedModel, stoppedAt.TimeProvider.GetElapsedTime(span.FallbackStartedAt!.Value), error);
            throw;
        }
    }

    /// <summary>
    /// A stream can be read once: read it here, to the most any route takes, so every route gets the same bytes (each
    /// still holds them to its own limit).
    /// </summary>
    private static async Task<IList<ImageInput>> ReadStreamsOnceAsync(IList<ImageInput> images, long max, CancellationToken cancellationToken)
    {
        if (!images.Any(static image => image is { IsLocal: true, Length: null }))
        {
            return images;
        }

        var read = new List<ImageInput>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            if (image is not { IsLocal: true, Length: null })
            {
                read.Add(image);
                continue;
            }

            var bytes = await image.ReadAsync(max, cancellationToken).ConfigureAwait(false);
            if (bytes.TooLarge)
            {
                throw new ImageEditValidationException(null, [new ImageEditValidationError($"Images[{i}]", $"The image is larger than any route takes (at most {max} bytes).")])
                {
                    ProvablyNotAccepted = true,
                };
            }

            read.Add(ImageInput.FromBytes(bytes.Bytes, image.MediaType!, image.FileName));
        }

        return read;
    }

    private static ImageEditRequest Copy(ImageEditRequest request, string model, IList<ImageInput> images)
    {
        var copy = new ImageEditRequest
        {
            Prompt = request.Prompt,
            Images = images,
            Model = model,
            NegativePrompt = request.NegativePrompt,
            Count = request.Count,
            Size = request.Size,
            Seed = request.Seed,
            OutputMediaType = request.OutputMediaType,
            SafetyChecker = request.SafetyChecker,
            CallbackUrl = request.CallbackUrl,
        };
        foreach (var (name, value) in request.VendorParameters)
        {
            copy.VendorParameters[name] = value;
        }

        return copy;
    }
}

/// <summary>One vendor, and model, a fallback may send an edit to.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Model">Its model (see <see cref="ImageEditModels"/>); null for the vendor's default.</param>
public sealed record ImageEditRoute(ImageEditVendor Vendor, string? Model = null)
{
    /// <inheritdoc />
    public override string ToString() => Model is null ? Vendor.ToString() : $"{Vendor} {Model}";
}

/// <summary>A vendor a fallback tried before the one that ran the edit, and why it did not take it.</summary>
/// <param name="Vendor">The vendor tried.</param>
/// <param name="Model">The model tried.</param>
/// <param name="Reason">Why it did not take the edit (<see cref="ImageEditException.ProvablyNotAccepted"/> is true).</param>
public sealed record ImageEditFallbackAttempt(ImageEditVendor Vendor, string Model, ImageEditException Reason);

/// <summary>No route of a fallback took the edit; none of them has a task for it.</summary>
public sealed class ImageEditFallbackException : ImageEditException
{
    internal ImageEditFallbackException(IReadOnlyList<ImageEditFallbackAttempt> attempts)
        : base(attempts[^1].Reason.Kind, null, "No vendor took the edit: " + string.Join("; ", attempts.Select(static a => $"{a.Vendor} {a.Model}: {a.Reason.Message}")))
    {
        Attempts = attempts;
        ProvablyNotAccepted = true;
    }

    /// <summary>Each route tried, in order, and why it did not take the edit.</summary>
    public IReadOnlyList<ImageEditFallbackAttempt> Attempts { get; }
}
