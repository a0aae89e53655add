using System.CommandLine;
using OpenApiGen.Fuzz.Campaign;
using OpenApiGen.Fuzz.Mutation;
using OpenApiGen.Fuzz.Running;
using OpenApiGen.Fuzz.Seeds;

// The generator's mutation fuzzer; docs/fuzzing.md says how to run it and what it found.
var repo = new Option<DirectoryInfo?>("--repo") { Description = "The checkout (default: found above this program)." };
var live = new Option<bool>("--live-seeds") { Description = "Mutate specs/ and the corpus as they are now, not the pinned seeds (tests/OpenApiGen.Fuzz/SeedSpecs) a baseline is measured on." };
var seed = new Option<ulong>("--seed") { Description = "The campaign's seed.", DefaultValueFactory = static _ => 17 };
var start = new Option<long>("--start") { Description = "The first mutant's index.", DefaultValueFactory = static _ => 0 };
var count = new Option<long>("--count") { Description = "How many mutants.", DefaultValueFactory = static _ => 300 };
var batch = new Option<int>("--batch") { Description = "Mutants per worker process.", DefaultValueFactory = static _ => 100 };
var hang = new Option<double>("--hang-seconds") { Description = "Generation longer than this is a hang.", DefaultValueFactory = static _ => 10 };
var compileLimit = new Option<double>("--compile-seconds") { Description = "Compiling an output for more processor time than this (or five times it of wall time) is reported as slow.", DefaultValueFactory = static _ => 120 };
var compileEvery = new Option<int>("--compile-every") { Description = "Compile every output (1) or one in N.", DefaultValueFactory = static _ => 1 };
var minutes = new Option<double>("--max-minutes") { Description = "Stop after this long (0: no limit).", DefaultValueFactory = static _ => 0 };
var baseline = new Option<FileInfo?>("--baseline") { Description = "Lines 'class count': fail only when a failure class has more mutants than its line allows (a ratchet while known failures are fixed)." };
var workers = new Option<int>("--workers") { Description = "Worker processes side by side (1 a core is the most that helps).", DefaultValueFactory = static _ => 1 };
var output = new Option<DirectoryInfo>("--out") { Description = "Where results.jsonl, report.md and failing mutants go.", DefaultValueFactory = static _ => new DirectoryInfo("fuzz-results") };

var run = new Command("run", "Runs a campaign in worker processes and writes its report; exits 1 when any mutant failed.")
{
    repo, live, seed, start, count, batch, hang, compileLimit, compileEvery, minutes, baseline, output, workers,
};
run.SetAction(result =>
{
    var options = new CampaignOptions(
        Root(result.GetValue(repo)),
        result.GetValue(seed),
        result.GetValue(start),
        result.GetValue(count),
        result.GetValue(batch),
        result.GetValue(hang),
        result.GetValue(compileLimit),
        result.GetValue(compileEvery),
        result.GetValue(minutes),
        result.GetValue(output)!.FullName,
        result.GetValue(live),
        Math.Max(1, result.GetValue(workers)));
    var campaign = new Campaign(options, Console.Error);
    campaign.Run();
    var report = Report.Write(options, campaign.Outcomes, campaign.Elapsed);
    File.WriteAllText(Path.Combine(options.Output, "report.md"), report);
    Console.WriteLine(report);
    return Baseline.Check(campaign.Outcomes, result.GetValue(baseline), Console.Out) ? 0 : 1;
});

var from = new Option<long>("--from") { Required = true };
var to = new Option<long>("--to") { Required = true };
var worker = new Command("worker", "Runs mutants [from, to) and reports each on stdout (started by 'run').") { repo, live, seed, from, to, compileEvery };
worker.Hidden = true;
worker.SetAction(result => Worker.Run(Root(result.GetValue(repo)), result.GetValue(live), result.GetValue(seed), result.GetValue(from), result.GetValue(to), result.GetValue(compileEvery)));

var index = new Option<long>("--index") { Required = true, Description = "The mutant's index." };
var write = new Option<FileInfo?>("--write") { Description = "Also write the mutant's text to this file." };
var show = new Command("show", "Makes one mutant again, says what was done to it, runs it in this process and prints the outcome.") { repo, live, seed, index, write };
show.SetAction(result =>
{
    var mutant = new Mutator(SeedSpec.LoadAll(Root(result.GetValue(repo)), result.GetValue(live)), result.GetValue(seed)).Make(result.GetValue(index));
    Console.WriteLine($"mutant {mutant.Index} of {mutant.Seed} as {mutant.FileName}, {mutant.Text.Length} characters:");
    foreach (var mutation in mutant.Mutations)
    {
        Console.WriteLine("  " + mutation);
    }

    if (result.GetValue(write) is { } file)
    {
        File.WriteAllText(file.FullName, mutant.Text);
    }

    var outcome = new GeneratorRunner().Run(mutant);
    Console.WriteLine($"{outcome.Class}: {outcome.Signature} ({outcome.GenerateMs} ms, {outcome.Files} files)\n{outcome.Detail}");
    return OutcomeClass.Failures.Contains(outcome.Class) ? 1 : 0;
});

var files = new Argument<FileInfo[]>("spec") { Description = "Spec files.", Arity = ArgumentArity.OneOrMore };
var check = new Command("check", "Runs spec files through the generator and the compiler as a mutant is run, and prints each outcome.") { files };
check.SetAction(result =>
{
    var runner = new GeneratorRunner();
    var failed = 0;
    foreach (var file in result.GetValue(files)!)
    {
        var outcome = runner.Run(new Mutant(0, file.Name, file.Name, File.ReadAllText(file.FullName), []));
        failed += OutcomeClass.Failures.Contains(outcome.Class) ? 1 : 0;
        Console.WriteLine($"{file.Name}: {outcome.Class}: {outcome.Signature} ({outcome.GenerateMs} ms, {outcome.Files} files)\n    {outcome.Detail.Replace("\n", "\n    ", StringComparison.Ordinal)}");
    }

    return failed > 0 ? 1 : 0;
});

var pin = new Command("pin", "Pins the seeds as they are now: copies specs/ into tests/OpenApiGen.Fuzz/SeedSpecs and writes the corpus's hashes (then measure the CI baseline again).") { repo };
pin.SetAction(result => SeedSpec.Pin(Root(result.GetValue(repo)), Console.Out));

return new RootCommand("OpenApiGen's mutation fuzzer") { run, worker, show, check, pin }.Parse(args).Invoke();

static string Root(DirectoryInfo? given)
{
    if (given is not null)
    {
        return given.FullName;
    }

    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory + "; pass --repo.");
}
