namespace QwenImageEdit.Cli;

/// <summary>A problem the user can fix (a missing key, an unreadable image, options that contradict each other): one line on stderr, exit 2.</summary>
internal sealed class CliException(string message) : Exception(message);
