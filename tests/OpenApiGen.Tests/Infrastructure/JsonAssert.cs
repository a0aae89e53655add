using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Tests.Infrastructure;

/// <summary>"Nothing was lost": every member of one JSON value is in another, with an equal value.</summary>
internal static class JsonAssert
{
    /// <summary>
    /// Every member of <paramref name="expected"/> is in <paramref name="actual"/> with an equal value. Members only in
    /// <paramref name="actual"/> are allowed (defaults the writer adds); a null member may be absent (the generated code
    /// writes an optional null as absence); numbers compare as numbers, date-times as instants.
    /// </summary>
    public static void Carries(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var target = Assert.IsType<JsonObject>(actual);
                foreach (var (key, value) in obj)
                {
                    if (value is null && !target.ContainsKey(key))
                    {
                        continue;
                    }

                    Assert.True(target.ContainsKey(key), $"{path}/{key} was lost");
                    Carries(value, target[key], path + "/" + key);
                }

                break;
            case JsonArray array:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.Equal(array.Count, list.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    Carries(array[i], list[i], path + "/" + i);
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
            && expected.GetValue<string>().Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            && DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var b))
        {
            return a == b;
        }

        return JsonNode.DeepEquals(expected, actual);
    }
}
