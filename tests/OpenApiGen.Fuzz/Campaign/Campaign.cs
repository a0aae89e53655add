using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using OpenApiGen.Fuzz.Mutation;
using OpenApiGen.Fuzz.Running;
using OpenApiGen.Fuzz.Seeds;

namespace OpenApiGen.Fuzz.Campaign;

/// <summary>
/// Runs the mutants in worker processes and watches them: a worker that dies took its current mutant with it (an
/// abort), a mutant whose generation passes the limit is killed and run once more alone before it counts as a hang.
/// Every outcome goes to results.jsonl; each failing mutant's text is kept for triage.
/// </summary>
internal sealed class Campaign(CampaignOptions options, TextWriter log)
{
    private const int KeptPerSignature = 3;

    // A worker generating is killed when it has spent the hang limit in processor time on one mutant (a worker runs one
    // at a time), or, for one that blocks without computing, when the wall clock passes this many times the limit: on a
    // machine shared with builds, or under nice, a mutant may wait minutes for a core without being slow itself.
    private const int WallAllowance = 30;

    // Compiling is judged the same way, on the worker's processor time (Roslyn compiles on more than one thread, so
    // that can pass the wall time on a quiet machine), with a smaller allowance of wall time: a compile never blocks.
    private const int CompileWallAllowance = 5;
    private readonly List<Outcome> _outcomes = [];
    private readonly Dictionary<string, int> _kept = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private Mutator? _mutator;

    public IReadOnlyList<Outcome> Outcomes => _outcomes;

    public TimeSpan Elapsed { get; private set; }

    public void Run()
    {
        Directory.CreateDirectory(options.Output);
        _mutator = new Mutator(SeedSpec.LoadAll(options.RepositoryRoot, options.LiveSeeds), options.Seed);
        using var results = new StreamWriter(Path.Combine(options.Output, "results.jsonl"), append: false);
        var watch = Stopwatch.StartNew();
        var end = options.Start + options.Count;
        var next = options.Start;

        // Each worker takes the next batch not yet taken; the outcomes are put in index order at the end.
        (long From, long To)? Take()
        {
            lock (_gate)
            {
                if (next >= end || OutOfTime(watch))
                {
                    return null;
                }

                var from = next;
                next = Math.Min(end, next + options.BatchSize);
                return (from, next);
            }
        }

        var threads = Enumerable.Range(0, options.Workers).Select(_ => new Thread(() =>
        {
            while (Take() is var (from, to))
            {
                RunRange(from, to, watch, results);
            }
        })).ToList();
        threads.ForEach(static t => t.Start());
        threads.ForEach(static t => t.Join());
        _outcomes.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        Elapsed = watch.Elapsed;
    }

    /// <summary>Mutants [from, to) in as many workers as it takes: a worker that dies or is killed is followed by a new one.</summary>
    private void RunRange(long from, long to, Stopwatch watch, StreamWriter results)
    {
        var next = from;
        while (next < to && !OutOfTime(watch))
        {
            var batch = RunWorker(next, to, watch);
            lock (_gate)
            {
                foreach (var outcome in batch.Outcomes)
                {
                    Record(outcome, results);
                }
            }

            next = batch.Next;
            if (batch.Stuck is { } stuck)
            {
                // Killed while generating: once more, alone, before it counts as a hang.
                var alone = RunWorker(stuck, stuck + 1, watch);
                lock (_gate)
                {
                    Record(alone.Outcomes.SingleOrDefault() ?? Stuck(stuck, alone.Stuck is null ? "the worker stopped" : $"over {options.HangSeconds} s of processor time, or {options.HangSeconds * WallAllowance} s of wall time, twice"), results);
                }

                next = stuck + 1;
            }

            lock (_gate)
            {
                log.WriteLine($"{_outcomes.Count} of {options.Count} mutants, {watch.Elapsed.TotalMinutes:0.0} min: {Summary()}");
            }
        }
    }

    private bool OutOfTime(Stopwatch watch) => options.MaxMinutes > 0 && watch.Elapsed.TotalMinutes >= options.MaxMinutes;

    private string Summary()
        => string.Join(", ", _outcomes.GroupBy(static o => o.Class).OrderBy(static g => Array.IndexOf(OutcomeClass.All, g.Key)).Select(static g => $"{g.Key} {g.Count()}"));

    private void Record(Outcome outcome, StreamWriter results)
    {
        if (outcome.GenerateCpuMs > options.HangSeconds * 1000 && outcome.Class != OutcomeClass.Hang)
        {
            outcome = outcome with { Class = OutcomeClass.Hang, Signature = "hang after " + outcome.Signature };
        }

        _outcomes.Add(outcome);
        results.WriteLine(JsonSerializer.Serialize(outcome, FuzzJson.Default.Outcome));
        results.Flush();
        if (!OutcomeClass.Failures.Contains(outcome.Class))
        {
            return;
        }

        var kept = _kept.GetValueOrDefault(outcome.Signature);
        if (kept >= KeptPerSignature)
        {
            return;
        }

        _kept[outcome.Signature] = kept + 1;
        if (outcome.Seed == "?")
        {
            return;
        }

        var mutant = _mutator!.Make(outcome.Index);
        var folder = Path.Combine(options.Output, "failures", outcome.Class);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, outcome.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(stem + Path.GetExtension(mutant.FileName), mutant.Text);
        File.WriteAllText(stem + ".txt", $"seed {options.Seed}, index {outcome.Index}, from {mutant.Seed}\n{string.Join("\n", mutant.Mutations)}\n\n{outcome.Signature}\n\n{outcome.Detail}\n");
    }

