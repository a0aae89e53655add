using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// Structured parameters (objects, maps, and unions whichever case they hold) as OpenAPI's styles write them, from
/// the generated JSON metadata (no reflection): their members, not the .NET type's name. The value is written as its
/// JSON is: an object by its members, a list by its items, anything else as one value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ObjectParameters
{
    /// <summary>
    /// A value in the query: an object's members each as its own pair (<c>form</c>, exploded, the default), as
    /// <c>name=k1,v1,k2,v2</c> (<c>form</c> without explode; spaces or pipes for <c>spaceDelimited</c> and
    /// <c>pipeDelimited</c>) or as <c>name[k1]=v1</c> (<c>deepObject</c>; a nested object as <c>name[k1][k2]=v</c>); a
    /// list as a pair an item, or joined the same way; anything else as <c>name=v</c>. Null members are left out; a
    /// nested structure in a form style is its JSON.
    /// </summary>
    public static void AddToQuery<T>(QueryBuilder query, string name, T value, JsonTypeInfo<T> info, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(query);
        var element = JsonSerializer.SerializeToElement(value, info);
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object when style == ParameterStyle.DeepObject:
                AddDeep(query, name, element);
                return;
            case JsonValueKind.Object when explode:
                foreach (var member in Members(element))
                {
                    query.Add(member.Name, Scalar(member.Value));
                }

                return;
            case JsonValueKind.Object:
                query.AddJoined(name, Members(element).SelectMany(static m => new[] { m.Name, Scalar(m.Value) }), Delimiter(style));
                return;
            case JsonValueKind.Array when explode || style == ParameterStyle.DeepObject:
                foreach (var item in Items(element))
                {
                    query.Add(name, Scalar(item));
                }

                return;
            case JsonValueKind.Array:
                query.AddJoined(name, Items(element).Select(Scalar), Delimiter(style));
                return;
            default:
                query.Add(name, Scalar(element));
                return;
        }
    }

    /// <summary>A value in a header (<c>simple</c> style, not escaped): <c>k1,v1,k2,v2</c>, or <c>k1=v1,k2=v2</c> exploded; a list <c>a,b</c>.</summary>
    public static string Text<T>(T value, JsonTypeInfo<T> info, bool explode)
    {
        var element = JsonSerializer.SerializeToElement(value, info);
        return element.ValueKind switch
        {
            JsonValueKind.Object => string.Join(",", Members(element).Select(m => explode ? m.Name + "=" + Scalar(m.Value) : m.Name + "," + Scalar(m.Value))),
            JsonValueKind.Array => string.Join(",", Items(element).Select(Scalar)),
            _ => Scalar(element),
        };
    }

    /// <summary>A value in a path, escaped, in its style (<c>simple</c>, <c>label</c> or <c>matrix</c>; see <see cref="ParameterStyle"/>).</summary>
    internal static string PathText<T>(string name, T value, JsonTypeInfo<T> info, ParameterStyle style, bool explode)
    {
        var element = JsonSerializer.SerializeToElement(value, info);
        return element.ValueKind switch
        {
            JsonValueKind.Object => PathExpansion.Object(name, Members(element).Select(static m => new KeyValuePair<string, string>(m.Name, Scalar(m.Value))), style, explode),
            JsonValueKind.Array => PathExpansion.List(name, Items(element).Select(Scalar), style, explode),
            _ => PathExpansion.Scalar(name, Scalar(element), style),
        };
    }

    private static void AddDeep(QueryBuilder query, string prefix, JsonElement element)
    {
        foreach (var member in Members(element))
        {
            var name = prefix + "[" + member.Name + "]";
            if (member.Value.ValueKind == JsonValueKind.Object)
            {
                AddDeep(query, name, member.Value);
            }
            else if (member.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in Items(member.Value))
                {
                    query.Add(name, Scalar(item));
                }
            }
            else
            {
                query.Add(name, Scalar(member.Value));
            }
        }
    }

    private static string Delimiter(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "%20",
        ParameterStyle.PipeDelimited => "|",
        _ => ",",
    };

    private static IEnumerable<JsonProperty> Members(JsonElement element)
        => element.EnumerateObject().Where(static m => m.Value.ValueKind != JsonValueKind.Null);

    private static IEnumerable<JsonElement> Items(JsonElement element)
        => element.EnumerateArray().Where(static i => i.ValueKind != JsonValueKind.Null);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };
}
