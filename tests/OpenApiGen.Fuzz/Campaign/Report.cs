using System.Globalization;
using System.Text;
using OpenApiGen.Fuzz.Running;

namespace OpenApiGen.Fuzz.Campaign;

/// <summary>A campaign's figures as Markdown: outcomes by class, each failure signature with its count and first mutants, and timings.</summary>
internal static class Report
{
    public static string Write(CampaignOptions options, IReadOnlyList<Outcome> outcomes, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var failures = outcomes.Count(static o => OutcomeClass.Failures.Contains(o.Class));
        text.AppendLine(CultureInfo.InvariantCulture, $"# Fuzz campaign: seed {options.Seed}, mutants {options.Start} to {options.Start + outcomes.Count - 1}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{outcomes.Count} mutants in {elapsed.TotalMinutes:0.0} min ({outcomes.Count / Math.Max(1, elapsed.TotalSeconds):0.0} a second), {failures} failures.");
        text.AppendLine();
        text.AppendLine("| Outcome | Mutants |");
        text.AppendLine("| --- | ---: |");
        foreach (var kind in OutcomeClass.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind}{(OutcomeClass.Failures.Contains(kind) ? " (failure)" : string.Empty)} | {outcomes.Count(o => o.Class == kind)} |");
        }

        var generate = outcomes.Where(static o => o.GenerateMs > 0).Select(static o => o.GenerateMs).Order().ToList();
        var compile = outcomes.Where(static o => o.CompileMs > 0).Select(static o => o.CompileMs).Order().ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generation: median {Percentile(generate, 0.5):0} ms, 99th percentile {Percentile(generate, 0.99):0} ms, slowest {generate.LastOrDefault():0} ms. Compiled outputs: {compile.Count}, median {Percentile(compile, 0.5):0} ms.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Error diagnostics at the start of the file instead of at the problem (OAG001 aside): {outcomes.Sum(static o => o.Unlocated)} in {outcomes.Count(static o => o.Unlocated > 0)} mutants.");

        foreach (var kind in OutcomeClass.Failures.Append(OutcomeClass.SlowCompile).Append(OutcomeClass.Rejected))
        {
            var groups = outcomes.Where(o => o.Class == kind).GroupBy(static o => o.Signature).OrderByDescending(static g => g.Count()).ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {kind}: {groups.Sum(static g => g.Count())} mutants, {groups.Count} signatures");
            text.AppendLine();
            foreach (var group in groups.Take(kind == OutcomeClass.Rejected ? 25 : 200))
            {
                var first = string.Join(", ", group.Take(5).Select(static o => o.Index.ToString(CultureInfo.InvariantCulture)));
                text.AppendLine(CultureInfo.InvariantCulture, $"- {group.Count()} x `{group.Key.Replace("`", "'", StringComparison.Ordinal)}` (mutants {first}; seeds {string.Join(", ", group.Select(static o => o.Seed).Distinct().Take(3))})");
            }
        }

        return text.ToString();
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
