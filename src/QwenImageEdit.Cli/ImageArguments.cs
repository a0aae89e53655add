namespace QwenImageEdit.Cli;

/// <summary>
/// Turns <c>--image</c> values into facade inputs: http(s) URLs as they are, anything else as a local file. Nothing is
/// read here: a file is checked by what the file system says of it (a regular file, its size), so a pipe, a device or
/// a directory fails at once instead of blocking or reading without end, and a file larger than the vendor takes is
/// refused before a byte of it is read. The facade reads it when it submits, no more than that limit.
/// </summary>
internal static class ImageArguments
{
    /// <param name="values">The <c>--image</c> values.</param>
    /// <param name="capabilities">The model's limits: the largest file it takes, or none stated (then the facade's own limit).</param>
    /// <exception cref="CliException">A file does not exist, is not a regular file, is too large, cannot be read, or is not an image type the vendors take.</exception>
    public static IList<ImageInput> Read(IReadOnlyList<string> values, ImageEditCapabilities capabilities)
    {
        var maxBytes = capabilities.MaxInputImageBytes ?? new ImageEditLimits().MaxInputImageBytes;
        var limit = capabilities.MaxInputImageBytes is null
            ? $"qwen-edit reads images of at most {Megabytes(maxBytes)} ({capabilities.Vendor} states no limit)"
            : $"{capabilities.Vendor} takes images of at most {Megabytes(maxBytes)}";
        var images = new List<ImageInput>(values.Count);
        foreach (var value in values)
        {
            images.Add(Read(value, maxBytes, limit));
        }

        return images;
    }

    private static ImageInput Read(string value, long maxBytes, string limit)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return ImageInput.FromUrl(url);
        }

        try
        {
            var image = ImageInput.FromFile(value);
            if (image.Length is { } length && length > maxBytes)
            {
                throw new CliException($"Image '{value}' has {Megabytes(length)}; {limit}.");
            }

            // Opening it now (FromFile refused pipes and devices, which an open would wait on or never finish) turns a
            // permission problem into the same one-line error as a missing file, before a fake starts or a key is checked.
            using (File.OpenRead(value))
            {
            }

            return image;
        }
        catch (Exception error) when (error is FileNotFoundException or ArgumentException)
        {
            // The facade's messages name the file and what is wrong with it.
            throw new CliException(ErrorReport.OneLine(error));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read image '{value}': {ErrorReport.OneLine(error)}");
        }
    }

    private static string Megabytes(long bytes)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}
