using OpenApiGen.Cli;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary><c>openapigen generate</c> writes, byte for byte, what the source generator wrote in the real build of src/QwenImageEdit.Vendors.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("openapigen-");

    [Theory]
    [MemberData(nameof(VendorSpecs.Names), MemberType = typeof(VendorSpecs))]
    public void The_command_writes_the_bytes_the_build_wrote(string spec)
    {
        var (_, ns, client) = VendorSpecs.All.Single(s => s.Spec == spec);
        var errors = new StringWriter();

        // A client of several documents (EvoLink's four) is the command given them all, as the build is given its items.
        var more = VendorSpecs.Group(spec).Where(s => s != spec).Select(static s => new FileInfo(Path.Combine(RepoPaths.Specs, s))).ToList();
        var code = CommandLineGenerator.Run(
            new GenerateRequest(new FileInfo(Path.Combine(RepoPaths.Specs, spec)), [], ns, client, _output, Registrations: true, EmbedDocument: true) { MoreSpecs = more },
            TextWriter.Null,
            errors,
            CancellationToken.None);

        Assert.Equal(0, code);
        // Information only (Replicate's 3.0-style nullable read as 3.0 reads it; what merging EvoLink's documents tells:
        // a type renamed, another server), as the build tells it; nothing worse.
        Assert.All(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), static line => Assert.Contains(": info OAG", line, StringComparison.Ordinal));
        var built = BuildOutput().GetFiles(client + ".*.g.cs").ToDictionary(static f => f.Name);
        var written = _output.GetFiles().ToDictionary(static f => f.Name);
        Assert.Equal(built.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(written, pair => Assert.Equal(File.ReadAllBytes(built[pair.Key].FullName), File.ReadAllBytes(pair.Value.FullName)));
    }

    [Fact]
    public void A_broken_spec_is_reported_as_the_compiler_reports_it()
    {
        var spec = Path.Combine(_output.FullName, "broken.yaml");
        File.WriteAllText(spec, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x: [broken\n");
        var errors = new StringWriter();

        var code = CommandLineGenerator.Run(new GenerateRequest(new FileInfo(spec), [], "X", null, _output, false), TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.StartsWith($"{spec}(5,1): error OAG001: ", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spec.json", "spec.overlay.yaml")]
    [InlineData("spec.json", "spec.overlay.yml")]
    [InlineData("spec.yaml", "spec.overlay.json")]
    [InlineData("spec.yml", "spec.overlay.yaml")]
    public void An_overlay_named_like_the_spec_is_applied_whatever_either_extension(string specName, string overlayName)
    {
        // The build finds spec.overlay.yaml, .yml or .json beside any spec; the command looked only for the spec's own extension.
        var folder = _output.CreateSubdirectory("in");
        var spec = Path.Combine(folder.FullName, specName);
        File.WriteAllText(spec, """{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}}}""");
        File.WriteAllText(Path.Combine(folder.FullName, overlayName), """{"overlay": "1.0.0", "info": {"title": "o", "version": "1"}, "actions": [{"target": "$.components.schemas.Pet.properties", "update": {"age": {"type": "integer"}}}]}""");
        var output = _output.CreateSubdirectory("out");

        var code = CommandLineGenerator.Run(new GenerateRequest(new FileInfo(spec), [], "X", "XClient", output, false), TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("public long? Age { get; set; }", File.ReadAllText(Path.Combine(output.FullName, "XClient.Pet.g.cs")), StringComparison.Ordinal);
    }

    public void Dispose() => _output.Delete(recursive: true);

    /// <summary>Where the build of src/QwenImageEdit.Vendors (same configuration as these tests) kept the generated files.</summary>
    private static DirectoryInfo BuildOutput()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return new DirectoryInfo(Path.Combine(RepoPaths.Root, "src", "QwenImageEdit.Vendors", "obj", configuration, "net10.0", "generated", "OpenApiGen", "OpenApiGen.OpenApiSourceGenerator"));
    }
}
