using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// How a top-level member of a form body is written when the spec's <c>encoding</c> names it (OpenAPI's Encoding
/// Object: <c>style</c> and <c>explode</c>, or a <c>contentType</c> of JSON). A member it does not name is written as
/// described on <see cref="FormUrlEncoded"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FormStyle
{
    /// <summary>
    /// <c>deepObject</c>, the way Stripe-style APIs (and Rails, PHP) read forms: an object's members as <c>a[b]=v</c>,
    /// a list of values as <c>a[]=x&amp;a[]=y</c>, a list of objects as <c>a[0][b]=v</c>; nested to any depth.
    /// </summary>
    DeepObject,

    /// <summary><c>form</c>, exploded: a list as <c>a=x&amp;a=y</c>; an object's members as pairs of their own (<c>b=v</c>).</summary>
    Form,

    /// <summary><c>form</c> without explode: a list as <c>a=x,y</c>; an object as <c>a=b,v,c,w</c>.</summary>
    FormNotExploded,

    /// <summary><c>spaceDelimited</c>: a list as <c>a=x y</c> (<c>x+y</c> on the wire); an object as <c>a=b v</c>.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: a list as <c>a=x|y</c>; an object as <c>a=b|v</c>.</summary>
    PipeDelimited,

    /// <summary>A <c>contentType</c> of JSON: the member's JSON text as its value.</summary>
    Json,
}

/// <summary>
/// Writes an <c>application/x-www-form-urlencoded</c> body member by member from a value's generated JSON metadata
/// (so its wire names, nulls left out, and no reflection): no generated writer per form class. Scalars are their JSON
/// text without quotes, so invariant (<c>true</c>, <c>12.5</c>, an enum by its wire value, a date as RFC 3339); names
/// and values are escaped as forms require. A member the spec's <c>encoding</c> does not name is written as OpenAPI's
/// default (<c>form</c>, exploded) writes a value or a list of values, <c>a=x&amp;a=y</c> (Twilio's <c>MediaUrl</c>);
/// an object, or a list of them, is nested as <see cref="FormStyle.DeepObject"/> does (<c>a[b]=v</c>,
/// <c>a[0][b]=v</c>), since spreading its members among the form's own (what <c>form</c> would do) loses where they
/// belong.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FormUrlEncoded
{
    /// <summary>The body for <paramref name="value"/>.</summary>
    /// <param name="value">The form's value.</param>
    /// <param name="info">Its JSON metadata.</param>
    /// <param name="styles">The style of a top-level member, by wire name, where the spec's <c>encoding</c> gives one.</param>
    public static HttpContent Content<T>(T value, JsonTypeInfo<T> info, params (string Member, FormStyle Style)[] styles)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Text(value, info, styles)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>The encoded text of <paramref name="value"/>: <c>a=1&amp;b%5Bc%5D=2</c>.</summary>
    /// <exception cref="ArgumentException">The value is not written as a JSON object (a union's case that is a string, say): a form has no place for it.</exception>
    public static string Text<T>(T value, JsonTypeInfo<T> info, params (string Member, FormStyle Style)[] styles)
    {
        ArgumentNullException.ThrowIfNull(info);
        var element = JsonSerializer.SerializeToElement(value, info);
        var pairs = new StringBuilder();
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A form body is an object; this {typeof(T).Name} is written as JSON {element.ValueKind}.", nameof(value));
        }

        foreach (var member in element.EnumerateObject())
        {
            var given = member.Value;
            if (given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            switch (StyleOf(member.Name, styles))
            {
                case null when given.ValueKind == JsonValueKind.Array && given.EnumerateArray().All(static i => !IsStructure(i)):
                case FormStyle.Form when given.ValueKind == JsonValueKind.Array:
                    foreach (var item in Items(given))
                    {
                        Add(pairs, member.Name, Scalar(item));
                    }

                    break;
                case null:
                case FormStyle.DeepObject:
                    AddDeep(pairs, member.Name, given);
                    break;
                case FormStyle.Form when given.ValueKind == JsonValueKind.Object:
                    foreach (var inner in given.EnumerateObject().Where(static m => m.Value.ValueKind != JsonValueKind.Null))
                    {
                        Add(pairs, inner.Name, Scalar(inner.Value));
                    }

                    break;
                case FormStyle.Json:
                    Add(pairs, member.Name, given.GetRawText());
                    break;
                case { } joined when given.ValueKind is JsonValueKind.Array or JsonValueKind.Object:
                    var delimiter = joined switch { FormStyle.SpaceDelimited => " ", FormStyle.PipeDelimited => "|", _ => "," };
                    var parts = given.ValueKind == JsonValueKind.Array
                        ? Items(given).Select(Scalar)
                        : given.EnumerateObject().Where(static m => m.Value.ValueKind != JsonValueKind.Null).SelectMany(static m => new[] { m.Name, Scalar(m.Value) });
                    Add(pairs, member.Name, string.Join(delimiter, parts));
                    break;
                default:
                    Add(pairs, member.Name, Scalar(given));
                    break;
            }
        }

        return pairs.ToString();
    }

    private static FormStyle? StyleOf(string member, (string Member, FormStyle Style)[]? styles)
    {
        foreach (var (name, style) in styles ?? [])
        {
            if (name == member)
            {
                return style;
            }
        }

        return null;
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
                foreach (var item in Items(value))
                {
                    // A list of structures needs an index to keep each item's members together; a list of values does not.
                    AddDeep(pairs, name + (IsStructure(item) ? "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : "[]"), item);
                    index++;
                }

                return;
            default:
                Add(pairs, name, Scalar(value));
                return;
        }
    }

    private static bool IsStructure(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static IEnumerable<JsonElement> Items(JsonElement list) => list.EnumerateArray().Where(static i => i.ValueKind != JsonValueKind.Null);

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

    // A structure inside a member written in a form style (a list's object item) is its JSON: the closest a flat pair can say.
    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
