using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenApiGen.Reading;

internal static partial class JsonPath
{
    /// <summary>The three types of RFC 9535's function extensions (section 2.4.1).</summary>
    private enum FunctionType
    {
        /// <summary>A JSON value, or Nothing.</summary>
        Value,

        /// <summary>True or false.</summary>
        Logical,

        /// <summary>A node list.</summary>
        Nodes,
    }

    /// <summary>
    /// A function RFC 9535 defines (section 2.4.4 to 2.4.8): its name, what it takes and what it gives. The parser checks
    /// every call against these, so a query that uses one wrongly is rejected before it runs.
    /// </summary>
    private sealed class Function
    {
        public static readonly Function Length = new("length", FunctionType.Value, FunctionType.Value);
        public static readonly Function Count = new("count", FunctionType.Value, FunctionType.Nodes);
        public static readonly Function Match = new("match", FunctionType.Logical, FunctionType.Value, FunctionType.Value);
        public static readonly Function Search = new("search", FunctionType.Logical, FunctionType.Value, FunctionType.Value);
        public static readonly Function ValueOf = new("value", FunctionType.Value, FunctionType.Nodes);

        private static readonly Dictionary<string, Function> s_byName = new(System.StringComparer.Ordinal)
        {
            [Length.Name] = Length,
            [Count.Name] = Count,
            [Match.Name] = Match,
            [Search.Name] = Search,
            [ValueOf.Name] = ValueOf,
        };

        private Function(string name, FunctionType result, params FunctionType[] parameters)
        {
            Name = name;
            Result = result;
            Parameters = parameters;
        }

        public string Name { get; }

        public FunctionType Result { get; }

        public FunctionType[] Parameters { get; }

        public static Function? Find(string name) => s_byName.TryGetValue(name, out var function) ? function : null;
    }

    /// <summary>length(): the characters of a string (Unicode scalar values, not UTF-16 units), the items of an array, the members of an object.</summary>
    private static Value LengthOf(Value value)
    {
        switch (value.IsNothing ? null : value.Node)
        {
            case JsonArray array:
                return Count(array.Count);
            case JsonObject obj:
                return Count(obj.Count);
            case JsonValue text when text.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var s = GetString(text);
                var length = s.Length;
                for (var i = 0; i + 1 < s.Length; i++)
                {
                    if (char.IsSurrogatePair(s[i], s[i + 1]))
                    {
                        length--;
                        i++;
                    }
                }

                return Count(length);
            default:
                return Value.Nothing;
        }
    }

    private static Value Count(int count) => new(JsonValue.Create((long)count));

    /// <summary>
    /// match() (the whole string) and search() (anywhere in it): false unless both are strings and the second is a
    /// valid I-Regexp (RFC 9485).
    /// </summary>
    private static bool Matches(Value text, Value pattern, bool whole, Dictionary<(string, bool), Regex?> cache)
    {
        if (text.IsNothing || pattern.IsNothing || KindOf(text.Node) != System.Text.Json.JsonValueKind.String || KindOf(pattern.Node) != System.Text.Json.JsonValueKind.String)
        {
            return false;
        }

        var source = GetString(pattern.Node!);
        if (!cache.TryGetValue((source, whole), out var regex))
        {
            regex = IRegexp.ToRegex(source, whole);
            cache[(source, whole)] = regex;
        }

        if (regex is null)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(GetString(text.Node!));
        }
        catch (RegexMatchTimeoutException)
        {
            // Only on a host without the non-backtracking engine (IRegexp.ToRegex): nested quantifiers can take long on
            // the backtracking one. A pattern taken from the document must not stall the build: it does not match, here
            // or on any later node, so one expression costs the timeout once, not once a node.
            cache[(source, whole)] = null;
            return false;
        }
    }
}
