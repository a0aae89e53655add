using System.CommandLine;

namespace QwenImageEdit.Cli;

/// <summary><c>qwen-edit status</c>: resumes an operation by its id, from this process or another.</summary>
internal static class StatusCommand
{
    public static Command Create(CliHost host, Option<bool> json)
    {
        var vendor = CommonOptions.VendorArgument();
        var id = new Argument<string>("id") { Description = "The operation id 'edit --no-wait' printed." };
        var model = CommonOptions.Model();
        var wait = new Option<bool>("--wait") { Description = "Follow it to the end with a progress display, then save its images into --out." };
        var output = CommonOptions.Output();

        var command = new Command("status", "Shows where an operation is (exit 1 when it failed), or with --wait follows it and saves its images.")
        {
            vendor, id, model, wait, output,
        };
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(host, () => RunAsync(
            host,
            parse.GetRequiredValue(vendor),
            parse.GetRequiredValue(id),
            parse.GetValue(model),
            parse.GetValue(wait),
            parse.GetRequiredValue(output),
            parse.GetValue(json),
            cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, string vendorName, string id, string? model, bool wait, string output, bool json, CancellationToken cancellationToken)
    {
        var choice = VendorChoice.Find(vendorName);
        if (choice.IsLocal)
        {
            throw new CliException("local tasks live only as long as the 'qwen-edit edit' that made them; status is for " + string.Join(", ", VendorChoice.Names.Skip(1)) + ".");
        }

        var resolved = choice.ResolveModel(model);
        await using var connection = await VendorConnection.OpenAsync(host, choice, resolved, waits: false, cancellationToken).ConfigureAwait(false);
        var operation = await connection.Client.GetOperationAsync(id, resolved, cancellationToken).ConfigureAwait(false);
        if (wait)
        {
            return await OperationOutput.WaitAndSaveAsync(host, choice, operation, output, json, cancellationToken).ConfigureAwait(false);
        }

        OperationOutput.WriteStatus(host, choice, operation, json);
        return operation.Status is ImageEditStatus.Failed or ImageEditStatus.Cancelled ? ExitCodes.TaskFailed : ExitCodes.Success;
    }
}
