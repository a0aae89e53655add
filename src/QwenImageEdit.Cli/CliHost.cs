using Spectre.Console;

namespace QwenImageEdit.Cli;

/// <summary>
/// What a command may touch of its process: the two output streams, the environment and the local vendor's pace.
/// Tests run commands in-process with their own writers and variables.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Results only (saved paths, ids, tables, JSON), so that scripts can read it.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Progress, summaries and errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Spectre over <see cref="Out"/>, for tables.</summary>
    public required IAnsiConsole OutConsole { get; init; }

    /// <summary>Spectre over <see cref="Error"/>, for the live progress display.</summary>
    public required IAnsiConsole ErrorConsole { get; init; }

    /// <summary>Reads an environment variable (API keys).</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>How long the local vendor's tasks stay queued and then running.</summary>
    public LocalVendorPace LocalPace { get; init; } = LocalVendorPace.Default;

    /// <summary>
    /// Where real vendors are reached instead of their own addresses (API, files); tests point them at the kit's fakes.
    /// Not a user setting: users reach real vendors.
    /// </summary>
    public IReadOnlyDictionary<ImageEditVendor, (Uri Api, Uri Files)> VendorAddresses { get; init; } = new Dictionary<ImageEditVendor, (Uri Api, Uri Files)>();

    /// <summary>Whether the live display may redraw <see cref="Error"/> in place (a terminal that takes ANSI codes).</summary>
    public bool IsLiveDisplay => ErrorConsole.Profile.Out.IsTerminal && ErrorConsole.Profile.Capabilities.Ansi;

    public static CliHost FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OutConsole = SystemConsole(Console.Out, Console.IsOutputRedirected),
        ErrorConsole = SystemConsole(Console.Error, Console.IsErrorRedirected),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };

    /// <summary>A host over plain writers: no colour, no live display, a fixed width.</summary>
    public static CliHost ForWriters(TextWriter output, TextWriter error, Func<string, string?> environment, LocalVendorPace? pace = null) => new()
    {
        Out = output,
        Error = error,
        OutConsole = PlainConsole(output),
        ErrorConsole = PlainConsole(error),
        GetEnvironmentVariable = environment,
        LocalPace = pace ?? LocalVendorPace.Default,
    };

    // Colour and cursor codes only for a terminal: a file or a pipe gets plain text.
    private static IAnsiConsole SystemConsole(TextWriter writer, bool redirected) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(writer),
    });

    private static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 120;
        return console;
    }
}
