namespace QwenImageEdit.Cli;

/// <summary>The vendor took the edit and it ended without images (failed, cancelled there, or not done in time): exit 1.</summary>
internal sealed class TaskEndedException(string message, Exception? innerException = null) : Exception(message, innerException);
