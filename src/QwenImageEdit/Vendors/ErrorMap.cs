using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace QwenImageEdit.Vendors;

/// <summary>The vendors' error codes and HTTP statuses as data: what each means in <see cref="ImageEditErrorKind"/>.</summary>
internal static class ErrorMap
{
    // EvoLink's string codes (HTTP errors and failed tasks); integers from older pages map through the HTTP table.
    private static readonly FrozenDictionary<string, ImageEditErrorKind> EvoLinkCodes = new Dictionary<string, ImageEditErrorKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["invalid_request"] = ImageEditErrorKind.InvalidRequest,
        ["invalid_parameters"] = ImageEditErrorKind.InvalidRequest,
        ["resource_not_found"] = ImageEditErrorKind.InvalidRequest,
        ["image_processing_error"] = ImageEditErrorKind.InvalidRequest,
        ["unauthorized"] = ImageEditErrorKind.Authentication,
        ["invalid_api_key"] = ImageEditErrorKind.Authentication,
        ["insufficient_quota"] = ImageEditErrorKind.InsufficientQuota,
        ["quota_exceeded"] = ImageEditErrorKind.InsufficientQuota,
        ["insufficient_balance"] = ImageEditErrorKind.InsufficientQuota,
        ["rate_limit_exceeded"] = ImageEditErrorKind.RateLimited,
        ["content_policy_violation"] = ImageEditErrorKind.ContentPolicy,
        ["generation_timeout"] = ImageEditErrorKind.Timeout,
        ["unknown_error"] = ImageEditErrorKind.VendorError,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Apikley's body `code` (conflict 4): HTTP 200 may carry any of these.
    private static readonly FrozenDictionary<long, ImageEditErrorKind> ApikleyCodes = new Dictionary<long, ImageEditErrorKind>
    {
        [401] = ImageEditErrorKind.Authentication,
        [402] = ImageEditErrorKind.InsufficientQuota,
        [404] = ImageEditErrorKind.InvalidRequest,
        [422] = ImageEditErrorKind.InvalidRequest,
        [429] = ImageEditErrorKind.RateLimited,
        [455] = ImageEditErrorKind.VendorError,
        [500] = ImageEditErrorKind.VendorError,
        [501] = ImageEditErrorKind.VendorError,
        [505] = ImageEditErrorKind.VendorError,
    }.ToFrozenDictionary();

    // ModelsLab answers errors as {status: "error", message}; the message is all there is to go on.
    private static readonly (string Fragment, ImageEditErrorKind Kind)[] ModelsLabMessages =
    [
        ("api key", ImageEditErrorKind.Authentication),
        ("unauthor", ImageEditErrorKind.Authentication),
        ("credit", ImageEditErrorKind.InsufficientQuota),
        ("balance", ImageEditErrorKind.InsufficientQuota),
        ("subscription", ImageEditErrorKind.InsufficientQuota),
        ("rate limit", ImageEditErrorKind.RateLimited),
        ("too many", ImageEditErrorKind.RateLimited),
        ("nsfw", ImageEditErrorKind.ContentPolicy),
        ("safety", ImageEditErrorKind.ContentPolicy),
        ("required", ImageEditErrorKind.InvalidRequest),
        ("invalid", ImageEditErrorKind.InvalidRequest),
    ];

    // fal.ai's `error_type` of request errors (https://fal.ai/docs/documentation/model-apis/request-errors) and the
    // model error types its detail objects carry (https://docs.fal.ai/errors).
    private static readonly FrozenDictionary<string, ImageEditErrorKind> FalErrorTypes = new Dictionary<string, ImageEditErrorKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["request_timeout"] = ImageEditErrorKind.Timeout,
        ["startup_timeout"] = ImageEditErrorKind.Timeout,
        ["runner_scheduling_failure"] = ImageEditErrorKind.VendorError,
        ["runner_server_error"] = ImageEditErrorKind.VendorError,
        ["internal_error"] = ImageEditErrorKind.VendorError,
        ["bad_request"] = ImageEditErrorKind.InvalidRequest,
        ["content_policy_violation"] = ImageEditErrorKind.ContentPolicy,
        ["image_too_large"] = ImageEditErrorKind.InvalidRequest,
        ["image_too_small"] = ImageEditErrorKind.InvalidRequest,
        ["image_load_error"] = ImageEditErrorKind.InvalidRequest,
        ["file_download_error"] = ImageEditErrorKind.InvalidRequest,
        ["value_error"] = ImageEditErrorKind.InvalidRequest,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // DashScope's codes, the same for every one of its APIs.
    private static readonly FrozenDictionary<string, ImageEditErrorKind> DashScopeCodes = new Dictionary<string, ImageEditErrorKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["InvalidParameter"] = ImageEditErrorKind.InvalidRequest,
        ["InvalidURL"] = ImageEditErrorKind.InvalidRequest,
        ["DataInspectionFailed"] = ImageEditErrorKind.ContentPolicy,
        ["IPInfringementSuspect"] = ImageEditErrorKind.ContentPolicy,
        ["InvalidApiKey"] = ImageEditErrorKind.Authentication,
        ["AccessDenied"] = ImageEditErrorKind.Authentication,
        ["Arrearage"] = ImageEditErrorKind.InsufficientQuota,
        ["AllocationQuota.FreeTierOnly"] = ImageEditErrorKind.InsufficientQuota,
        ["Throttling"] = ImageEditErrorKind.RateLimited,
        ["InternalError"] = ImageEditErrorKind.VendorError,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static ImageEditErrorKind? FromFalErrorType(string? type)
        => type is not null && FalErrorTypes.TryGetValue(type, out var kind) ? kind : null;

    public static ImageEditErrorKind? FromDashScopeCode(string? code)
        => code is not null && DashScopeCodes.TryGetValue(code, out var kind) ? kind : null;

    public static ImageEditErrorKind FromHttpStatus(int status) => status switch
    {
        400 or 404 or 409 or 413 or 415 or 422 => ImageEditErrorKind.InvalidRequest,
        401 or 403 => ImageEditErrorKind.Authentication,
        402 => ImageEditErrorKind.InsufficientQuota,
        408 or 504 => ImageEditErrorKind.Timeout,
        429 => ImageEditErrorKind.RateLimited,
        _ => ImageEditErrorKind.VendorError,
    };

    public static ImageEditErrorKind? FromEvoLinkCode(string? code)
        => code is not null && EvoLinkCodes.TryGetValue(code, out var kind) ? kind
           : long.TryParse(code, out var number) ? FromHttpStatus((int)Math.Clamp(number, 0, 999)) : null;

    public static ImageEditErrorKind FromApikleyCode(long code)
        => ApikleyCodes.TryGetValue(code, out var kind) ? kind : code is >= 400 and < 600 ? FromHttpStatus((int)code) : ImageEditErrorKind.VendorError;

    public static ImageEditErrorKind FromModelsLabMessage(string? message)
    {
        foreach (var (fragment, kind) in ModelsLabMessages)
        {
            if (message?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true)
            {
                return kind;
            }
        }

        return ImageEditErrorKind.VendorError;
    }

    /// <summary>A failed task's message, when the vendor gives no code: content-policy wording is worth telling apart.</summary>
    public static ImageEditErrorKind FromFailureMessage(string? message)
        => message is not null && (message.Contains("nsfw", StringComparison.OrdinalIgnoreCase)
                                   || message.Contains("policy", StringComparison.OrdinalIgnoreCase)
                                   || message.Contains("sensitive", StringComparison.OrdinalIgnoreCase))
            ? ImageEditErrorKind.ContentPolicy
            : ImageEditErrorKind.VendorError;
}
