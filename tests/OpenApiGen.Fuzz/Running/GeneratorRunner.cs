using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Fuzz.Mutation;

namespace OpenApiGen.Fuzz.Running;

/// <summary>
/// Runs the source generator on one mutant exactly as the compiler does (an AdditionalFile with the metadata an
/// <c>OpenApiSpec</c> item gives it), on a thread with the 1 MB stack of a Windows compiler thread, then compiles what it
/// wrote with nullable and documentation diagnostics on, and classifies the outcome.
/// </summary>
internal sealed partial class GeneratorRunner
{
    private const int StackSize = 1024 * 1024;
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);
    private readonly ImmutableArray<MetadataReference> _references = LoadReferences();
    private readonly Dictionary<string, (string Class, string Signature, string Detail)> _compiled = new(StringComparer.Ordinal);

    /// <summary>Compile the output of every mutant (1), or of one in N; outputs already compiled are never compiled again.</summary>
    public int CompileEvery { get; init; } = 1;

    public Outcome Run(Mutant mutant, Action? generated = null)
    {
        var path = "/fuzz/" + mutant.FileName;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OpenApiSourceGenerator().AsSourceGenerator()],
            [new InMemoryText(path, mutant.Text)],
            s_parseOptions,
            new SpecOptions(path));
        var compilation = CSharpCompilation.Create(
            "Fuzz.Output",
            [],
            _references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                // What the .NET SDK suppresses by default: version unification between a net8.0 reference and the platform.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

        Compilation output = compilation;
        ImmutableArray<Diagnostic> driverDiagnostics = [];
        GeneratorDriverRunResult? result = null;
        var thrown = new List<string>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var thread = new Thread(
            () =>
            {
                using var capture = FirstChance.Capture(thrown);
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out driverDiagnostics);
                result = driver.GetRunResult();
            },
            StackSize);
        thread.Start();
        thread.Join();
        var generateMs = watch.Elapsed.TotalMilliseconds;
        var generateCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        generated?.Invoke();

        var run = result!.Results.Single();
        var diagnostics = driverDiagnostics.AddRange(result.Diagnostics).Distinct().ToList();
        var errors = diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        var unlocated = errors.Count(static d => d.Id != "OAG001" && d.Location.GetLineSpan().StartLinePosition == default);
        var files = run.GeneratedSources.Length;
        Outcome Make(string kind, string signature, string detail, double compileMs = 0)
            => new(mutant.Index, mutant.Seed, kind, signature, detail, Math.Round(generateMs, 1), Math.Round(compileMs, 1), files, unlocated, Math.Round(generateCpuMs, 1));

        if (run.Exception is { } exception)
        {
            return Make(OutcomeClass.Escaped, "escaped " + exception.GetType().Name + " " + Normalize(exception.Message) + Frame(exception.StackTrace), exception.ToString());
        }

        if (diagnostics.FirstOrDefault(static d => d.Id is "OAG000" or "CS8785") is { } failure)
        {
            var message = failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var stack = thrown.FirstOrDefault(t => message.Contains(t.Split('\n')[0], StringComparison.Ordinal)) ?? thrown.LastOrDefault() ?? string.Empty;
            return Make(OutcomeClass.GeneratorFailure, "OAG000 " + Normalize(message) + Frame(stack), failure + "\n" + stack);
        }

        if (BadFileName(run.GeneratedSources.Select(static s => s.HintName)) is { } badName)
        {
            return Make(OutcomeClass.BadFileName, "bad-file-name " + Normalize(badName.Length > 100 ? badName.Substring(0, 100) : badName), badName);
        }

        if (errors.Count > 0)
        {
            var first = errors[0];
            return Make(OutcomeClass.Rejected, first.Id + " " + Normalize(first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), string.Join("\n", errors.Take(5)));
        }

        if (files == 0 || CompileEvery > 1 && mutant.Index % CompileEvery != 0)
        {
            return Make(OutcomeClass.Clean, "clean", files == 0 ? "no files" : "not compiled (sampled)");
        }

        var key = Hash(run.GeneratedSources);
        watch.Restart();
        if (!_compiled.TryGetValue(key, out var compiled))
        {
            var problems = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            compiled = problems.Count == 0
                ? (OutcomeClass.Clean, "clean", "compiled")
                : (OutcomeClass.Miscompile, problems[0].Id + " " + Normalize(problems[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture)), Excerpt(problems));
            _compiled[key] = compiled;
        }

        return Make(compiled.Class, compiled.Signature, compiled.Detail, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>A name no file system takes (a file name is at most 255 bytes), or two that one that ignores case takes for one.</summary>
    private static string? BadFileName(IEnumerable<string> hintNames)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in hintNames)
        {
            if (Encoding.UTF8.GetByteCount(name) > 255)
            {
                return $"{Encoding.UTF8.GetByteCount(name)} bytes: {name}";
            }

            if (!seen.Add(name))
            {
                return "differs only in case from another: " + name;
            }
        }

        return null;
    }

    private static string Excerpt(List<Diagnostic> problems)
    {
        var text = new StringBuilder();
        foreach (var problem in problems.Take(5))
        {
            text.AppendLine(problem.ToString());
            if (problem.Location.SourceTree is { } tree)
            {
                var line = problem.Location.GetLineSpan().StartLinePosition.Line;
                var lines = tree.GetText().Lines;
                for (var i = Math.Max(0, line - 2); i <= Math.Min(lines.Count - 1, line + 2); i++)
                {
                    text.Append("    | ").AppendLine(lines[i].ToString());
                }
            }
        }

        return text.ToString();
    }

    private static string Hash(ImmutableArray<GeneratedSourceResult> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(source.HintName + "\0" + source.SourceText + "\0"));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>A message with what varies between mutants (numbers, quoted names, paths) taken out, so like failures group.</summary>
    public static string Normalize(string message)
    {
        var text = QuotedText().Replace(message.Replace("The generator failed on this spec and emitted nothing for it: ", string.Empty, StringComparison.Ordinal).Replace(" Please report this with the spec.", string.Empty, StringComparison.Ordinal), "'…'");
        text = Numbers().Replace(text, "#");
        return text.Length > 160 ? text.Substring(0, 160) : text;
    }

    // Where a failure is, in a signature: the innermost frame outside the BCL (often Microsoft.OpenApi's), and the
    // first in the generator's own code.
    private static string Frame(string? stack)
    {
        var frames = (stack ?? string.Empty).Split('\n').Select(static l => l.Trim()).Where(static l => l.StartsWith("at ", StringComparison.Ordinal)).Select(static l => FrameArguments().Replace(l.Substring(3), string.Empty)).ToList();
        var innermost = frames.FirstOrDefault(static f => !f.StartsWith("System.", StringComparison.Ordinal));
        var own = frames.FirstOrDefault(static f => f.StartsWith("OpenApiGen.", StringComparison.Ordinal) && !f.StartsWith("OpenApiGen.Fuzz", StringComparison.Ordinal));
        return innermost is null ? string.Empty : " @ " + innermost + (own is not null && own != innermost ? " < " + own : string.Empty);
    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\(.*$")]
    private static partial Regex FrameArguments();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework and the generator's runtime library: what a project referencing the generator compiles against.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.StartsWith(framework, StringComparison.Ordinal))
            .Append(typeof(OpenApiGen.Runtime.JsonRead).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The metadata Directory.Build.targets gives an <c>OpenApiSpec</c> item, as the analyzer config shows it.</summary>
    private sealed class SpecOptions(string path) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _spec = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApiKind"] = "spec",
            ["build_metadata.AdditionalFiles.OpenApiSpecPath"] = path,
            ["build_metadata.AdditionalFiles.OpenApiNamespace"] = "Fuzz.Api",
            ["build_metadata.AdditionalFiles.OpenApiClientName"] = "FuzzClient",
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Fuzz" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _spec : Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
