using NSwag;
using Specs.Tests.GeneratedModel;
using Xunit.Abstractions;

namespace Specs.Tests;

/// <summary>
/// The generated vendor models against their specs as NSwag reads them: every property of every object schema
/// (components, inline bodies and what is nested in them, allOf parts included) is a member with the same wire name,
/// a type that can hold the JSON the spec allows, and the same requiredness. Our generator read the same document, but
/// NSwag's reader and this walk are not ours, so a naming or typing bug cannot hide behind shared code.
/// </summary>
public class GeneratedModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_vendor_spec_is_embedded()
    {
        // EvoLink 4, ModelsLab 3, Apikley 3, fal.ai 4, Replicate 3, DashScope 1.
        Assert.Equal(18, VendorDocuments.All.Count);
    }

    [Theory]
    [MemberData(nameof(VendorDocuments.Names), MemberType = typeof(VendorDocuments))]
    public async Task Generated_members_match_the_spec_properties(string documentClass)
    {
        var type = VendorDocuments.Named(documentClass);
        var document = await OpenApiDocument.FromJsonAsync(VendorDocuments.Constant(type, "Json"));

        var grouped = VendorDocuments.All.Count(t => t.Namespace == type.Namespace) > 1;
        var result = ModelCrossCheck.Run(document, VendorDocuments.Assembly, type.Namespace!, grouped ? VendorDocuments.Constant(type, "SourcePath") : null);

        var expected = ExpectedMismatches.All.Where(e => e.Document == documentClass).ToList();
        var unexpected = result.Mismatches.Where(m => !expected.Any(e => e.Pointer == m.Pointer && e.Kind == m.Kind)).ToList();
        var stale = expected.Where(e => !result.Mismatches.Any(m => m.Pointer == e.Pointer && m.Kind == e.Kind)).ToList();
        output.WriteLine($"{documentClass}: {result.Objects.Count} object schemas, {result.PropertiesChecked} properties checked; {result.Mismatches.Count} mismatches, {expected.Count} expected.");
        foreach (var checkedObject in result.Objects)
        {
            output.WriteLine("  " + checkedObject);
        }

        Assert.True(result.PropertiesChecked > 0, "Nothing was checked: the walk found no object schema.");
        Assert.True(
            unexpected.Count == 0 && stale.Count == 0,
            $"{VendorDocuments.Constant(type, "SourcePath")} ({documentClass}):\n"
            + string.Concat(unexpected.Select(static m => "  " + m + "\n"))
            + string.Concat(stale.Select(static e => $"  expected but not found: {e.Pointer}: {e.Kind} ({e.Reason})\n")));
    }
}
