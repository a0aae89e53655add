namespace QwenImageEdit.Cli.Tests.Infrastructure;

/// <summary>What one run of qwen-edit left: its exit code and its two streams.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A failed run says what is wrong on one line of stderr, and never shows a stack trace.</summary>
    public string SingleErrorLine()
    {
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("qwen-edit: ", line, StringComparison.Ordinal);
        return line;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
