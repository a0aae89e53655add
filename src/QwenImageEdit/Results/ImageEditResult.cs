using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>One result image: where the vendor keeps it, until when, and how to fetch it.</summary>
public sealed class ImageEditResult
{
    private readonly ImageEditVendor _vendor;
    private readonly ResultDownloader _downloader;
    private readonly ResultTelemetry? _telemetry;
    private readonly InlineImage? _inline;

    internal ImageEditResult(ImageEditVendor vendor, Uri uri, DateTimeOffset? expiresAt, ResultDownloader downloader, ResultTelemetry? telemetry = null)
    {
        _vendor = vendor;
        Uri = uri;
        ExpiresAt = expiresAt;
        MediaType = MediaTypes.FromUrl(uri, "image/png");
        _downloader = downloader;
        _telemetry = telemetry;
    }

    /// <summary>An image the vendor sent inside its answer: kept here, nowhere else.</summary>
    internal ImageEditResult(ImageEditVendor vendor, InlineImage inline, ResultDownloader downloader)
    {
        _vendor = vendor;
        _inline = inline;
        Uri = new Uri("data:" + inline.MediaType + ";base64,", UriKind.Absolute);
        MediaType = inline.MediaType;
        _downloader = downloader;
    }

    /// <summary>
    /// The vendor's URL for the image. For an <see cref="IsInline"/> image only a <c>data:</c> URI naming its media type
    /// (the image itself is in this object: a data URI of it would not fit a <see cref="System.Uri"/>).
    /// </summary>
    public Uri Uri { get; }

    /// <summary>
    /// Whether the vendor sent the image inside its answer (fal.ai's <c>sync_mode</c>), decoded and checked when it
    /// arrived: <see cref="ReadAsync"/> and <see cref="SaveAsync(Stream, CancellationToken)"/> serve it from memory, with no
    /// download, and the vendor keeps no copy (<see cref="ExpiresAt"/> is null).
    /// </summary>
    public bool IsInline => _inline is not null;

    /// <summary>
    /// When the vendor deletes it (24 h after completion at EvoLink and Apikley), as seen by this process; null when
    /// the vendor does not say. Save the image before then.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The media type: from the URL's extension (<c>image/png</c> when it has none), or an inline image's own.</summary>
    public string MediaType { get; }

    /// <summary>The file extension for <see cref="MediaType"/>, with its dot (<c>.png</c>, <c>.jpg</c>), for naming a saved file.</summary>
    public string FileExtension => MediaTypes.Extension(MediaType);

    /// <summary>
    /// Streams the image into <paramref name="destination"/>: over HTTPS, from a public address, at most
    /// <see cref="ResultDownloadOptions.MaxImageBytes"/> (see <see cref="ResultDownloadOptions"/>).
    /// </summary>
    /// <exception cref="ImageEditResultRefusedException">The URL (or a redirect from it) is not HTTPS, or not a public address.</exception>
    /// <exception cref="ImageEditLimitExceededException">The image is larger than the limit.</exception>
    /// <exception cref="ImageEditException">The download failed or timed out.</exception>
    public async Task SaveAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_inline is { } inline)
        {
            await destination.WriteAsync(inline.Bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_telemetry is not { } telemetry)
        {
            await _downloader.CopyToAsync(_vendor, Uri, destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        var activity = telemetry.Telemetry.StartStep(ImageEditStep.Download, telemetry.Model, telemetry.OperationId);
        try
        {
            var bytes = await _downloader.CopyToAsync(_vendor, Uri, destination, cancellationToken).ConfigureAwait(false);
            telemetry.Telemetry.Downloaded(telemetry.Model, bytes);
            activity?.SetTag("qwen_image_edit.download.size", bytes);
            Telemetry.StepEnded(activity, null);
        }
        catch (Exception error)
        {
            telemetry.Telemetry.StepFailed(activity, ImageEditStep.Download, telemetry.Model, error, null);
            throw;
        }
    }

    /// <summary>Streams the image into a file (created or replaced), and returns its full path.</summary>
    /// <exception cref="ImageEditException">The URL was refused, the image is over the limit, or the download failed; no partial file is left.</exception>
    public async Task<string> SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var partial = fullPath + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await SaveAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, fullPath, overwrite: true);
            return fullPath;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Downloads the image into memory, at most <see cref="ResultDownloadOptions.MaxImageBytes"/>.</summary>
    /// <exception cref="ImageEditException">The URL was refused, the image is over the limit, or the download failed.</exception>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_inline is { } inline)
        {
            return inline.Bytes;
        }

        using var buffer = new MemoryStream();
        await SaveAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => IsInline ? $"{MediaType} image of {_inline!.Bytes.Length} bytes, inline" : Uri.ToString();
}

/// <summary>What a result's download reports under: the client's telemetry, and the edit it belongs to.</summary>
internal sealed record ResultTelemetry(Telemetry Telemetry, string Model, string OperationId);
