namespace QwenImageEdit.Cli;

/// <summary>
/// Turns whatever ended a command into one line on stderr and an exit code: users see what to fix, never a stack
/// trace. The facade's messages already name the vendor, the option and the limit, and never the key.
/// </summary>
internal static class ErrorReport
{
    public static int Write(CliHost host, Exception error, CancellationToken cancellationToken)
    {
        var (code, message) = Classify(error, cancellationToken);
        host.Error.WriteLine("qwen-edit: " + message);
        return code;
    }

    public static (int Code, string Message) Classify(Exception error, CancellationToken cancellationToken) => error switch
    {
        TaskEndedException ended => (ExitCodes.TaskFailed, OneLine(ended)),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Cancelled, error is CommandCancelledException ? OneLine(error) : "cancelled."),
        CliException => (ExitCodes.Error, OneLine(error)),
        ImageEditException => (ExitCodes.Error, OneLine(error)),
        HttpRequestException => (ExitCodes.Error, "the vendor could not be reached: " + OneLine(error)),
        IOException or UnauthorizedAccessException => (ExitCodes.Error, OneLine(error)),
        _ => (ExitCodes.InternalError, $"internal error ({error.GetType().Name}): {OneLine(error)}. Please report it."),
    };

    /// <summary>An exception's message as one line, without .NET's "(Parameter 'x')" suffix.</summary>
    public static string OneLine(Exception error)
    {
        var message = error.Message;
        if (error is ArgumentException { ParamName: { } name })
        {
            message = message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
        }

        return OneLine(message);
    }

    public static string OneLine(string message)
        => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
