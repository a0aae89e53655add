using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>How a top-level member of a form body is written when it is a list or an object.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FormStyle
{
    /// <summary>
    /// The way Stripe-style APIs (and Rails, PHP) read forms, the default: an object's members as <c>a[b]=v</c>, a list
    /// of values as <c>a[]=x&amp;a[]=y</c>, a list of objects as <c>a[0][b]=v</c>; nested to any depth.
    /// </summary>
    DeepObject,

    /// <summary>OpenAPI's <c>form</c> style, exploded: a list as <c>a=x&amp;a=y</c>; an object as its JSON text.</summary>
    Form,

    /// <summary>OpenAPI's <c>form</c> style without explode: a list as <c>a=x,y</c>; an object as its JSON text.</summary>
    FormNotExploded,
}

/// <summary>
/// Writes an <c>application/x-www-form-urlencoded</c> body member by member from a value's generated JSON metadata
/// (so its wire names, nulls left out, and no reflection): no generated writer per form class. Scalars are their
/// JSON text without quotes (<c>true</c>, <c>12.5</c>); names and values are escaped as forms require.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FormUrlEncoded
{
    /// <summary>The body for <paramref name="value"/>.</summary>
    /// <param name="value">The form's value.</param>
    /// <param name="info">Its JSON metadata.</param>
    /// <param name="styles">The style of a top-level member, by wire name, when the spec's <c>encoding</c> gives one; others are <see cref="FormStyle.DeepObject"/>.</param>
    public static HttpContent Content<T>(T value, JsonTypeInfo<T> info, IReadOnlyDictionary<string, FormStyle>? styles = null)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Text(value, info, styles)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>The encoded text of <paramref name="value"/>: <c>a=1&amp;b%5Bc%5D=2</c>.</summary>
    public static string Text<T>(T value, JsonTypeInfo<T> info, IReadOnlyDictionary<string, FormStyle>? styles = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        var element = JsonSerializer.SerializeToElement(value, info);
        var pairs = new StringBuilder();
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A form body is an object; {typeof(T).Name} is written as JSON {element.ValueKind}.", nameof(value));
        }

        foreach (var member in element.EnumerateObject())
        {
            var style = styles is not null && styles.TryGetValue(member.Name, out var given) ? given : FormStyle.DeepObject;
            switch (style)
            {
                case FormStyle.DeepObject:
                    AddDeep(pairs, member.Name, member.Value);
                    break;
                case FormStyle.FormNotExploded when member.Value.ValueKind == JsonValueKind.Array:
                    Add(pairs, member.Name, string.Join(",", member.Value.EnumerateArray().Where(static v => v.ValueKind != JsonValueKind.Null).Select(Scalar)));
                    break;
                case FormStyle.Form when member.Value.ValueKind == JsonValueKind.Array:
                    foreach (var item in member.Value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Null)
                        {
                            Add(pairs, member.Name, Scalar(item));
                        }
                    }

                    break;
                default:
                    if (member.Value.ValueKind != JsonValueKind.Null)
                    {
                        Add(pairs, member.Name, Scalar(member.Value));
                    }

                    break;
            }
        }

        return pairs.ToString();
    }

    private static void AddDeep(StringBuilder pairs, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    AddDeep(pairs, name + "[" + member.Name + "]", member.Value);
                }

                return;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    // A list of structures needs an index to keep each item's members together; a list of values does not.
                    var structured = item.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
                    AddDeep(pairs, name + (structured ? "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : "[]"), item);
                    index++;
                }

                return;
            default:
                Add(pairs, name, Scalar(value));
                return;
        }
    }

    private static void Add(StringBuilder pairs, string name, string value)
    {
        if (pairs.Length > 0)
        {
            pairs.Append('&');
        }

        pairs.Append(Escape(name)).Append('=').Append(Escape(value));
    }

    /// <summary>Form escaping: RFC 3986 unreserved characters kept, a space as <c>+</c> (as browsers and FormUrlEncodedContent send it).</summary>
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
