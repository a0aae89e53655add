using System.Globalization;
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
    private static readonly Assembly s_vendors = typeof(QwenImageEdit.Vendors.EvoLink.ImageEdit.QwenImageEditRequest).Assembly;

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
            AssertContains(example.Value, written, example.Pointer);

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

    /// <summary>Every member of <paramref name="expected"/> is in <paramref name="actual"/> with an equal value; defaults the writer adds are allowed.</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var target = Assert.IsType<JsonObject>(actual);
                foreach (var (key, value) in obj)
                {
                    // An optional member that is null is written as absent: for the reader of the JSON they mean the same.
                    if (value is null && !target.ContainsKey(key))
                    {
                        continue;
                    }

                    Assert.True(target.ContainsKey(key), $"{path}/{key} was lost in the round trip");
                    AssertContains(value, target[key], path + "/" + key);
                }

                break;
            case JsonArray array:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.Equal(array.Count, list.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    AssertContains(array[i], list[i], path + "/" + i);
                }

                break;
            case null:
                Assert.Null(actual);
                break;
            default:
                Assert.True(SameScalar(expected.AsValue(), actual?.AsValue()), $"{path}: {expected.ToJsonString()} came back as {actual?.ToJsonString()}");
                break;
        }
    }

    private static bool SameScalar(JsonValue expected, JsonValue? actual)
    {
        if (actual is null)
        {
            return false;
        }

        if (expected.GetValueKind() == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (expected.GetValueKind() == JsonValueKind.String && actual.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            && DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
            && expected.GetValue<string>().Contains('T', StringComparison.Ordinal))
        {
            return a == b;
        }

        return JsonNode.DeepEquals(expected, actual);
    }
}
