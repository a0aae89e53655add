using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// Object parameters as OpenAPI's styles write them, from the generated JSON metadata (no reflection): their members,
/// not the .NET type's name.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ObjectParameters
{
    /// <summary>
    /// An object in the query: each member as its own pair (<c>form</c>, exploded, the default), the members as
    /// <c>name=k1,v1,k2,v2</c> (<c>form</c> without explode), or <c>name[k1]=v1</c> (<c>deepObject</c>; a nested object
    /// as <c>name[k1][k2]=v</c>). Null members are left out; a nested structure in a form style is its JSON.
    /// </summary>
    public static void AddToQuery<T>(QueryBuilder query, string name, T value, JsonTypeInfo<T> info, bool deepObject, bool explode)
    {
        ArgumentNullException.ThrowIfNull(query);
        var element = JsonSerializer.SerializeToElement(value, info);
        if (element.ValueKind != JsonValueKind.Object)
        {
            query.Add(name, Scalar(element));
            return;
        }

        if (deepObject)
        {
            AddDeep(query, name, element);
        }
        else if (explode)
        {
            foreach (var member in Members(element))
            {
                query.Add(member.Name, Scalar(member.Value));
            }
        }
        else
        {
            query.Add(name, Joined(element, explode: false));
        }
    }

    /// <summary>An object in a path or header (<c>simple</c> style): <c>k1,v1,k2,v2</c>, or <c>k1=v1,k2=v2</c> exploded.</summary>
    public static string Text<T>(T value, JsonTypeInfo<T> info, bool explode)
    {
        var element = JsonSerializer.SerializeToElement(value, info);
        return element.ValueKind == JsonValueKind.Object ? Joined(element, explode) : Scalar(element);
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
                foreach (var item in member.Value.EnumerateArray())
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

    private static string Joined(JsonElement element, bool explode)
        => string.Join(",", Members(element).Select(m => explode ? m.Name + "=" + Scalar(m.Value) : m.Name + "," + Scalar(m.Value)));

    private static IEnumerable<JsonProperty> Members(JsonElement element)
        => element.EnumerateObject().Where(static m => m.Value.ValueKind != JsonValueKind.Null);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };
}
