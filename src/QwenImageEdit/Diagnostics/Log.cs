using System;
using Microsoft.Extensions.Logging;

namespace QwenImageEdit;

/// <summary>
/// The facade's structured log events (source-generated). They carry vendor, model, task id, status and the vendor's
/// request id of the answer they are about, never a key or a prompt: prompts can be personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Submitted {Vendor} {Model} task {OperationId} (vendor request id {RequestId})")]
    public static partial void Submitted(ILogger logger, ImageEditVendor vendor, string model, string operationId, string? requestId);

    [LoggerMessage(2, LogLevel.Debug, "{Vendor} task {OperationId} is {RawStatus} ({Status}, {PercentComplete}%) (vendor request id {RequestId})")]
    public static partial void StatusChanged(ILogger logger, ImageEditVendor vendor, string operationId, string? rawStatus, ImageEditStatus status, int? percentComplete, string? requestId);

    [LoggerMessage(3, LogLevel.Warning, "{Vendor} did not take the create ({Kind}); sending it again in {Delay} (attempt {Attempt}) (vendor request id {RequestId})")]
    public static partial void CreateRetry(ILogger logger, ImageEditVendor vendor, ImageEditErrorKind kind, TimeSpan delay, int attempt, string? requestId);

    [LoggerMessage(4, LogLevel.Warning, "Polling {Vendor} failed ({Kind}); retrying in {Delay} (attempt {Attempt}) (vendor request id {RequestId})")]
    public static partial void PollRetry(ILogger logger, ImageEditVendor vendor, ImageEditErrorKind kind, TimeSpan delay, int attempt, string? requestId);

    [LoggerMessage(5, LogLevel.Information, "Uploaded image {Index} to {Vendor} (vendor request id {RequestId})")]
    public static partial void Uploaded(ILogger logger, ImageEditVendor vendor, int index, string? requestId);

    [LoggerMessage(6, LogLevel.Warning, "Rejected a {Vendor} callback: {Reason}")]
    public static partial void CallbackRejected(ILogger logger, ImageEditVendor vendor, string reason);

    [LoggerMessage(7, LogLevel.Warning, "{Vendor} did not take the edit ({Kind}: {Reason}); falling back to {Next} {NextModel} (vendor request id {RequestId})")]
    public static partial void FallingBack(ILogger logger, ImageEditVendor vendor, ImageEditErrorKind kind, string reason, ImageEditVendor next, string nextModel, string? requestId);

    [LoggerMessage(8, LogLevel.Information, "Skipped {Vendor} {Model} for the fallback edit: {Reason}")]
    public static partial void FallbackSkipped(ILogger logger, ImageEditVendor vendor, string model, string reason);

    [LoggerMessage(9, LogLevel.Error, "{Vendor} may have taken the edit ({Kind}); not falling back, which could bill twice (vendor request id {RequestId})")]
    public static partial void NoFallback(ILogger logger, ImageEditVendor vendor, ImageEditErrorKind kind, string? requestId);

    [LoggerMessage(10, LogLevel.Warning, "A handler in the HttpClient of {Vendor} sent the create again; it was refused, since the vendor may have taken the first ({Reason})")]
    public static partial void CreateResendRefused(ILogger logger, ImageEditVendor vendor, string reason);

    [LoggerMessage(11, LogLevel.Information, "The {Vendor} status stream of task {OperationId} ended before the task ({Kind}); polling instead")]
    public static partial void StreamFellBack(ILogger logger, ImageEditVendor vendor, string operationId, ImageEditErrorKind kind);

    [LoggerMessage(12, LogLevel.Information, "Asked {Vendor} to cancel task {OperationId}; it is {RawStatus} ({Status})")]
    public static partial void CancelAsked(ILogger logger, ImageEditVendor vendor, string operationId, string? rawStatus, ImageEditStatus status);
}
