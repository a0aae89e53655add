using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OpenApiGen.Pipeline;

/// <summary>Picks the AdditionalFiles that Directory.Build.targets marked as specs, overlays or files specs refer to, and reads their metadata.</summary>
internal static class SpecFiles
{
    private const string Prefix = "build_metadata.AdditionalFiles.";

    public static SpecFile? Read(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(Prefix + "OpenApiKind", out var kind) || kind is not ("spec" or "overlay" or "reference"))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var specPath = kind == "reference" ? file.Path : Value(options, "OpenApiSpecPath") ?? file.Path;
        return new SpecFile(
            file.Path,
            IsOverlay: kind == "overlay",
            SpecPath: kind == "overlay" ? specPath : file.Path,
            Namespace: Value(options, "OpenApiNamespace"),
            ClientName: Value(options, "OpenApiClientName"),
            Text: text,
            EmbedDocument: kind == "spec" && IsTrue(Value(options, "OpenApiEmbedDocument")),
            IsReference: kind == "reference",
            ProjectDirectory: kind == "spec" ? Value(options, "OpenApiProjectDirectory") : null,
            IncludeOperations: kind == "spec" ? Filter(options, "OpenApiIncludeOperations") : null,
            ExcludeOperations: kind == "spec" ? Filter(options, "OpenApiExcludeOperations") : null);
    }

    // MSBuild spells booleans in any case ("True" from a property function, "true" by hand).
    private static bool IsTrue(string? value) => string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase);

    // The targets join a filter's selectors by '|' (a ';' would end the value in the editorconfig Roslyn reads it from).
    private static string? Filter(AnalyzerConfigOptions options, string name) => Value(options, name)?.Replace('|', ';');

    private static string? Value(AnalyzerConfigOptions options, string name)
        => options.TryGetValue(Prefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
