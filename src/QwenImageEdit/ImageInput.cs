using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit;

/// <summary>An image to edit: a URL the vendor fetches itself, or bytes the facade uploads through the vendor's API.</summary>
public sealed class ImageInput
{
    private readonly Func<CancellationToken, Task<ReadOnlyMemory<byte>>>? _read;

    private ImageInput(Uri? url, string? mediaType, string? fileName, Func<CancellationToken, Task<ReadOnlyMemory<byte>>>? read)
    {
        Url = url;
        MediaType = mediaType;
        FileName = fileName;
        _read = read;
    }

    /// <summary>The image's URL, when the vendor is to fetch it.</summary>
    public Uri? Url { get; }

    /// <summary>The media type of local bytes (<c>image/png</c>, ...); null for a URL.</summary>
    public string? MediaType { get; }

    /// <summary>A file name for the upload, when known.</summary>
    public string? FileName { get; }

    /// <summary>Whether the facade must upload the image before the edit.</summary>
    public bool IsLocal => _read is not null;

    /// <summary>An image at a public URL (http or https).</summary>
    public static ImageInput FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new ImageInput(url, null, null, null);
    }

    /// <summary>An image at a public URL (http or https).</summary>
    public static ImageInput FromUrl(string url) => FromUrl(new Uri(url, UriKind.Absolute));

    /// <summary>Image bytes in memory.</summary>
    public static ImageInput FromBytes(ReadOnlyMemory<byte> bytes, string mediaType, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        return new ImageInput(null, mediaType, fileName, _ => Task.FromResult(bytes));
    }

    /// <summary>An image read from a stream when the edit is submitted. The stream is read to its end, not disposed.</summary>
    public static ImageInput FromStream(Stream stream, string mediaType, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        return new ImageInput(null, mediaType, fileName, async cancellationToken =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        });
    }

    /// <summary>An image file; its media type comes from the extension.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">The extension is not an image type the facade knows.</exception>
    public static ImageInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no image file '{path}'.", path);
        }

        var mediaType = MediaTypes.FromFileName(path)
            ?? throw new ArgumentException($"'{Path.GetFileName(path)}' is not a known image type (use .png, .jpg, .jpeg, .webp, .gif, .bmp or .tiff).", nameof(path));
        return new ImageInput(null, mediaType, Path.GetFileName(path), async cancellationToken => await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
    }

    internal Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken)
        => _read is null ? throw new InvalidOperationException("A URL image has no bytes to read.") : _read(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Url?.ToString() ?? $"{FileName ?? "image"} ({MediaType})";
}
