using OpenApiGen.Fuzz.Running;

namespace OpenApiGen.Fuzz.Campaign;

/// <summary>
/// Whether a campaign passes: no failure at all, or, with a baseline file (lines <c>class count</c>), no failure class
/// above its count. A fixed seed makes the counts repeat, so a baseline is a ratchet: it may only go down.
/// </summary>
internal static class Baseline
{
    public static bool Check(IReadOnlyList<Outcome> outcomes, FileInfo? file, TextWriter output)
    {
        var allowed = file is null
            ? new Dictionary<string, int>()
            : File.ReadAllLines(file.FullName)
                .Select(static l => l.Split('#')[0].Trim())
                .Where(static l => l.Length > 0)
                .Select(static l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(static p => p[0], static p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var passed = true;
        foreach (var kind in OutcomeClass.Failures)
        {
            var found = outcomes.Count(o => o.Class == kind);
            var limit = allowed.GetValueOrDefault(kind);
            if (found > limit)
            {
                output.WriteLine($"fuzz: {found} {kind}, more than the {limit} allowed");
                passed = false;
            }
            else if (found < limit)
            {
                output.WriteLine($"fuzz: {found} {kind}, fewer than the {limit} allowed: lower the baseline");
            }
        }

        return passed;
    }
}
