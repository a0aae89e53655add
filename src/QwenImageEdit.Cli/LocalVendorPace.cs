using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli;

/// <summary>
/// How the local vendor's tasks progress and how often the command polls them: by default slow enough that the
/// progress display shows the real states (queued, then running with a rising percentage), quick enough for a first
/// try. Tests pass a lifecycle that advances per poll, so what they see does not depend on the machine's speed.
/// </summary>
/// <param name="Lifecycle">How a local task moves from queued to done.</param>
/// <param name="PollEvery">The wait between two polls.</param>
internal sealed record LocalVendorPace(FakeLifecycle Lifecycle, TimeSpan PollEvery)
{
    public static LocalVendorPace Default { get; } = new(FakeLifecycle.Timed(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5)), TimeSpan.FromMilliseconds(250));
}
