using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenApiGen.Tests.Generation;

/// <summary>Real public specs nobody here wrote: each must give code that compiles with zero errors and zero warnings.</summary>
public class CorpusCompileTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Specs => Directory
        .EnumerateFiles(RepoPaths.Corpus)
        .Where(static p => p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)
        .Select(static f => new object[] { f! });

    [Theory]
    [MemberData(nameof(Specs))]
    public void Corpus_spec_generates_code_that_compiles(string file)
    {
        var run = GeneratorHarness.Run(new[] { SpecSource.FromFile(Path.Combine(RepoPaths.Corpus, file), "Corpus.Api", "CorpusClient") });

        // DUMP_GENERATED=<dir> writes the output, to read what a corpus spec became.
        if (Environment.GetEnvironmentVariable("DUMP_GENERATED") is { Length: > 0 } dump)
        {
            foreach (var (hint, text) in run.Sources)
            {
                Directory.CreateDirectory(Path.Combine(dump, file));
                File.WriteAllText(Path.Combine(dump, file, hint), text);
            }
        }

        var errors = run.GeneratorDiagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        var problems = run.CompilationProblems;
        Assert.True(problems.IsEmpty, $"{problems.Length} compiler diagnostics, first: \n" + string.Join("\n", problems.Take(20)));

        // The client of each real-world spec is kept as a snapshot: its shape on specs nobody here wrote is worth reviewing.
        Snapshot.Verify(Path.Combine(RepoPaths.Snapshots, "Corpus"), Path.GetFileNameWithoutExtension(file), run.Source("CorpusClient.CorpusClient.g.cs"));

        var fallbacks = run.GeneratorDiagnostics.Count(static d => d.Id == "OAG005");
        output.WriteLine($"{file}: {run.Sources.Length} files, {fallbacks} schemas typed as JsonElement (OAG005)");
        Assert.NotEmpty(run.Sources);
    }
}
