using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiGen.Tests.Infrastructure;

/// <summary>A spec or overlay as the generator receives it: an AdditionalFile and the metadata Directory.Build.targets gives it.</summary>
internal sealed record SpecSource(string Path, string Text, string? Namespace = null, string? ClientName = null, string? OverlayFor = null, bool EmbedDocument = false, bool IsReference = false, string? ProjectDirectory = null, string? IncludeOperations = null, string? ExcludeOperations = null)
{
    /// <summary>A file a spec refers to (<c>$ref: ./common.yaml#/...</c>), as the build passes it.</summary>
    public static SpecSource Reference(string path, string text) => new(path, text, IsReference: true);

    public static SpecSource FromFile(string path, string? ns = null, string? clientName = null, bool embedDocument = false)
        => new(path, File.ReadAllText(path), ns, clientName, EmbedDocument: embedDocument);
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<(string HintName, string Text)> Sources)
{
    /// <summary>Compiler errors and warnings in the generated code (and the test's own sources).</summary>
    public ImmutableArray<Diagnostic> CompilationProblems => OutputCompilation.GetDiagnostics()
        .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
        .ToImmutableArray();

    public string Source(string hintNameEnd) => Sources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).Text;

    /// <summary>Compiles the output and loads it, so tests can run the generated code itself.</summary>
    public System.Reflection.Assembly Load()
    {
        using var image = new MemoryStream();
        var result = OutputCompilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return System.Reflection.Assembly.Load(image.ToArray());
    }
}

/// <summary>Runs the generator the way the compiler does: a compilation, AdditionalFiles and their analyzer-config metadata.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly string s_runtimeLocation = typeof(OpenApiGen.Runtime.JsonRead).Assembly.Location;

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static GeneratorRun Run(IEnumerable<SpecSource> files, string rootNamespace = "Generated.Tests", params string[] csharpSources)
    {
        var compilation = CreateCompilation(csharpSources);
        var driver = CreateDriver(files, rootNamespace, trackSteps: false);
        return RunDriver(driver, compilation);
    }

    /// <summary>Runs the generator in a project on another C# version, with or without OpenApiGen.Runtime referenced.</summary>
    public static GeneratorRun Run(IEnumerable<SpecSource> files, LanguageVersion languageVersion, bool referenceRuntime = true)
    {
        var parseOptions = ParseOptions.WithLanguageVersion(languageVersion);
        var references = referenceRuntime ? s_references.Value : s_references.Value.RemoveAll(static r => r.Display == s_runtimeLocation);
        var compilation = CreateCompilation(parseOptions, references, Array.Empty<string>());
        var list = files.ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiSourceGenerator().AsSourceGenerator() },
            list.Select(static f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parseOptions,
            new TestOptionsProvider(list, "Generated.Tests"));
        return RunDriver(driver, compilation);
    }

    public static GeneratorDriver CreateDriver(IEnumerable<SpecSource> files, string rootNamespace, bool trackSteps)
        => CreateDriver(files, rootNamespace, trackSteps, out _);

    /// <summary>Creates a driver and hands back the AdditionalTexts it was given, so a test can replace one.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecSource> files, string rootNamespace, bool trackSteps, out ImmutableArray<AdditionalText> texts)
    {
        var list = files.ToList();
        texts = list.Select(static f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(list, rootNamespace);
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiSourceGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>The analyzer-config metadata of <paramref name="files"/>, for a test that changes an item's metadata between runs.</summary>
    public static AnalyzerConfigOptionsProvider OptionsFor(IEnumerable<SpecSource> files, string rootNamespace) => new TestOptionsProvider(files, rootNamespace);

    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results
            .SelectMany(static r => r.GeneratedSources)
            .Select(static s => (s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        return new GeneratorRun(driver, output, diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(), sources);
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, s_references.Value, sources);

    private static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, IEnumerable<MetadataReference> references, string[] sources)
        => CSharpCompilation.Create(
            "Generated.Tests.Output",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, parseOptions)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                // What the .NET SDK suppresses by default: version unification between a net8.0 reference and the net10.0 platform.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework only: the test's own dependencies (the generated vendor models among them) would clash with what the generator emits.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.StartsWith(framework, StringComparison.Ordinal));
        return platform
            .Append(s_runtimeLocation)
            .Distinct(StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The metadata Directory.Build.targets makes compiler-visible, as the analyzer config sees it.</summary>
    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, DictionaryOptions> _byPath;

        public TestOptionsProvider(IEnumerable<SpecSource> files, string rootNamespace)
        {
            GlobalOptions = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });
            _byPath = files.ToDictionary(
                static f => f.Path,
                static f =>
                {
                    var values = new Dictionary<string, string>
                    {
                        ["build_metadata.AdditionalFiles.OpenApiKind"] = f.IsReference ? "reference" : f.OverlayFor is null ? "spec" : "overlay",
                        ["build_metadata.AdditionalFiles.OpenApiProjectDirectory"] = f.ProjectDirectory ?? string.Empty,
                        ["build_metadata.AdditionalFiles.OpenApiSpecPath"] = f.OverlayFor ?? f.Path,
                        ["build_metadata.AdditionalFiles.OpenApiNamespace"] = f.Namespace ?? string.Empty,
                        ["build_metadata.AdditionalFiles.OpenApiClientName"] = f.ClientName ?? string.Empty,
                        ["build_metadata.AdditionalFiles.OpenApiEmbedDocument"] = f.EmbedDocument ? "true" : string.Empty,
                        // As OpenApiGenCheckSpecs writes them: selectors joined by '|', since a ';' would end the editorconfig value.
                        ["build_metadata.AdditionalFiles.OpenApiIncludeOperations"] = (f.IncludeOperations ?? string.Empty).Replace(';', '|'),
                        ["build_metadata.AdditionalFiles.OpenApiExcludeOperations"] = (f.ExcludeOperations ?? string.Empty).Replace(';', '|'),
                    };
                    return new DictionaryOptions(values);
                });
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
