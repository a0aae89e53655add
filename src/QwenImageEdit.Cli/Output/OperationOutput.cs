using System.Globalization;

namespace QwenImageEdit.Cli;

/// <summary>What <c>edit</c> and <c>status</c> print about an operation, and the wait-and-save they share.</summary>
internal static class OperationOutput
{
    /// <summary>Polls until the operation ends, saves its images into <paramref name="folder"/> and prints their paths.</summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> WaitAndSaveAsync(CliHost host, VendorChoice choice, ImageEditOperation operation, string folder, bool json, CancellationToken cancellationToken)
    {
        var label = Label(choice, operation);
        var started = TimeProvider.System.GetTimestamp();
        IReadOnlyList<ImageEditResult> images;
        try
        {
            images = await ProgressView.RunAsync(host, label, quiet: json, progress => operation.WaitForCompletionAsync(progress, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is ImageEditFailedException or ImageEditTimeoutException)
        {
            if (json)
            {
                JsonOutput.Write(host.Out, writer => JsonOutput.WriteOperation(writer, choice, operation, null));
            }

            throw new TaskEndedException(ErrorReport.OneLine(error), error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !choice.IsLocal)
        {
            throw new CommandCancelledException($"cancelled; {operation.Vendor} task {operation.Id} may still run there: resume it with 'qwen-edit status {choice.Name} {operation.Id} --wait'.", cancellationToken);
        }

        var files = await ResultFiles.SaveAsync(operation.Id, images, folder, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            JsonOutput.Write(host.Out, writer => JsonOutput.WriteOperation(writer, choice, operation, files));
        }
        else
        {
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            host.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: saved {files.Count} image{(files.Count == 1 ? "" : "s")} after {elapsed.TotalSeconds:0.0} s"));
            foreach (var file in files)
            {
                host.Out.WriteLine(file);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>After <c>--no-wait</c>: the id on stdout, and on stderr how to follow it.</summary>
    public static void WriteSubmitted(CliHost host, VendorChoice choice, ImageEditOperation operation, bool json)
    {
        if (json)
        {
            JsonOutput.Write(host.Out, writer => JsonOutput.WriteOperation(writer, choice, operation, null));
        }
        else
        {
            host.Out.WriteLine(operation.Id);
        }

        host.Error.WriteLine(choice.IsLocal
            ? "local: the fake vendor and its tasks end with this process, so 'status' cannot follow this one; --no-wait is for real vendors."
            : $"submitted; follow it with 'qwen-edit status {choice.Name} {operation.Id} --wait'.");
    }

    /// <summary>One look at an operation: its state on stdout, and its image URLs once it succeeded.</summary>
    public static void WriteStatus(CliHost host, VendorChoice choice, ImageEditOperation operation, bool json)
    {
        if (json)
        {
            JsonOutput.Write(host.Out, writer => JsonOutput.WriteOperation(writer, choice, operation, null));
            return;
        }

        var line = $"{operation.Id}: {JsonOutput.Name(operation.Status)}";
        if (operation.PercentComplete is { } percent && !operation.HasCompleted)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" {percent}%");
        }

        if (operation.RawStatus is { } raw)
        {
            line += $" ({raw})";
        }

        if (operation.Failure is { } failure)
        {
            line += $": {failure}";
        }

        host.Out.WriteLine(line);
        foreach (var image in operation.Images)
        {
            host.Out.WriteLine(image.Uri.AbsoluteUri);
        }
    }

    private static string Label(VendorChoice choice, ImageEditOperation operation)
        => choice.IsLocal ? $"local ({operation.Vendor} {operation.Model}, fake)" : $"{choice.Name} ({operation.Model})";
}
