using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OpenApiGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenApiGen.Tests.RoundTrip;

/// <summary>
/// Every example in the vendor specs deserializes into the type the build generated and serializes back with nothing
/// lost: each member of the example comes back with an equal value. The types are those of src/QwenImageEdit.Vendors.
/// </summary>
public class ExampleRoundTripTests(ITestOutputHelper output)
{
    private static readonly Assembly s_vendors = typeof(QwenImageEdit.Vendors.EvoLink.QwenImageEditRequest).Assembly;

    [Theory]
    [MemberData(nameof(VendorSpecs.Names), MemberType = typeof(VendorSpecs))]
    public void Every_example_round_trips_through_the_generated_type(string spec)
    {
        var (model, examples, untyped) = SpecExamples.Collect(spec);
        var context = (JsonSerializerContext)s_vendors.GetType(model.Namespace + "." + model.JsonContextName, throwOnError: true)!
            .GetProperty("Default")!.GetValue(null)!;

        foreach (var example in examples)
        {
            var type = s_vendors.GetType(model.Namespace + "." + example.TypeName, throwOnError: true)!;
            var typeInfo = context.GetTypeInfo(type)!;

            var value = JsonSerializer.Deserialize(example.Value.ToJsonString(), typeInfo);
            var written = JsonNode.Parse(JsonSerializer.Serialize(value, typeInfo))!;
            JsonAssert.Carries(example.Value, written, example.Pointer);

            // Writing what was read, and reading it again, is stable.
            var again = JsonNode.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(written.ToJsonString(), typeInfo), typeInfo))!;
            Assert.True(JsonNode.DeepEquals(written, again), $"{example.Pointer}: second round trip differs");
        }

        output.WriteLine($"{spec}: {examples.Count} examples round-tripped; {untyped.Count} typed as raw JSON for now: {string.Join(", ", untyped)}");
        Assert.True(examples.Count + untyped.Count > 0, "the spec has no examples");
    }

    [Fact]
    public void The_vendor_specs_carry_examples_for_most_of_their_bodies()
    {
        var total = VendorSpecs.All.Sum(static s => SpecExamples.Collect(s.Spec).Typed.Count);
        Assert.True(total >= 20, $"only {total} typed examples found: the collector is probably broken");
    }
}
