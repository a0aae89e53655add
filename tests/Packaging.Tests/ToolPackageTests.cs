using System.Xml.Linq;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>openapigen and qwen-edit as .NET tools (dotnet tool install): named for their commands, self-contained but for .NET.</summary>
public sealed class ToolPackageTests
{
    public static TheoryData<string, string, string> Tools => new()
    {
        { "OpenApiGen.Cli", "openapigen", "OpenApiGen.Cli.dll" },
        { "QwenImageEdit.Cli", "qwen-edit", "qwen-edit.dll" },
    };

    [Theory]
    [MemberData(nameof(Tools))]
    public void A_tool_package_runs_its_command_from_its_own_files(string id, string command, string entryPoint)
    {
        var package = PackedFeed.Instance[id];
        const string Folder = "tools/net10.0/any/";

        Assert.Contains(package.MetadataElement("packageTypes")!.Elements(), static t => t.Attribute("name")?.Value == "DotnetTool");
        var settings = XDocument.Load(new MemoryStream(package.Read(Folder + "DotnetToolSettings.xml")));
        var declared = settings.Descendants("Command").Single();
        Assert.Equal((command, entryPoint, "dotnet"), (declared.Attribute("Name")?.Value, declared.Attribute("EntryPoint")?.Value, declared.Attribute("Runner")?.Value));

        Assert.Contains(Folder + entryPoint, package.Files);
        Assert.Contains(Folder + Path.ChangeExtension(entryPoint, ".runtimeconfig.json"), package.Files);
        Assert.Contains(Folder + Path.ChangeExtension(entryPoint, ".pdb"), package.Files);
        // No XML docs nor satellite resource assemblies: nothing a command line reads.
        Assert.DoesNotContain(package.Files, f => f.StartsWith(Folder, StringComparison.Ordinal) && f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Files, static f => f.EndsWith(".resources.dll", StringComparison.Ordinal));
        Assert.Null(package.SymbolsPath);
    }

    [Fact]
    public void Openapigen_ships_without_the_csharp_compiler_it_never_runs()
    {
        var files = PackedFeed.Instance["OpenApiGen.Cli"].Files;

        // Naming/CSharpKeywords stands in for SyntaxFacts, so Microsoft.CodeAnalysis.CSharp (6.7 MB) is not needed, nor shipped.
        Assert.Contains("tools/net10.0/any/Microsoft.CodeAnalysis.dll", files);
        Assert.DoesNotContain(files, static f => Path.GetFileName(f).StartsWith("Microsoft.CodeAnalysis.CSharp", StringComparison.Ordinal));
    }
}
