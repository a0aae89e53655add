namespace QwenImageEdit.Cli;

/// <summary>Turns <c>--image</c> values into facade inputs: http(s) URLs as they are, anything else as a local file.</summary>
internal static class ImageArguments
{
    /// <exception cref="CliException">A file does not exist, cannot be read, or is not an image type the vendors take.</exception>
    public static IList<ImageInput> Read(IReadOnlyList<string> values)
    {
        var images = new List<ImageInput>(values.Count);
        foreach (var value in values)
        {
            images.Add(Read(value));
        }

        return images;
    }

    private static ImageInput Read(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return ImageInput.FromUrl(url);
        }

        try
        {
            var image = ImageInput.FromFile(value);

            // The facade reads the file only when it submits; opening it now turns a permission problem into the
            // same one-line error as a missing file, before a fake starts or a key is checked.
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
}
