namespace QwenImageEdit.Cli;

/// <summary>The process's exit codes, as README.md and <c>qwen-edit --help</c> document them.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the images are saved, the operation id printed, or the table shown.</summary>
    public const int Success = 0;

    /// <summary>The vendor took the edit and then failed or cancelled it, or it did not end in time.</summary>
    public const int TaskFailed = 1;

    /// <summary>Nothing useful happened: bad arguments, a missing key, an unreadable image, an option the vendor does not take, or a vendor or network error.</summary>
    public const int Error = 2;

    /// <summary>A bug in qwen-edit: an exception nobody expected.</summary>
    public const int InternalError = 3;

    /// <summary>Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
