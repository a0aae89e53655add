using System.Globalization;

namespace QwenImageEdit.Cli;

/// <summary>
/// <see cref="ImageEditCapabilities.All"/> as text: one column per vendor model, one row per capability. The terminal
/// table, README.md's table (<c>qwen-edit vendors --markdown</c>; a test keeps the two equal) and nothing else read it.
/// </summary>
internal static class CapabilitySheet
{
    public static IReadOnlyList<string> Columns(IReadOnlyList<ImageEditCapabilities> rows)
        => [.. rows.Select(static r => $"{r.Vendor} {r.Model}")];

    public static IReadOnlyList<(string Name, IReadOnlyList<string> Cells)> Rows(IReadOnlyList<ImageEditCapabilities> rows)
    {
        return
        [
            Row("--vendor", VendorChoice.CommandFor),
            Row("Input images", static r => Count(r.MaxInputImages, "up to ")),
            Row("Input types", static r => Types(r.InputMediaTypes)),
            Row("Largest input file", static r => r.MaxInputImageBytes is { } bytes ? Megabytes(bytes) : "not stated"),
            Row("Prompt length", static r => r.MaxPromptLength is { } length ? Number(length) + " characters" : "not stated"),
            Row("Negative prompt", static r => r.MaxNegativePromptLength switch { null => "no", int.MaxValue => "yes, no limit stated", { } length => $"up to {Number(length)} characters" }),
            Row("Output images (--count)", static r => r.MaxCount == 1 ? "1" : $"1 to {r.MaxCount}"),
            Row("Size (--size)", static r => Size(r.Size)),
            Row("Seed (--seed)", static r => Seed(r.MaxSeed)),
            Row("Output types", static r => r.OutputMediaTypes.Count == 0 ? "the vendor's choice" : Types(r.OutputMediaTypes)),
            Row("Safety checker switch", static r => YesNo(r.SafetyChecker)),
            Row("Runs", static r => r.Synchronous ? "in the request (synchronous)" : r.StatusStream ? "as a task, status streamed" : "as a task, polled"),
            Row("Reports a percentage", static r => YesNo(r.ReportsProgress)),
            Row("Cancel at the vendor", static r => YesNo(r.RemoteCancel)),
            Row("Callbacks", static r => r.Callbacks ? (r.SignedCallbacks ? "yes, signed" : "yes") : "no"),
            Row("Results kept", static r => r.ResultLifetime is { } lifetime ? Hours(lifetime) : "not stated"),
        ];

        (string, IReadOnlyList<string>) Row(string name, Func<ImageEditCapabilities, string> cell) => (name, [.. rows.Select(cell)]);
    }

    private static string Size(ImageSizeRule? rule) => rule switch
    {
        null => "no",
        { Presets.Count: > 0 } => $"the closest of {rule.Presets.Count} presets, {rule.Presets.Min(static p => p.Width)} to {rule.Presets.Max(static p => p.Width)} px wide",
        _ => $"{rule.MinSide} to {rule.MaxSide} px a side" + (rule.OnlyWithSingleImage ? ", one output image only" : string.Empty),
    };

    // Seeds are typed, not read: no thousands separators, and a 64-bit range by name rather than 19 digits.
    private static string Seed(long? max) => max switch
    {
        null => "no",
        long.MaxValue => "0 and up (64-bit)",
        _ => "0 to " + max.Value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Types(IReadOnlyList<string> mediaTypes)
        => string.Join(", ", mediaTypes.Select(static t => t.StartsWith("image/", StringComparison.Ordinal) ? t[6..] : t));

    private static string Count(int value, string prefix) => value == 1 ? "1" : prefix + Number(value);

    private static string Megabytes(long bytes) => Number(bytes / (1024 * 1024)) + " MB";

    private static string Hours(TimeSpan lifetime) => lifetime.TotalHours >= 48 && lifetime.TotalDays % 1 == 0 ? Number((long)lifetime.TotalDays) + " days" : Number((long)lifetime.TotalHours) + " h";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
