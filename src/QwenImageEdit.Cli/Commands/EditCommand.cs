using System.CommandLine;

namespace QwenImageEdit.Cli;

/// <summary><c>qwen-edit edit</c>: submits an edit, follows it with a progress display and saves the images.</summary>
internal static class EditCommand
{
    public static Command Create(CliHost host, Option<bool> json)
    {
        var prompt = new Option<string>("--prompt", "-p") { Description = "What to change in the images.", Required = true };
        var images = new Option<string[]>("--image", "-i")
        {
            Description = "An image to edit: an http(s) URL the vendor fetches, or a local file qwen-edit uploads. Repeat for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var vendor = CommonOptions.Vendor();
        var model = CommonOptions.Model();
        var negativePrompt = new Option<string?>("--negative-prompt") { Description = "What the result should not contain." };
        var count = new Option<int?>("--count", "-n")
        {
            Description = "How many images to make (the vendor's default is one).",
            CustomParser = static result => CommonOptions.ParseInteger(result, "--count", int.MaxValue) is { } value ? (int)value : null,
        };
        var size = new Option<ImageEditSize?>("--size")
        {
            Description = "The output size as WxH, e.g. 1024x768 (vendors with named sizes get the closest).",
            CustomParser = static result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (ImageEditSize.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--size takes WxH such as 1024x768, not '{text}'.");
                return null;
            },
        };
        var seed = new Option<long?>("--seed")
        {
            Description = "A seed, for repeatable results.",
            CustomParser = static result => CommonOptions.ParseInteger(result, "--seed", long.MaxValue),
        };
        var output = CommonOptions.Output();
        var noWait = new Option<bool>("--no-wait") { Description = "Submit, print the operation id and exit; follow it later with 'qwen-edit status'." };

        var command = new Command("edit", "Edits images: submits, shows progress while the vendor works, and saves the results into --out, printing their paths.")
        {
            prompt, images, vendor, model, negativePrompt, count, size, seed, output, noWait,
        };
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(host, () => RunAsync(host, new EditArguments(
            parse.GetRequiredValue(prompt),
            parse.GetRequiredValue(images),
            parse.GetRequiredValue(vendor),
            parse.GetValue(model),
            parse.GetValue(negativePrompt),
            parse.GetValue(count),
            parse.GetValue(size),
            parse.GetValue(seed),
            parse.GetRequiredValue(output),
            parse.GetValue(noWait),
            parse.GetValue(json)), cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, EditArguments args, CancellationToken cancellationToken)
    {
        var choice = VendorChoice.Find(args.Vendor);
        var model = choice.ResolveModel(args.Model);
        var capabilities = ImageEditCapabilities.For(choice.Vendor, model);

        // Everything the user can get wrong is checked before a fake starts or a key is used.
        var images = ImageArguments.Read(args.Images, capabilities);
        await using var connection = await VendorConnection.OpenAsync(host, choice, model, waits: !args.NoWait, cancellationToken).ConfigureAwait(false);
        var request = new ImageEditRequest
        {
            Prompt = args.Prompt,
            Images = images,
            Model = model,
            NegativePrompt = args.NegativePrompt,
            Count = args.Count,
            Size = args.Size,
            Seed = args.Seed,
        };

        var operation = await StartAsync(host, choice, connection, request, capabilities, args.Json, cancellationToken).ConfigureAwait(false);
        if (choice.IsLocal && !args.Json)
        {
            host.Error.WriteLine($"local: a fake EvoLink at {connection.LocalAddress} runs the real HTTP lifecycle; its result is a placeholder PNG, not an edit.");
        }
        if (args.NoWait)
        {
            // A synchronous vendor (or Replicate's Prefer: wait) may have finished already: then say how it ended.
            if (operation.HasCompleted)
            {
                OperationOutput.WriteStatus(host, choice, operation, args.Json);
                return operation.Status == ImageEditStatus.Succeeded ? ExitCodes.Success : ExitCodes.TaskFailed;
            }

            OperationOutput.WriteSubmitted(host, choice, operation, args.Json);
            return ExitCodes.Success;
        }

        return await OperationOutput.WaitAndSaveAsync(host, choice, operation, args.Output, args.Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the create. Ctrl+C while it is out would lose the task's id (Replicate holds its answer up to a minute for
    /// <c>Prefer: wait</c>), and the task would run on and be billed: where the vendor can cancel, Ctrl+C lets the create
    /// answer (within its deadline) and then cancels the task there. A second Ctrl+C quits at once, as always.
    /// </summary>
    private static async Task<ImageEditOperation> StartAsync(CliHost host, VendorChoice choice, VendorConnection connection, ImageEditRequest request, ImageEditCapabilities capabilities, bool json, CancellationToken cancellationToken)
    {
        if (choice.IsLocal || !capabilities.RemoteCancel)
        {
            return await connection.Client.StartEditAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var create = connection.Client.StartEditAsync(request, CancellationToken.None);
        try
        {
            return await create.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!json)
            {
                host.Error.WriteLine($"cancelling: waiting for {choice.Vendor} to answer the create, to cancel the task there (Ctrl+C again quits and leaves it running).");
            }

            ImageEditOperation operation;
            try
            {
                operation = await create.ConfigureAwait(false);
            }
            catch (ImageEditException error)
            {
                throw new CommandCancelledException($"cancelled; the create failed meanwhile ({ErrorReport.OneLine(error)}).", cancellationToken);
            }

            throw new CommandCancelledException(await OperationOutput.CancelAtVendorAsync(choice, operation).ConfigureAwait(false), cancellationToken);
        }
    }

    private sealed record EditArguments(
        string Prompt,
        string[] Images,
        string Vendor,
        string? Model,
        string? NegativePrompt,
        int? Count,
        ImageEditSize? Size,
        long? Seed,
        string Output,
        bool NoWait,
        bool Json);
}
