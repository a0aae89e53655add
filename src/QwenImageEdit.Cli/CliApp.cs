using System.CommandLine;

namespace QwenImageEdit.Cli;

/// <summary>The command tree, and the one place a command's outcome becomes an exit code.</summary>
internal static class CliApp
{
    private const string ExitCodeHelp =
        "Exit codes: 0 done; 1 the vendor took the edit but it failed, was cancelled or did not end in time; " +
        "2 bad arguments, a missing API key, an unreadable image, an option the vendor does not take, or a vendor or network error; " +
        "3 a bug in qwen-edit; 130 cancelled (Ctrl+C).";

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        var root = Create(host);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would print help after the errors and exit 1; a usage error is exit 2 and one line.
            var command = string.Join(' ', parse.CommandResult.Command == root ? ["qwen-edit"] : new[] { "qwen-edit", parse.CommandResult.Command.Name });
            host.Error.WriteLine($"qwen-edit: {ErrorReport.OneLine(parse.Errors[0].Message)} (see '{command} --help')");
            return ExitCodes.Error;
        }

        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,

            // Program.cs owns Ctrl+C and SIGTERM; the commands turn the cancelled token into exit 130.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        }, cancellationToken).ConfigureAwait(false);
    }

    internal static RootCommand Create(CliHost host)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Write the result as JSON on stdout, for scripts (no progress display).",
            Recursive = true,
        };

        var root = new RootCommand(
            "qwen-edit: edits images with the Qwen image-edit model at EvoLink, ModelsLab or Apikley, or offline against a local fake vendor. " +
            "Keys come from EVOLINK_API_KEY, MODELSLAB_API_KEY and APIKLEY_API_KEY. " + ExitCodeHelp)
        {
            EditCommand.Create(host, json),
            StatusCommand.Create(host, json),
            VendorsCommand.Create(host, json),
        };
        root.Options.Add(json);
        return root;
    }

    /// <summary>Runs a command's body and turns what it threw into one line on stderr and an exit code.</summary>
    public static async Task<int> GuardAsync(CliHost host, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            return ErrorReport.Write(host, error, cancellationToken);
        }
    }
}
