using System;
using Microsoft.Extensions.Logging;

namespace QwenImageEdit;

/// <summary>
/// The facade's structured log events (source-generated). They carry vendor, model, task id and status, never a key
/// or a prompt: prompts can be personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Submitted {Vendor} {Model} task {OperationId}")]
    public static partial void Submitted(ILogger logger, ImageEditVendor vendor, string model, string operationId);

    [LoggerMessage(2, LogLevel.Debug, "{Vendor} task {OperationId} is {RawStatus} ({Status}, {PercentComplete}%)")]
    public static partial void StatusChanged(ILogger logger, ImageEditVendor vendor, string operationId, string? rawStatus, ImageEditStatus status, int? percentComplete);

    [LoggerMessage(3, LogLevel.Warning, "{Vendor} did not take the create ({Kind}); sending it again in {Delay} (attempt {Attempt})")]
    public static partial void CreateRetry(ILogger logger, ImageEditVendor vendor, ImageEditErrorKind kind, TimeSpan delay, int attempt);

    [LoggerMessage(4, LogLevel.Warning, "Polling {Vendor} failed ({Kind}); retrying in {Delay} (attempt {Attempt})")]
    public static partial void PollRetry(ILogger logger, ImageEditVendor vendor, ImageEditErrorKind kind, TimeSpan delay, int attempt);

    [LoggerMessage(5, LogLevel.Information, "Uploaded image {Index} to {Vendor}")]
    public static partial void Uploaded(ILogger logger, ImageEditVendor vendor, int index);

    [LoggerMessage(6, LogLevel.Warning, "Rejected a {Vendor} callback: {Reason}")]
    public static partial void CallbackRejected(ILogger logger, ImageEditVendor vendor, string reason);
}
