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
            throw new CommandCancelledException(await CancelAtVendorAsync(choice, operation).ConfigureAwait(false), cancellationToken);
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

    /// <summary>
    /// After Ctrl+C: a vendor that can cancel is asked to (so the edit stops being billed), within a few seconds; the
    /// line says what happened there, and how to follow the task if it still runs.
    /// </summary>
    internal static async Task<string> CancelAtVendorAsync(VendorChoice choice, ImageEditOperation operation)
    {
        var task = $"{operation.Vendor} task {operation.Id}";
        var resume = $"resume it with 'qwen-edit status {choice.Name} {operation.Id} --wait'";
        if (!ImageEditCapabilities.For(operation.Vendor, operation.Model).RemoteCancel)
        {
            return $"cancelled; {task} may still run there ({operation.Vendor} cannot be asked to cancel): {resume}.";
        }

        if (operation.HasCompleted)
        {
            // Ended before the cancel could be asked for (Replicate's Prefer: wait answers at the end): nothing to stop.
            return $"cancelled; {task} had already ended there ({operation.RawStatus ?? JsonOutput.Name(operation.Status)}): {resume} to see it.";
        }

        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var status = await operation.CancelAsync(patience.Token).ConfigureAwait(false);
            return status == ImageEditStatus.Cancelled
                ? $"cancelled; asked {operation.Vendor} to cancel {task}, and it is cancelled there."
                : $"cancelled; asked {operation.Vendor} to cancel {task}, which is {operation.RawStatus ?? JsonOutput.Name(status)} there: {resume} to see how it ends.";
        }
        catch (Exception error) when (error is ImageEditException or OperationCanceledException)
        {
            return $"cancelled; asking {operation.Vendor} to cancel {task} failed ({ErrorReport.OneLine(error)}), so it may still run there: {resume}.";
        }
    }

    private static string Label(VendorChoice choice, ImageEditOperation operation)
        => choice.IsLocal ? $"local ({operation.Vendor} {operation.Model}, fake)" : $"{choice.Name} ({operation.Model})";
}
