using System.Globalization;
using Spectre.Console;

namespace QwenImageEdit.Cli;

/// <summary>
/// Shows an operation while it is polled: on a terminal, a live line (status, percent, bar, elapsed) redrawn on
/// stderr; elsewhere (a pipe, CI) one plain line per change; with <c>--json</c>, nothing.
/// </summary>
internal static class ProgressView
{
    public static async Task<T> RunAsync<T>(CliHost host, string label, bool quiet, Func<IProgress<ImageEditProgress>, Task<T>> work)
    {
        if (quiet)
        {
            return await work(new Reporter(static _ => { })).ConfigureAwait(false);
        }

        if (!host.IsLiveDisplay)
        {
            var last = (Status: (ImageEditStatus?)null, Percent: (int?)null);
            return await work(new Reporter(report =>
            {
                if (last != (report.Status, report.PercentComplete))
                {
                    last = (report.Status, report.PercentComplete);
                    host.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {Describe(report)} after {report.Elapsed.TotalSeconds:0.0} s"));
                }
            })).ConfigureAwait(false);
        }

        var result = default(T)!;
        await host.ErrorConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"{label}: submitted"), maxValue: 100);
                task.IsIndeterminate = true;
                try
                {
                    result = await work(new Reporter(report =>
                    {
                        task.Description = Markup.Escape($"{label}: {Describe(report)}");

                        // Only EvoLink reports a percentage; for the others the bar pulses until the end.
                        task.IsIndeterminate = report.PercentComplete is null;
                        task.Value = report.PercentComplete ?? 0;
                    })).ConfigureAwait(false);
                }
                finally
                {
                    task.StopTask();
                }
            }).ConfigureAwait(false);
        return result;
    }

    private static string Describe(ImageEditProgress report)
    {
        var text = JsonOutput.Name(report.Status);
        if (report.PercentComplete is { } percent)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {percent}%");
        }

        return report.RawStatus is { } raw && !string.Equals(raw, text, StringComparison.OrdinalIgnoreCase) ? $"{text} ({raw})" : text;
    }

    /// <summary>Reports on the caller's thread: <c>Progress&lt;T&gt;</c> would post them later, out of order with the end.</summary>
    private sealed class Reporter(Action<ImageEditProgress> report) : IProgress<ImageEditProgress>
    {
        public void Report(ImageEditProgress value) => report(value);
    }
}
