using System;
using System.Collections.Generic;
using System.Linq;

namespace QwenImageEdit;

/// <summary>What one vendor's model can do: the limits the facade checks before it sends anything.</summary>
/// <remarks>
/// Every figure comes from the vendor's documentation (see <c>specs/README.md</c> for the sources and the conflicts
/// resolved here). A null limit means the vendor documents none. Read the whole table from <see cref="All"/>.
/// </remarks>
public sealed record ImageEditCapabilities
{
    /// <summary>The vendor.</summary>
    public required ImageEditVendor Vendor { get; init; }

    /// <summary>The model identifier, as the vendor spells it (see <see cref="ImageEditModels"/>).</summary>
    public required string Model { get; init; }

    /// <summary>The most input images one edit takes.</summary>
    public required int MaxInputImages { get; init; }

    /// <summary>The longest prompt, in characters, or null when the vendor documents no limit.</summary>
    public required int? MaxPromptLength { get; init; }

    /// <summary>The most output images one edit can produce (the least is always 1).</summary>
    public required int MaxCount { get; init; }

    /// <summary>How the output size can be chosen, or null when it cannot.</summary>
    public required ImageSizeRule? Size { get; init; }

    /// <summary>The longest negative prompt, or null when the model takes none; <see cref="int.MaxValue"/> when it takes one and states no limit.</summary>
    public required int? MaxNegativePromptLength { get; init; }

    /// <summary>The largest seed, or null when the model takes none (the least is 0).</summary>
    public required long? MaxSeed { get; init; }

    /// <summary>The output media types the request can choose; empty when the vendor decides.</summary>
    public required IReadOnlyList<string> OutputMediaTypes { get; init; }

    /// <summary>The media types accepted for input images.</summary>
    public required IReadOnlyList<string> InputMediaTypes { get; init; }

    /// <summary>The largest input image the vendor accepts, in bytes, or null when it documents none.</summary>
    public required long? MaxInputImageBytes { get; init; }

    /// <summary>Whether the safety checker can be switched on or off per request.</summary>
    public required bool SafetyChecker { get; init; }

    /// <summary>Whether task status includes a percentage.</summary>
    public required bool ReportsProgress { get; init; }

    /// <summary>Whether the vendor calls a URL when the task ends.</summary>
    public required bool Callbacks { get; init; }

    /// <summary>Whether those callbacks can be signed (and so verified with <see cref="ImageEditCallbackParser"/>).</summary>
    public required bool SignedCallbacks { get; init; }

    /// <summary>How long result URLs stay valid, or null when the vendor does not say.</summary>
    public required TimeSpan? ResultLifetime { get; init; }

    /// <summary>Whether the vendor can be asked to stop a task (<see cref="ImageEditOperation.CancelAsync"/>).</summary>
    public required bool RemoteCancel { get; init; }

    /// <summary>
    /// Whether the edit is done when the request returns: there is no task to poll, resume or cancel, and
    /// <see cref="ImageEditOperation.Id"/> is only the vendor's request id.
    /// </summary>
    public required bool Synchronous { get; init; }

    /// <summary>
    /// Whether local images travel inside the request as data URIs (fal.ai, Replicate and DashScope take them wherever
    /// they take a URL) rather than being uploaded through the vendor's file API first.
    /// </summary>
    public required bool LocalImagesInline { get; init; }

    /// <summary>Whether the vendor streams status changes (server-sent events), which the facade follows instead of polling.</summary>
    public required bool StatusStream { get; init; }

    /// <summary>The capabilities of every vendor and model, the vendor's default model first.</summary>
    public static IReadOnlyList<ImageEditCapabilities> All => CapabilityTable.Rows;

    /// <summary>The capabilities of a vendor's model (its default model when <paramref name="model"/> is null).</summary>
    /// <exception cref="ImageEditValidationException">The vendor has no such model.</exception>
    public static ImageEditCapabilities For(ImageEditVendor vendor, string? model = null)
        => CapabilityTable.Rows.FirstOrDefault(row => row.Vendor == vendor && (model is null || string.Equals(row.Model, model, StringComparison.Ordinal)))
           ?? throw new ImageEditValidationException(vendor, [new ImageEditValidationError(
               "Model",
               $"{vendor} has no model '{model}'; it has {string.Join(", ", CapabilityTable.Rows.Where(r => r.Vendor == vendor).Select(r => r.Model))}.")]);
}
