using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Differential.Tests.Infrastructure;

/// <summary>NSwag's client for one vendor spec: the compiled class, the document NSwag read, and how it names methods.</summary>
/// <param name="Key">The spec, as VendorClients.Key names it; NSwag's namespace is <c>NSwag.</c> + its embedded document class.</param>
/// <param name="Client">NSwag's generated client class.</param>
/// <param name="Document">The spec as NSwag read it (the effective document our build embedded, overlays applied).</param>
/// <param name="Settings">The settings NSwag generated it with.</param>
internal sealed record NSwagClient(string Key, Type Client, OpenApiDocument Document, CSharpClientGeneratorSettings Settings)
{
    /// <summary>NSwag's method for an operation: its name generator's choice, the overload that takes a CancellationToken.</summary>
    public MethodInfo Method(string path, string httpMethod, OpenApiOperation operation)
    {
        var name = NJsonSchema.ConversionUtilities.ConvertToUpperCamelCase(Settings.OperationNameGenerator.GetOperationName(Document, path, httpMethod, operation), firstCharacterMustBeAlpha: true) + "Async";
        var methods = Client.GetMethods().Where(static m => m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken)).ToList();
        return methods.SingleOrDefault(m => m.Name == name)
            ?? methods.SingleOrDefault(m => ClientCalls.Normalize(m.Name) == ClientCalls.Normalize(name))
            ?? throw new InvalidOperationException($"NSwag's client has no method {name} for {httpMethod} {path}; it has {string.Join(", ", methods.Select(static m => m.Name))}");
    }
}

/// <summary>
/// NSwag 14's C# client generator run over every vendor spec in this process (NSwag.CodeGeneration.CSharp, its
/// defaults: Newtonsoft.Json, one client class per spec named from the operationIds), and the code compiled once,
/// in memory, by Roslyn. NSwag's System.Text.Json output is not used: its enums are written by
/// JsonStringEnumConverter, which ignores the EnumMember values that carry the wire names.
/// </summary>
internal static class NSwagClients
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, NSwagClient>>> s_all = new(GenerateAsync);

    public static Task<IReadOnlyDictionary<string, NSwagClient>> AllAsync() => s_all.Value;

    private static async Task<IReadOnlyDictionary<string, NSwagClient>> GenerateAsync()
    {
        var generated = new List<(string Key, string Namespace, OpenApiDocument Document, CSharpClientGeneratorSettings Settings, string Code)>();
        foreach (var document in VendorClients.Documents)
        {
            var openApi = await OpenApiDocument.FromJsonAsync(VendorClients.Json(document));
            var settings = new CSharpClientGeneratorSettings
            {
                ClassName = "NSwagClient",
                UseBaseUrl = true,
                InjectHttpClient = true,
                GenerateClientInterfaces = false,
                OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            };
            // A namespace per document: a client of several documents has one namespace of ours, and NSwag a client per document.
            settings.CSharpGeneratorSettings.Namespace = "NSwag." + document.FullName;

            // An optional value NSwag cannot tell from its default would be read as 0 or false; ours are nullable too.
            settings.CSharpGeneratorSettings.GenerateOptionalPropertiesAsNullable = true;
            generated.Add((VendorClients.Key(document), settings.CSharpGeneratorSettings.Namespace, openApi, settings, new CSharpClientGenerator(openApi, settings).GenerateFile()));
        }

        var assembly = Compile(generated.Select(static g => (g.Namespace, g.Code)).ToList());
        return generated.ToDictionary(
            static g => g.Key,
            g => new NSwagClient(g.Key, assembly.GetType($"{g.Namespace}.NSwagClient", throwOnError: true)!, g.Document, g.Settings),
            StringComparer.Ordinal);
    }

    private static Assembly Compile(IReadOnlyList<(string Namespace, string Code)> sources)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Select(static path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "NSwag.VendorClients",
            sources.Select(static s => CSharpSyntaxTree.ParseText(s.Code, new CSharpParseOptions(LanguageVersion.Latest), path: s.Namespace + ".cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("NSwag's clients do not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        return Assembly.Load(image.ToArray());
    }
}
