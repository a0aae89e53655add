using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace QwenImageEdit;

/// <summary>Checks each vendor's options at start-up, so a missing key fails the host, not the first customer.</summary>
internal sealed class VendorOptionsValidator : IValidateOptions<QwenImageEditVendorOptions>
{
    public ValidateOptionsResult Validate(string? name, QwenImageEditVendorOptions options)
    {
        if (!Enum.TryParse<ImageEditVendor>(name, out var vendor))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{vendor}: ApiKey is required.");
        }

        foreach (var (option, address) in new[] { (nameof(options.BaseAddress), options.BaseAddress), (nameof(options.FilesBaseAddress), options.FilesBaseAddress) })
        {
            if (address is not null && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))))
            {
                failures.Add($"{vendor}: {option} must be an absolute https:// URL (http only to loopback), not '{address}'.");
            }
        }

        if (options.DefaultModel is { } model && !ImageEditCapabilities.All.Any(c => c.Vendor == vendor && c.Model == model))
        {
            failures.Add($"{vendor}: DefaultModel '{model}' is not one of {string.Join(", ", ImageEditCapabilities.All.Where(c => c.Vendor == vendor).Select(c => c.Model))}.");
        }

        var polling = options.Polling;
        if (polling is null || polling.FirstDelay < TimeSpan.Zero || polling.MaxDelay < polling.FirstDelay || polling.Timeout <= TimeSpan.Zero || polling.Multiplier < 1 || polling.Jitter is < 0 or > 1 || polling.TransientRetries < 0)
        {
            failures.Add($"{vendor}: Polling needs 0 <= FirstDelay <= MaxDelay, Timeout > 0, Multiplier >= 1, Jitter in [0, 1] and TransientRetries >= 0.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{vendor}: RequestTimeout must be positive.");
        }

        if (options.StatusStreamIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{vendor}: StatusStreamIdleTimeout must be positive.");
        }

        if (options.Limits is not { MaxJsonResponseBytes: > 0, MaxErrorResponseBytes: > 0, MaxInputImageBytes: > 0, MaxStatusEventBytes: > 0, MaxStatusStreamBytes: > 0 })
        {
            failures.Add($"{vendor}: Limits need MaxJsonResponseBytes, MaxErrorResponseBytes, MaxInputImageBytes, MaxStatusEventBytes and MaxStatusStreamBytes above 0.");
        }

        if (options.Results is not { MaxImageBytes: > 0, MaxRedirects: >= 0 } results || results.Timeout <= TimeSpan.Zero || results.AllowedNetworks is null)
        {
            failures.Add($"{vendor}: Results need MaxImageBytes above 0, MaxRedirects of 0 or more, a positive Timeout and an AllowedNetworks list.");
        }

        if (vendor == ImageEditVendor.Replicate && options.WebhookSigningKey is { Length: > 0 } secret
            && (!secret.StartsWith("whsec_", StringComparison.Ordinal) || !Convert.TryFromBase64String(secret[6..], new byte[secret.Length], out _)))
        {
            failures.Add("Replicate: WebhookSigningKey must be the whsec_ secret that GET /v1/webhooks/default/secret answers.");
        }

        if (options.SynchronousWait is { } wait && (wait < TimeSpan.Zero || wait > TimeSpan.FromSeconds(60)))
        {
            failures.Add($"{vendor}: SynchronousWait must be between 0 and 60 seconds (Replicate waits at most 60), not {wait}.");
        }

        if (options.CancelAfter is { } deadline && deadline < TimeSpan.FromSeconds(5))
        {
            failures.Add($"{vendor}: CancelAfter must be at least 5 seconds (Replicate's shortest deadline), not {deadline}.");
        }

        if (options.MaxCreateAttempts < 1)
        {
            failures.Add($"{vendor}: MaxCreateAttempts must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
