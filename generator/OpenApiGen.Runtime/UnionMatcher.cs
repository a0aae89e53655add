using System.ComponentModel;
using System.Text.Json;

namespace OpenApiGen.Runtime;

/// <summary>What an object case of a union expects of the JSON, for <see cref="UnionMatcher"/>.</summary>
/// <param name="Required">Members the JSON must have.</param>
/// <param name="Declared">Members the case declares.</param>
/// <param name="Constraints">Members whose value, when present, must be one of a closed set of strings.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record UnionObjectCase(string[] Required, string[] Declared, UnionValueConstraint[] Constraints);

/// <summary>A member whose value tells union cases apart.</summary>
/// <param name="Name">The member's wire name.</param>
/// <param name="Values">The values a case accepts.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record UnionValueConstraint(string Name, string[] Values);

/// <summary>
/// Orders the object cases of a union for a JSON object: cases whose required members are missing, or whose closed
/// values the JSON contradicts, are out; the rest are ranked by how many of their declared members are present, so the
/// generated reader tries the likeliest first. An empty result means no case fits and the raw JSON is kept.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnionMatcher
{
    /// <summary>
    /// The indexes of the cases that can hold the object the reader is on, likeliest first; the reader does not move
    /// (the object is looked at on a copy).
    /// </summary>
    public static int[] Rank(ref Utf8JsonReader reader, UnionObjectCase[] cases)
    {
        var scan = reader;
        using var document = JsonDocument.ParseValue(ref scan);
        return Rank(document.RootElement, cases);
    }

    /// <summary>
    /// Reads the value the reader is on as one union case with <paramref name="read"/>; when that fails as bad input, the
    /// reader is left where it was, so the next case can be tried.
    /// </summary>
    /// <returns>Whether the value is this case.</returns>
    public static bool TryRead<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> read, out T value)
    {
        ArgumentNullException.ThrowIfNull(read);
        var copy = reader;
        try
        {
            value = read(ref copy, options);
        }
        catch (Exception error) when (JsonRead.IsReadError(error))
        {
            value = default!;
            return false;
        }

        reader = copy;
        return true;
    }

    /// <summary>
    /// Reads a string as an extensible enum case, only when it is one of the documented values: telling cases apart
    /// needs a closed set. Otherwise the reader is left where it was.
    /// </summary>
    /// <returns>Whether the value is this case.</returns>
    public static bool TryReadKnown<T>(ref Utf8JsonReader reader, IReadOnlyList<T> known, out T value)
        where T : struct, IExtensibleEnum<T>
    {
        ArgumentNullException.ThrowIfNull(known);
        value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : default(T);
        return value.Value is not null && known.Contains(value);
    }

    /// <summary>The indexes of the cases that can hold <paramref name="json"/>, likeliest first; ties keep the spec's order.</summary>
    public static int[] Rank(JsonElement json, UnionObjectCase[] cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var viable = new List<(int Index, int Score)>(cases.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            if (Fits(json, cases[i]))
            {
                var score = 0;
                foreach (var name in cases[i].Declared)
                {
                    if (json.TryGetProperty(name, out _))
                    {
                        score++;
                    }
                }

                viable.Add((i, score));
            }
        }

        return viable.OrderByDescending(static c => c.Score).ThenBy(static c => c.Index).Select(static c => c.Index).ToArray();
    }

    private static bool Fits(JsonElement json, UnionObjectCase candidate)
    {
        foreach (var name in candidate.Required)
        {
            if (!json.TryGetProperty(name, out _))
            {
                return false;
            }
        }

        foreach (var constraint in candidate.Constraints)
        {
            if (json.TryGetProperty(constraint.Name, out var value)
                && (value.ValueKind != JsonValueKind.String || Array.IndexOf(constraint.Values, value.GetString()) < 0))
            {
                return false;
            }
        }

        return true;
    }
}
