using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit;

/// <summary>An image to edit: a URL the vendor fetches itself, or bytes the facade uploads through the vendor's API.</summary>
/// <remarks>
/// Local images are read when the edit is submitted, and never more of them than the vendor takes: a file larger than
/// that is refused by its size before it is read, a stream by the first byte past it.
/// </remarks>
public sealed class ImageInput
{
    private readonly Func<long, CancellationToken, Task<ImageBytes>>? _read;

    private ImageInput(Uri? url, string? mediaType, string? fileName, Func<long, CancellationToken, Task<ImageBytes>>? read, long? length = null)
    {
        Url = url;
        MediaType = mediaType;
        FileName = fileName;
        _read = read;
        Length = length;
    }

    /// <summary>The image's URL, when the vendor is to fetch it.</summary>
    public Uri? Url { get; }

    /// <summary>The media type of local bytes (<c>image/png</c>, ...); null for a URL.</summary>
    public string? MediaType { get; }

    /// <summary>A file name for the upload, when known.</summary>
    public string? FileName { get; }

    /// <summary>Whether the facade must upload the image before the edit.</summary>
    public bool IsLocal => _read is not null;

    /// <summary>The size in bytes of in-memory bytes, or of a file when the input was made; null for a URL or a stream.</summary>
    public long? Length { get; }

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
        return new ImageInput(null, mediaType, fileName, (max, _) => Task.FromResult(bytes.Length > max ? ImageBytes.Over(bytes.Length) : new ImageBytes(bytes, false, bytes.Length)), bytes.Length);
    }

    /// <summary>
    /// An image read from a stream when the edit is submitted: to its end, or to the first byte past the vendor's
    /// limit (then the edit is refused). The stream is not disposed.
    /// </summary>
    public static ImageInput FromStream(Stream stream, string mediaType, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        return new ImageInput(null, mediaType, fileName, (max, cancellationToken) => ReadBoundedAsync(stream, max, cancellationToken));
    }

    /// <summary>
    /// An image file; its media type comes from the extension. Only a regular file is taken: a directory, a pipe or a
    /// device is refused here, before anything would wait on it or read it without end.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">The path is not a regular, non-empty file, or its extension is not an image type the facade knows.</exception>
    public static ImageInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = CheckRegularFile(path);
        var mediaType = MediaTypes.FromFileName(path)
            ?? throw new ArgumentException($"'{Path.GetFileName(path)}' is not a known image type (use .png, .jpg, .jpeg, .webp, .gif, .bmp or .tiff).", nameof(path));
        return new ImageInput(null, mediaType, Path.GetFileName(path), (max, cancellationToken) => ReadFileAsync(path, max, cancellationToken), file.Length);
    }

    internal Task<ImageBytes> ReadAsync(long maxBytes, CancellationToken cancellationToken)
        => _read is null ? throw new InvalidOperationException("A URL image has no bytes to read.") : _read(maxBytes, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Url?.ToString() ?? $"{FileName ?? "image"} ({MediaType})";

    /// <summary>
    /// Refuses what is not a regular file with content, without opening it: opening a FIFO waits for a writer, and a
    /// device (a link to /dev/zero) never ends. Both, like /proc files, report a length of 0. A link is judged by what
    /// it finally points to.
    /// </summary>
    private static FileInfo CheckRegularFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a directory, not an image file.", nameof(path));
        }

        var file = new FileInfo(path);
        if (file.Exists && file.LinkTarget is not null)
        {
            file = File.ResolveLinkTarget(path, returnFinalTarget: true) as FileInfo ?? file;
        }

        if (!file.Exists)
        {
            throw new FileNotFoundException($"There is no image file '{path}'.", path);
        }

        if (file.Length == 0)
        {
            throw new ArgumentException($"'{path}' is empty, or not a regular file (a pipe or a device); give an image file.", nameof(path));
        }

        return file;
    }

    private static async Task<ImageBytes> ReadFileAsync(string path, long max, CancellationToken cancellationToken)
    {
        // Checked again when read: the file may have changed since the request was made.
        var length = CheckRegularFile(path).Length;
        if (length > max)
        {
            return ImageBytes.Over(length);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            if (!file.CanSeek)
            {
                throw new ArgumentException($"'{path}' is not a regular file; give an image file.", nameof(path));
            }

            return await ReadBoundedAsync(file, max, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ImageBytes> ReadBoundedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var room = (int)Math.Min(chunk.Length, max + 1 - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new ImageBytes(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false, buffer.Length);
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return ImageBytes.Over(stream.CanSeek ? stream.Length : null);
            }
        }
    }
}

/// <summary>A local image as read: its bytes, or that it is larger than the limit it was read under (and how large, when known).</summary>
internal readonly record struct ImageBytes(ReadOnlyMemory<byte> Bytes, bool TooLarge, long? Length)
{
    public static ImageBytes Over(long? length) => new(ReadOnlyMemory<byte>.Empty, true, length);
}
