using System;
using System.Linq;

namespace QwenImageEdit.Vendors;

/// <summary>
/// What no answer may say, whichever vendor sent it: an answer that contradicts the request is the vendor's error,
/// never a result. Adapters read their vendor's shapes; these rules hold for all of them.
/// </summary>
internal static class AnswerChecks
{
    /// <summary>The longest wait a vendor's estimate is taken for: beyond it the estimate is nonsense, not a plan.</summary>
    public static readonly TimeSpan MaxEstimate = TimeSpan.FromHours(1);

    /// <summary>A vendor's estimate in seconds as a wait, whatever number it sent (negative, zero, or past TimeSpan's range).</summary>
    public static TimeSpan? Estimate(long? seconds)
        => seconds is not > 0 ? null : seconds.Value >= MaxEstimate.TotalSeconds ? MaxEstimate : TimeSpan.FromSeconds(seconds.Value);

    /// <summary>A percentage as one (0 to 100), whatever number the vendor sent.</summary>
    public static int? Percent(long? value) => value is null ? null : (int)Math.Clamp(value.Value, 0, 100);

    /// <summary>
    /// Checks one reading of a task. <paramref name="expectedId"/> is the task asked about (null for a create, whose id is new).
    /// </summary>
    /// <exception cref="ImageEditVendorException">The answer names another task, reports success without an image, or gives a result URL that is not an absolute http(s) URL.</exception>
    public static VendorTaskState Check(ImageEditVendor vendor, VendorTaskState state, string? expectedId, string source)
    {
        if (expectedId is not null && !string.Equals(state.Id, expectedId, StringComparison.Ordinal))
        {
            throw new ImageEditVendorException(vendor, $"{vendor}'s {source} is about task '{state.Id}', not the task asked about ('{expectedId}'); it is not taken as this task's state.", 200);
        }

        if (state.Status == ImageEditStatus.Succeeded && state.Results.Count == 0 && state.InlineResults.Count == 0)
        {
            throw new ImageEditVendorException(vendor, $"{vendor}'s {source} says task {state.Id} succeeded but gives no result image.", 200);
        }

        if (state.Results.FirstOrDefault(static url => !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)) is { } bad)
        {
            throw new ImageEditVendorException(vendor, $"{vendor}'s {source} gives a result URL that is not an absolute http(s) URL: '{Shorten(bad.OriginalString)}'.", 200);
        }

        return state;
    }

    /// <summary>
    /// A result URL a vendor gave as text, whatever the text is: one that is not a URL at all stays a relative one, which
    /// <see cref="Check"/> then refuses with the text in its message (rather than a <see cref="UriFormatException"/>).
    /// </summary>
    public static Uri Url(string? text)
        => Uri.TryCreate(text ?? string.Empty, UriKind.RelativeOrAbsolute, out var url) ? url : new Uri(Uri.EscapeDataString(text ?? string.Empty), UriKind.Relative);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
