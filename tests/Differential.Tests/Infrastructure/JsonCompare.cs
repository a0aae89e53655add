using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Differential.Tests.Infrastructure;

/// <summary>
/// Structural JSON comparison: member order does not matter, numbers compare by value, strings by their text (not
/// their escaping), date-times by their instant; each difference is a path and both values.
/// </summary>
internal static class JsonCompare
{
    /// <summary>
    /// Where <paramref name="actual"/> differs from <paramref name="expected"/>. With <paramref name="nullIsAbsent"/>, a
    /// member whose value is null counts as absent: what a client read and wrote back, where writing an unset member as
    /// null or leaving it out says the same about what was read.
    /// </summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, bool nullIsAbsent, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, nullIsAbsent, path, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, bool nullIsAbsent, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(static p => p.Key).Union(a.Select(static p => p.Key), StringComparer.Ordinal))
                {
                    var inExpected = e.TryGetPropertyValue(name, out var ev);
                    var inActual = a.TryGetPropertyValue(name, out var av);
                    if (nullIsAbsent && ev is null && av is null)
                    {
                        continue;
                    }

                    if (inExpected != inActual && !nullIsAbsent)
                    {
                        differences.Add($"{path}.{name}: {(inExpected ? Show(ev) : "absent")} vs {(inActual ? Show(av) : "absent")}");
                        continue;
                    }

                    Compare(ev, av, nullIsAbsent, $"{path}.{name}", differences);
                }

                return;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], nullIsAbsent, $"{path}[{i}]", differences);
                }

                return;
            case (JsonValue e, JsonValue a) when Same(e, a):
                return;
            default:
                differences.Add($"{path}: {Show(expected)} vs {Show(actual)}");
                return;
        }
    }

    private static bool Same(JsonValue a, JsonValue b)
    {
        var (x, y) = (a.GetValueKind(), b.GetValueKind());
        if (x == JsonValueKind.Number && y == JsonValueKind.Number)
        {
            return decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (x == JsonValueKind.String && y == JsonValueKind.String)
        {
            var (s, t) = (a.GetValue<string>(), b.GetValue<string>());
            return s == t || (IsDateTime(s, out var u) && IsDateTime(t, out var v) && u == v);
        }

        return x == y && a.ToJsonString() == b.ToJsonString();
    }

    /// <summary>An RFC 3339 date-time: <c>...Z</c> and <c>...+00:00</c> are the same instant, written two ways.</summary>
    private static bool IsDateTime(string text, out DateTimeOffset value)
        => DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
