namespace OpenApiGen.Fuzz.Campaign;

/// <summary>What a campaign runs: which mutants, in batches of what size, under which limits, and where the report goes.</summary>
/// <param name="RepositoryRoot">The checkout: its pinned seeds, or its <c>specs/</c> and <c>../shared/openapi-corpus/</c>.</param>
/// <param name="Seed">The campaign's seed: with a mutant's index, all it takes to make that mutant again.</param>
/// <param name="Start">The first mutant's index.</param>
/// <param name="Count">How many mutants.</param>
/// <param name="BatchSize">Mutants a worker process runs before the next one starts.</param>
/// <param name="HangSeconds">Generation taking more processor time than this is a hang (confirmed by running the mutant again alone).</param>
/// <param name="CompileSeconds">Compiling one output for more processor time than this is reported as slow, not waited for.</param>
/// <param name="CompileEvery">Compile every output (1) or one in N.</param>
/// <param name="MaxMinutes">Stop after this long, whatever is left (0: no limit).</param>
/// <param name="Output">The folder for results.jsonl, report.md and the failing mutants.</param>
/// <param name="LiveSeeds">Seeds from <c>specs/</c> and the corpus as they are now, not the pinned ones (<see cref="Seeds.SeedSpec.LoadAll"/>).</param>
/// <param name="Workers">Worker processes running batches side by side (each mutant's outcome is the same however many).</param>
internal sealed record CampaignOptions(
    string RepositoryRoot,
    ulong Seed,
    long Start,
    long Count,
    int BatchSize,
    double HangSeconds,
    double CompileSeconds,
    int CompileEvery,
    double MaxMinutes,
    string Output,
    bool LiveSeeds = false,
    int Workers = 1);
