namespace QwenImageEdit.Cli;

/// <summary>Ctrl+C after the vendor took the edit: the message says how to pick the task up again.</summary>
internal sealed class CommandCancelledException(string message, CancellationToken cancellationToken) : OperationCanceledException(message, cancellationToken);
