using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

internal static partial class JsonPath
{
    /// <summary>A comparison operand: a node (possibly a JSON null) or Nothing, when a query selected no node.</summary>
    private readonly struct Value
    {
        public static readonly Value Nothing = new Value(null, isNothing: true);

        public Value(JsonNode? node)
            : this(node, isNothing: false)
        {
        }

        private Value(JsonNode? node, bool isNothing)
        {
            Node = node;
            IsNothing = isNothing;
        }

        public JsonNode? Node { get; }

        public bool IsNothing { get; }
    }

    private static bool Compare(Value left, string op, Value right)
    {
        switch (op)
        {
            case "==":
                return AreEqual(left, right);
            case "!=":
                return !AreEqual(left, right);
            case "<":
                return IsLess(left, right);
            case "<=":
                return IsLess(left, right) || AreEqual(left, right);
            case ">":
                return IsLess(right, left);
            default:
                return IsLess(right, left) || AreEqual(left, right);
        }
    }

    private static bool AreEqual(Value left, Value right)
    {
        if (left.IsNothing || right.IsNothing)
        {
            return left.IsNothing && right.IsNothing;
        }

        return NodesEqual(left.Node, right.Node);
    }

    private static bool NodesEqual(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return TryGetNumber(left!, out var a) && TryGetNumber(right!, out var b) && a.CompareTo(b) == 0;
            case JsonValueKind.String:
                return string.Equals(GetString(left!), GetString(right!), StringComparison.Ordinal);
            case JsonValueKind.Array:
                var leftArray = (JsonArray)left!;
                var rightArray = (JsonArray)right!;
                if (leftArray.Count != rightArray.Count)
                {
                    return false;
                }

                for (var i = 0; i < leftArray.Count; i++)
                {
                    if (!NodesEqual(leftArray[i], rightArray[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                var leftObject = (JsonObject)left!;
                var rightObject = (JsonObject)right!;
                if (leftObject.Count != rightObject.Count)
                {
                    return false;
                }

                foreach (var property in leftObject)
                {
                    if (!rightObject.TryGetPropertyValue(property.Key, out var other) || !NodesEqual(property.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Only numbers with numbers and strings with strings are ordered; anything else is not less.</summary>
    private static bool IsLess(Value left, Value right)
    {
        if (left.IsNothing || right.IsNothing)
        {
            return false;
        }

        var kind = KindOf(left.Node);
        if (kind != KindOf(right.Node))
        {
            return false;
        }

        if (kind == JsonValueKind.Number)
        {
            return TryGetNumber(left.Node!, out var a) && TryGetNumber(right.Node!, out var b) && a.CompareTo(b) < 0;
        }

        return kind == JsonValueKind.String && CompareScalarValues(GetString(left.Node!), GetString(right.Node!)) < 0;
    }

    private static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    /// <summary>
    /// Orders by Unicode scalar value, as RFC 9535 requires; plain UTF-16 ordinal order differs for characters
    /// above U+E000 compared with surrogate pairs.
    /// </summary>
    private static int CompareScalarValues(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Fix(a[i]) - Fix(b[i]);
            }
        }

        return a.Length - b.Length;

        static int Fix(char c) => c < '\uD800' ? c : c >= '\uE000' ? c - 0x800 : c + 0x2000;
    }

    private static string GetString(JsonNode node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        // A value built from another CLR type that serializes as a string (char, Guid, DateTime...).
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.GetString() ?? string.Empty;
    }

    /// <summary>
    /// Numbers may be backed by any CLR numeric type (or a JsonElement); decimal keeps comparisons exact where
    /// it can, double covers the rest.
    /// </summary>
    private static bool TryGetNumber(JsonNode node, out Number number)
    {
        number = default;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue<long>(out var l))
        {
            number = new Number((decimal)l);
            return true;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            number = new Number(m);
            return true;
        }

        if (value.TryGetValue<double>(out var d))
        {
            number = new Number(d);
            return true;
        }

        if (value.TryGetValue<int>(out var i))
        {
            number = new Number((decimal)i);
            return true;
        }

        if (value.TryGetValue<float>(out var f))
        {
            number = new Number((double)f);
            return true;
        }

        if (value.TryGetValue<ulong>(out var ul))
        {
            number = new Number((decimal)ul);
            return true;
        }

        // Remaining integral types and anything exotic: go through the JSON text.
        using var document = JsonDocument.Parse(node.ToJsonString());
        var element = document.RootElement;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        number = element.TryGetDecimal(out m) ? new Number(m) : new Number(element.GetDouble());
        return true;
    }

    private readonly struct Number
    {
        private readonly decimal _decimal;
        private readonly double _double;
        private readonly bool _isDecimal;

        public Number(decimal value)
        {
            _decimal = value;
            _double = (double)value;
            _isDecimal = true;
        }

        public Number(double value)
        {
            _decimal = 0;
            _double = value;
            _isDecimal = false;
        }

        public int CompareTo(Number other) =>
            _isDecimal && other._isDecimal ? _decimal.CompareTo(other._decimal) : _double.CompareTo(other._double);
    }
}
