using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>
/// Whether the consuming project can compile what is emitted. When it cannot, it gets one diagnostic at the project and
/// no files, rather than a thousand errors inside generated files it never wrote (as the Regex generator gates on C# 11).
/// </summary>
/// <param name="LanguageVersion">The C# version the project compiles (its effective version: <c>latest</c> resolved).</param>
/// <param name="HasRuntime">OpenApiGen.Runtime, which every generated file calls, is referenced; it needs net8.0 or later.</param>
internal readonly record struct ProjectSupport(LanguageVersion LanguageVersion, bool HasRuntime)
{
    /// <summary>Required members, UTF-8 string literals (the wire names) and raw string literals (the embedded document).</summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    /// <summary>A type of OpenApiGen.Runtime that generated code always uses.</summary>
    private const string RuntimeMarker = "OpenApiGen.Runtime.JsonRead";

    public bool CanCompile => LanguageVersion >= MinimumLanguageVersion && HasRuntime;

    /// <summary>
    /// The project's parse options (what its files are parsed as, even before it has any) and one lookup in its
    /// compilation: two values, so editing C# re-runs this cheap step and nothing after it.
    /// </summary>
    public static ProjectSupport Of(ParseOptions parseOptions, Compilation compilation) => new(
        parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : MinimumLanguageVersion,
        compilation.GetTypeByMetadataName(RuntimeMarker) is not null);

    /// <summary>The one diagnostic for a project that has specs but cannot compile their code; none otherwise.</summary>
    public EquatableArray<DiagnosticInfo> Problems(int specCount)
    {
        if (specCount == 0 || CanCompile)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var specs = specCount == 1 ? "1 OpenAPI spec" : specCount + " OpenAPI specs";
        var reason = LanguageVersion < MinimumLanguageVersion
            ? $"the generated code needs C# {MinimumLanguageVersion.ToDisplayString()} or later and this project compiles C# {LanguageVersion.ToDisplayString()} (set <LangVersion> to {MinimumLanguageVersion.ToDisplayString()} or later, or target net8.0 or later, whose default is C# 12)"
            : "the generated code calls OpenApiGen.Runtime, which this project does not reference (reference the OpenApiGen.Runtime package; it needs net8.0 or later)";
        return new[] { DiagnosticInfo.AtProject(Descriptors.UnsupportedProject, specs, reason) }.ToEquatableArray();
    }
}
