namespace QwenImageEdit.Cli;

/// <summary>Saves result images as <c>{task id}-{n}.{ext}</c> in the output folder.</summary>
internal static class ResultFiles
{
    public static async Task<IReadOnlyList<string>> SaveAsync(string operationId, IReadOnlyList<ImageEditResult> images, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var path = Path.Combine(folder, $"{SafeName(operationId)}-{i}{images[i].FileExtension}");

            // SaveAsync writes a .partial file and renames it, so a cancelled download leaves nothing half-written.
            paths.Add(await images[i].SaveAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return paths;
    }

    // Ids are the vendor's; keep them readable but never let one name a path.
    private static string SafeName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(id.Select(c => invalid.Contains(c) || c is '.' or ' ' ? '_' : c));
    }
}
