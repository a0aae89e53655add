namespace QwenImageEdit.Cli;

/// <summary>
/// The local vendor's task timing and how often the command polls it: slow enough that the progress display shows
/// the real states (queued, then running with a rising percentage), quick enough for a first try.
/// </summary>
/// <param name="Queued">How long a task waits before it starts.</param>
/// <param name="Running">How long it then runs.</param>
/// <param name="PollEvery">The wait between two polls.</param>
internal sealed record LocalVendorPace(TimeSpan Queued, TimeSpan Running, TimeSpan PollEvery)
{
    public static LocalVendorPace Default { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(250));
}
