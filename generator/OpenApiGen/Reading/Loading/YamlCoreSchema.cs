using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>Plain-scalar resolution of the YAML 1.2 core schema (section 10.3.2).</summary>
internal static class YamlCoreSchema
{
    public static JsonNode? Resolve(string value)
    {
        switch (value)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return null;
            case "true":
            case "True":
            case "TRUE":
                return JsonValue.Create(true);
            case "false":
            case "False":
            case "FALSE":
                return JsonValue.Create(false);
        }

        var first = value[0];
        if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9')))
        {
            return JsonValue.Create(value);
        }

        if (value.Length > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'o'))
        {
            return value[1] == 'x' ? Radix(value, 16) : Radix(value, 8);
        }

        if (IsDecimalInteger(value))
        {
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            return decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
                ? JsonValue.Create(big)
                : Real(value);
        }

        if (IsFloat(value, out var hasExponent))
        {
            if (!hasExponent && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return JsonValue.Create(exact);
            }

            return Real(value);
        }

        // .inf and .nan match the schema but JSON cannot represent them; they stay text.
        return JsonValue.Create(value);
    }

    private static JsonNode Real(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real) && !double.IsNaN(real)
            ? JsonValue.Create(real)
            : JsonValue.Create(value)!;

    private static JsonNode Radix(string value, int radix)
    {
        var result = BigInteger.Zero;
        for (var i = 2; i < value.Length; i++)
        {
            var digit = HexDigit(value[i]);
            if (digit < 0 || digit >= radix)
            {
                return JsonValue.Create(value)!;
            }

            result = (result * radix) + digit;
        }

        if (result <= long.MaxValue)
        {
            return JsonValue.Create((long)result);
        }

        return result <= new BigInteger(decimal.MaxValue) ? JsonValue.Create((decimal)result) : JsonValue.Create((double)result);
    }

    private static int HexDigit(char c) =>
        c >= '0' && c <= '9' ? c - '0' :
        c >= 'a' && c <= 'f' ? c - 'a' + 10 :
        c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    /// <summary>[-+]?[0-9]+</summary>
    private static bool IsDecimalInteger(string value)
    {
        var i = value[0] == '-' || value[0] == '+' ? 1 : 0;
        if (i == value.Length)
        {
            return false;
        }

        for (; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</summary>
    private static bool IsFloat(string value, out bool hasExponent)
    {
        hasExponent = false;
        var i = value[0] == '-' || value[0] == '+' ? 1 : 0;
        var integerDigits = CountDigits(value, ref i);
        var fractionDigits = 0;
        if (i < value.Length && value[i] == '.')
        {
            i++;
            fractionDigits = CountDigits(value, ref i);
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            return false;
        }

        if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
        {
            hasExponent = true;
            i++;
            if (i < value.Length && (value[i] == '-' || value[i] == '+'))
            {
                i++;
            }

            if (CountDigits(value, ref i) == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static int CountDigits(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && value[i] >= '0' && value[i] <= '9')
        {
            i++;
        }

        return i - start;
    }
}
