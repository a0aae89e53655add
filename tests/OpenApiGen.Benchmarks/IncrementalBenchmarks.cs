using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiGen.Benchmarks;

/// <summary>
/// What the IDE pays per keystroke: Roslyn's driver, warm with the ten vendor specs, run again after an unrelated C#
/// edit (nothing should re-run) and after a one-line edit of one spec (only that spec should).
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private GeneratorDriver _warm = null!;
    private Compilation _compilation = null!;
    private Compilation _edited = null!;
    private AdditionalText _spec = null!;
    private AdditionalText _editedSpec = null!;

    [GlobalSetup]
    public void Setup()
    {
        var specs = SpecCatalog.All.Where(static s => !s.Key.StartsWith("corpus/", StringComparison.Ordinal)).SelectMany(static s => s.Value).ToList();
        var texts = specs.Select(static f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();
        var options = new Options(specs.ToDictionary(
            static f => f.Path,
            static f => new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.OpenApiKind"] = f.IsOverlay ? "overlay" : "spec",
                ["build_metadata.AdditionalFiles.OpenApiSpecPath"] = f.SpecPath,
            }));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // OpenApiGen.Runtime referenced, as in a real project: without it the generator reports OAG015 and emits nothing.
        var runtime = MetadataReference.CreateFromFile(typeof(OpenApiGen.Runtime.JsonRead).Assembly.Location);
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }", parse) }, new[] { runtime });
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", parse));
        _warm = CSharpGeneratorDriver.Create(new[] { new OpenApiSourceGenerator().AsSourceGenerator() }, texts, parse, options).RunGenerators(_compilation);
        _spec = texts.First(static t => t.Path.EndsWith("tasks.yaml", StringComparison.Ordinal));
        _editedSpec = new Text(_spec.Path, _spec.GetText()!.ToString().Replace("Task ID", "The task's ID", StringComparison.Ordinal));
    }

    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit() => _warm.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver OneLineSpecEdit() => _warm.ReplaceAdditionalText(_spec, _editedSpec).RunGenerators(_compilation);

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(Dictionary<string, Dictionary<string, string>> byPath) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => byPath.TryGetValue(textFile.Path, out var values) ? new Values(values) : GlobalOptions;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
