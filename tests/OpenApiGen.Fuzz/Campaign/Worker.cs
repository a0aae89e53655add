using System.Text.Json;
using OpenApiGen.Fuzz.Mutation;
using OpenApiGen.Fuzz.Running;
using OpenApiGen.Fuzz.Seeds;

namespace OpenApiGen.Fuzz.Campaign;

/// <summary>
/// One batch of mutants in a process of its own, so a stack overflow ends only the batch. It tells the campaign where
/// it is on stdout, a line a step: <c>B i</c> before generating, <c>G i</c> after, <c>R {json}</c> with the outcome.
/// </summary>
internal static class Worker
{
    public static int Run(string repositoryRoot, bool liveSeeds, ulong seed, long from, long to, int compileEvery)
    {
        var mutator = new Mutator(SeedSpec.LoadAll(repositoryRoot, liveSeeds), seed);
        var runner = new GeneratorRunner { CompileEvery = compileEvery };
        var stdout = Console.Out;
        for (var index = from; index < to; index++)
        {
            var mutant = mutator.Make(index);
            stdout.WriteLine("B " + index);
            stdout.Flush();
            var outcome = runner.Run(mutant, () =>
            {
                stdout.WriteLine("G " + index);
                stdout.Flush();
            });
            stdout.WriteLine("R " + JsonSerializer.Serialize(outcome, FuzzJson.Default.Outcome));
            stdout.Flush();
        }

        return 0;
    }
}