    // The mutator reads the seeds' JSON trees, which are not safe to read from two threads at once.
    private string SeedOf(long index)
    {
        lock (_gate)
        {
            try
            {
                return _mutator!.Make(index).Seed;
            }
            catch (InvalidOperationException)
            {
                // The mutant cannot be made (an abort before it began); its seed is not known.
                return "?";
            }
        }
    }

    private Outcome Stuck(long index, string detail)
        => new(index, SeedOf(index), OutcomeClass.Hang, "hang", detail, options.HangSeconds * 1000, 0, 0, 0);

    private (List<Outcome> Outcomes, long Next, long? Stuck) RunWorker(long from, long to, Stopwatch campaign)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Campaign).Assembly.Location);
        }

        foreach (var argument in new[] { "worker", "--repo", options.RepositoryRoot, "--seed", options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--from", from.ToString(System.Globalization.CultureInfo.InvariantCulture), "--to", to.ToString(System.Globalization.CultureInfo.InvariantCulture), "--compile-every", options.CompileEvery.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.LiveSeeds)
        {
            start.ArgumentList.Add("--live-seeds");
        }

        // A mutant that asks for unbounded memory fails inside the worker, not the machine.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0xC0000000";
        start.Environment["DOTNET_TieredPGO"] = "0";

        using var process = Process.Start(start)!;
        var lines = new BlockingCollection<string?>();
        var stderr = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => lines.Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                if (e.Data is not null && stderr.Length < 64 * 1024)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var outcomes = new List<Outcome>();
        long? current = null;
        var phase = ' ';
        var since = Stopwatch.StartNew();
        var cpuAtPhase = TimeSpan.Zero;
        while (true)
        {
            if (lines.TryTake(out var line, 200))
            {
                if (line is null)
                {
                    break;
                }

                switch (line[0])
                {
                    case 'B':
                        current = long.Parse(line.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
                        phase = 'B';
                        since.Restart();
                        cpuAtPhase = ProcessorTime(process);
                        break;
                    case 'G':
                        phase = 'G';
                        since.Restart();
                        cpuAtPhase = ProcessorTime(process);
                        break;
                    case 'R':
                        outcomes.Add(JsonSerializer.Deserialize(line.AsSpan(2), FuzzJson.Default.Outcome)!);
                        current = null;
                        phase = ' ';
                        break;
                }

                continue;
            }

            // Killed on processor time (or, blocked, on wall time); a hang is then confirmed alone.
            var stuckGenerating = phase == 'B' && ((ProcessorTime(process) - cpuAtPhase).TotalSeconds > options.HangSeconds || since.Elapsed.TotalSeconds > options.HangSeconds * WallAllowance);
            var stuckCompiling = phase == 'G' && ((ProcessorTime(process) - cpuAtPhase).TotalSeconds > options.CompileSeconds || since.Elapsed.TotalSeconds > options.CompileSeconds * CompileWallAllowance);
            if (stuckGenerating || stuckCompiling || OutOfTime(campaign))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                if (stuckCompiling && current is { } slow)
                {
                    outcomes.Add(new Outcome(slow, SeedOf(slow), OutcomeClass.SlowCompile, "slow-compile", $"compiling took over {options.CompileSeconds} s of processor time, or {options.CompileSeconds * CompileWallAllowance} s of wall time", 0, options.CompileSeconds * 1000, 0, 0));
                    return (outcomes, slow + 1, null);
                }

                return stuckGenerating && current is { } stuck ? (outcomes, stuck, stuck) : (outcomes, current ?? to, null);
            }
        }

        process.WaitForExit();
        if (current is { } died)
        {
            string text;
            lock (stderr)
            {
                text = stderr.ToString();
            }

            outcomes.Add(new Outcome(died, SeedOf(died), OutcomeClass.Abort, "abort " + AbortSignature(process.ExitCode, text), $"exit code {process.ExitCode}\n{Tail(text)}", 0, 0, 0, 0));
            return (outcomes, died + 1, null);
        }

        if (outcomes.Count == 0)
        {
            // Died before its first mutant began (making it threw): an abort of that mutant, never a range skipped.
            string text;
            lock (stderr)
            {
                text = stderr.ToString();
            }

            return ([new Outcome(from, SeedOf(from), OutcomeClass.Abort, "abort before the mutant began " + AbortSignature(process.ExitCode, text), $"exit code {process.ExitCode}\n{Tail(text)}", 0, 0, 0, 0)], from + 1, null);
        }

        return (outcomes, outcomes[^1].Index + 1, null);
    }

    // The worker's processor time so far; what it was last read as once the process has ended.
    private static TimeSpan ProcessorTime(Process process)
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    // "Stack overflow." and the frame that repeats, or the first line of whatever the runtime printed.
    private static string AbortSignature(int exitCode, string stderr)
    {
        var lines = stderr.Split('\n').Select(static l => l.Trim()).Where(static l => l.Length > 0).ToList();
        var repeated = lines.Where(static l => l.StartsWith("at OpenApiGen.", StringComparison.Ordinal) || l.Contains("OpenApiGen.", StringComparison.Ordinal) && l.StartsWith("at ", StringComparison.Ordinal))
            .GroupBy(static l => l).OrderByDescending(static g => g.Count()).Select(static g => g.Key).FirstOrDefault();
        var first = lines.FirstOrDefault() ?? "exit code " + exitCode;
        return GeneratorRunner.Normalize(first) + (repeated is null ? string.Empty : " @ " + repeated.Substring(3).Split('(')[0]);
    }

    private static string Tail(string text) => text.Length > 4000 ? text.Substring(0, 2000) + "\n...\n" + text.Substring(text.Length - 2000) : text;
}
