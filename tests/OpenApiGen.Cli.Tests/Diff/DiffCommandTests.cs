using System.Text.Json;
using OpenApiGen.Cli.Diff;
using OpenApiGen.Cli.Tests.Infrastructure;

namespace OpenApiGen.Cli.Tests.Diff;

/// <summary><c>openapigen diff</c> on the repository's own specs, as JSON for CI, and as the built command.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Every spec under specs/ (not the overlays).</summary>
    public static TheoryData<string> VendorSpecs() => new(
        Directory.GetFiles(RepoPaths.Specs, "*.yaml", SearchOption.AllDirectories)
            .Where(static f => !f.EndsWith(".overlay.yaml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Specs, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(VendorSpecs))]
    public void A_vendor_spec_read_again_from_a_copy_changes_nothing(string spec)
    {
        // As in the procedure: the new text sits elsewhere, and the spec's overlay is given for it.
        var path = Path.Combine(RepoPaths.Specs, spec);
        var copy = Path.Combine(_folder.Path, "new.yaml");
        File.Copy(path, copy);
        var overlay = new FileInfo(Path.ChangeExtension(path, ".overlay.yaml"));
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = DiffCommand.Run(new DiffRequest(new FileInfo(path), new FileInfo(copy), overlay.Exists ? [overlay] : [], null, Json: false), output, errors, CancellationToken.None);

        Assert.Equal(string.Empty, errors.ToString());
        Assert.Equal(0, code);
        Assert.EndsWith("No change users of the generated code would see.\n", output.ToString().Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vendor_renaming_a_field_breaks_users_and_leaves_an_overlay_action_matching_nothing()
    {
        // EvoLink's request field image_urls spelled images: the C# member goes with it, and the overlay's
        // minItems/maxItems action on image_urls no longer applies (OAG007), which the maintainer must fix.
        var spec = Path.Combine(RepoPaths.Specs, "evolink", "qwen-image-edit.yaml");
        var renamed = Path.Combine(_folder.Path, "new.yaml");
        File.WriteAllText(renamed, File.ReadAllText(spec).Replace("image_urls", "images", StringComparison.Ordinal));
        var overlay = new FileInfo(Path.Combine(RepoPaths.Specs, "evolink", "qwen-image-edit.overlay.yaml"));
        var output = new StringWriter();

        var code = DiffCommand.Run(new DiffRequest(new FileInfo(spec), new FileInfo(renamed), [overlay], "EvoLinkClient", Json: false), output, new StringWriter(), CancellationToken.None);

        var report = output.ToString();
        Assert.Equal(1, code);
        Assert.Contains("  QwenImageEditRequest.ImageUrls: removed (wire 'image_urls') [member-removed]", report, StringComparison.Ordinal);
        Assert.Contains("  QwenImageEditRequest.Images: new required IReadOnlyList<Uri> (wire 'images') [member-added-required]", report, StringComparison.Ordinal);
        Assert.Contains("warning OAG007: Overlay action skipped: target '$.components.schemas.QwenImageEditRequest.properties.image_urls' matched nothing", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_gives_ci_each_change_with_its_class_and_rule()
    {
        var cases = Path.Combine(RepoPaths.TestData, "Diff", "client");
        var output = new StringWriter();

        var code = DiffCommand.Run(new DiffRequest(new FileInfo(Path.Combine(cases, "old.yaml")), new FileInfo(Path.Combine(cases, "new.yaml")), [], "KeysClient", Json: true), output, new StringWriter(), CancellationToken.None);

        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(1, code);
        Assert.True(root.GetProperty("breaking").GetBoolean());
        Assert.Equal("KeysClient", root.GetProperty("client").GetString());
        var changes = root.GetProperty("changes").EnumerateArray().Select(static c => (c.GetProperty("class").GetString(), c.GetProperty("rule").GetString(), c.GetProperty("subject").GetString())).ToList();
        Assert.Equal(7, changes.Count);
        Assert.Contains(("breaking", "credential-removed", "KeysClientOptions.LegacyApiKey"), changes);
        Assert.Contains(("non-breaking", "credential-added", "KeysClientOptions.SessionApiKey"), changes);
        Assert.Contains(("wire-only", "base-address-changed", "KeysClient"), changes);
    }

    [Fact]
    public void A_version_that_does_not_build_is_exit_code_2_with_its_diagnostics()
    {
        var old = Path.Combine(RepoPaths.TestData, "Diff", "docs", "old.yaml");
        var broken = _folder.File("broken.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x: [broken\n");
        var errors = new StringWriter();

        var code = DiffCommand.Run(new DiffRequest(new FileInfo(old), new FileInfo(broken), [], null, Json: false), TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: {broken} cannot be built into a model:\n  {broken}(5,1): error OAG001: ", errors.ToString().Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_command_exits_1_on_a_breaking_change_0_on_none_and_2_on_a_missing_file()
    {
        var cases = Path.Combine(RepoPaths.TestData, "Diff");

        var breaking = Openapigen.Run("diff", Path.Combine(cases, "members", "old.yaml"), Path.Combine(cases, "members", "new.yaml"));
        var docs = Openapigen.Run("diff", Path.Combine(cases, "docs", "old.yaml"), Path.Combine(cases, "docs", "new.yaml"), "--json");
        var missing = Openapigen.Run("diff", Path.Combine(cases, "docs", "old.yaml"), Path.Combine(cases, "docs", "absent.yaml"));

        Assert.Equal(1, breaking.ExitCode);
        Assert.Contains("8 breaking, 9 non-breaking, 3 wire only, 1 docs only.", System.Text.Encoding.UTF8.GetString(breaking.Stdout), StringComparison.Ordinal);
        Assert.Equal(0, docs.ExitCode);
        Assert.False(JsonDocument.Parse(docs.Stdout).RootElement.GetProperty("breaking").GetBoolean());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("absent.yaml' does not exist", missing.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
