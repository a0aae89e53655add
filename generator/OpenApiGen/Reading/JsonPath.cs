using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace OpenApiGen.Reading;

/// <summary>
/// One node selected by a JSONPath query, with enough context to change the tree there: JSON null values are
/// C# null in System.Text.Json, so a match is identified by its parent and key or index, not by the node.
/// </summary>
internal sealed class JsonPathMatch
{
    private readonly JsonPath.Location _location;
    private string? _pointer;

    internal JsonPathMatch(JsonPath.Location location)
    {
        _location = location;
    }

    /// <summary>The selected value (null for a JSON null).</summary>
    public JsonNode? Node => _location.Node;

    /// <summary>The <see cref="JsonObject"/> or <see cref="JsonArray"/> holding the node; null for the root.</summary>
    public JsonNode? Parent => _location.Parent?.Node;

    /// <summary>The member name when <see cref="Parent"/> is an object, otherwise null.</summary>
    public string? Key => _location.Name;

    /// <summary>The element index when <see cref="Parent"/> is an array, otherwise -1.</summary>
    public int Index => _location.Name is null && _location.Parent is not null ? _location.Index : -1;

    /// <summary>RFC 6901 pointer of the node ("" for the root), built on first use only.</summary>
    public string Pointer => _pointer ??= _location.ToPointer();

    public override string ToString() => Pointer;
}

/// <summary>Either the matches of a query, in RFC 9535 order, or why the query could not be used.</summary>
internal sealed class JsonPathResult
{
    private JsonPathResult(ImmutableArray<JsonPathMatch> matches, string? error, int errorPosition)
    {
        Matches = matches;
        Error = error;
        ErrorPosition = errorPosition;
    }

    public bool Succeeded => Error is null;

    /// <summary>Empty when the query failed.</summary>
    public ImmutableArray<JsonPathMatch> Matches { get; }

    public string? Error { get; }

    /// <summary>Character index in the expression where the problem was found; -1 on success.</summary>
    public int ErrorPosition { get; }

    internal static JsonPathResult Success(ImmutableArray<JsonPathMatch> matches) => new JsonPathResult(matches, null, -1);

    internal static JsonPathResult Failure(string error, int position) => new JsonPathResult(ImmutableArray<JsonPathMatch>.Empty, error, position);
}

/// <summary>
/// An RFC 9535 JSONPath evaluator over System.Text.Json nodes, for overlay targets. It implements the whole
/// query syntax except function extensions (length(), count(), match(), search(), value()), which are
/// rejected with an error that names them.
/// </summary>
internal static class JsonPath
{
    // Bounds recursion in the parser; real overlay targets nest two or three levels.
    private const int MaxNesting = 64;

    // RFC 9535 restricts integers to the I-JSON range.
    private const long MaxSafeInteger = 9007199254740991;

    /// <summary>Never throws for a bad expression; only cancellation escapes.</summary>
    public static JsonPathResult Evaluate(JsonNode? root, string expression, CancellationToken ct = default)
    {
        if (expression is null)
        {
            return JsonPathResult.Failure("the query is empty", 0);
        }

        Query query;
        try
        {
            query = new Parser(expression).ParseQuery();
        }
        catch (SyntaxError error)
        {
            return JsonPathResult.Failure(error.Message, error.Position);
        }

        var locations = new Evaluator(root, ct).Run(query);
        var matches = ImmutableArray.CreateBuilder<JsonPathMatch>(locations.Count);
        foreach (var location in locations)
        {
            matches.Add(new JsonPathMatch(location));
        }

        return JsonPathResult.Success(matches.MoveToImmutable());
    }

    /// <summary>A node and how it was reached; the chain of parents gives its pointer without copying strings.</summary>
    internal sealed class Location
    {
        public Location(JsonNode? node, Location? parent, string? name, int index)
        {
            Node = node;
            Parent = parent;
            Name = name;
            Index = index;
        }

        public JsonNode? Node { get; }

        public Location? Parent { get; }

        public string? Name { get; }

        public int Index { get; }

        public string ToPointer()
        {
            var segments = new List<Location>();
            for (var current = this; current.Parent is not null; current = current.Parent)
            {
                segments.Add(current);
            }

            var builder = new StringBuilder();
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                builder.Append('/');
                var segment = segments[i];
                if (segment.Name is null)
                {
                    builder.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    foreach (var c in segment.Name)
                    {
                        if (c == '~')
                        {
                            builder.Append("~0");
                        }
                        else if (c == '/')
                        {
                            builder.Append("~1");
                        }
                        else
                        {
                            builder.Append(c);
                        }
                    }
                }
            }

            return builder.ToString();
        }
    }

    private sealed class SyntaxError : Exception
    {
        public SyntaxError(string message, int position)
            : base(message)
        {
            Position = position;
        }

        public int Position { get; }
    }

    // ---- Syntax tree -------------------------------------------------------------------------------------

    private sealed class Query
    {
        public Query(bool relative, Segment[] segments, int position)
        {
            Relative = relative;
            Segments = segments;
            Position = position;
        }

        public bool Relative { get; }

        public Segment[] Segments { get; }

        public int Position { get; }

        /// <summary>RFC 9535 2.3.5.1: only single names and indices, so the result is at most one node.</summary>
        public bool IsSingular
        {
            get
            {
                foreach (var segment in Segments)
                {
                    if (segment.Descendant || segment.Selectors.Length != 1 || !(segment.Selectors[0] is NameSelector || segment.Selectors[0] is IndexSelector))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    private sealed class Segment
    {
        public Segment(bool descendant, Selector[] selectors)
        {
            Descendant = descendant;
            Selectors = selectors;
        }

        public bool Descendant { get; }

        public Selector[] Selectors { get; }
    }

    private abstract class Selector
    {
    }

    private sealed class NameSelector : Selector
    {
        public NameSelector(string name) => Name = name;

        public string Name { get; }
    }

    private sealed class WildcardSelector : Selector
    {
        public static readonly WildcardSelector Instance = new WildcardSelector();
    }

    private sealed class IndexSelector : Selector
    {
        public IndexSelector(long index) => Index = index;

        public long Index { get; }
    }

    private sealed class SliceSelector : Selector
    {
        public SliceSelector(long? start, long? end, long step)
        {
            Start = start;
            End = end;
            Step = step;
        }

        public long? Start { get; }

        public long? End { get; }

        public long Step { get; }
    }

    private sealed class FilterSelector : Selector
    {
        public FilterSelector(Expression expression) => Expression = expression;

        public Expression Expression { get; }
    }

    private abstract class Expression
    {
    }

    private sealed class OrExpression : Expression
    {
        public OrExpression(List<Expression> operands) => Operands = operands;

        public List<Expression> Operands { get; }
    }

    private sealed class AndExpression : Expression
    {
        public AndExpression(List<Expression> operands) => Operands = operands;

        public List<Expression> Operands { get; }
    }

    private sealed class NotExpression : Expression
    {
        public NotExpression(Expression operand) => Operand = operand;

        public Expression Operand { get; }
    }

    /// <summary>True when the query selects at least one node (even a JSON null).</summary>
    private sealed class ExistenceTest : Expression
    {
        public ExistenceTest(Query query) => Query = query;

        public Query Query { get; }
    }

    private sealed class Comparison : Expression
    {
        public Comparison(Comparable left, string op, Comparable right)
        {
            Left = left;
            Operator = op;
            Right = right;
        }

        public Comparable Left { get; }

        public string Operator { get; }

        public Comparable Right { get; }
    }

    /// <summary>A literal (held as a node so both sides compare alike) or a singular query.</summary>
    private sealed class Comparable
    {
        public Comparable(JsonNode? literal)
        {
            Literal = literal;
        }

        public Comparable(Query query)
        {
            Query = query;
        }

        public JsonNode? Literal { get; }

        public Query? Query { get; }
    }

    // ---- Parser ------------------------------------------------------------------------------------------

    /// <summary>Recursive descent over the RFC 9535 ABNF; positions are character indices for error spans.</summary>
    private sealed class Parser
    {
        private readonly string _text;
        private int _pos;
        private int _nesting;

        public Parser(string text) => _text = text;

        public Query ParseQuery()
        {
            if (_text.Length == 0)
            {
                throw new SyntaxError("the query is empty; it must start with '$'", 0);
            }

            if (Current != '$')
            {
                throw new SyntaxError("a query must start with '$' (the document root)", 0);
            }

            _pos++;
            var query = new Query(false, ParseSegments(), 0);
            if (_pos < _text.Length)
            {
                throw Unexpected();
            }

            return query;
        }

        private char Current => _pos < _text.Length ? _text[_pos] : '\0';

        private bool AtEnd => _pos >= _text.Length;

        private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

        private Segment[] ParseSegments()
        {
            var segments = new List<Segment>();
            while (true)
            {
                // Blank space is allowed between segments, but only when a segment follows it.
                var save = _pos;
                SkipBlank();
                if (Current == '[')
                {
                    segments.Add(new Segment(false, ParseBracketed()));
                }
                else if (Current == '.' && Peek(1) == '.')
                {
                    _pos += 2;
                    segments.Add(new Segment(true, ParseAfterDescendant()));
                }
                else if (Current == '.')
                {
                    _pos++;
                    segments.Add(new Segment(false, new[] { ParseShorthand() }));
                }
                else
                {
                    _pos = save;
                    return segments.ToArray();
                }
            }
        }

        private Selector[] ParseAfterDescendant()
        {
            if (Current == '[')
            {
                return ParseBracketed();
            }

            return new[] { ParseShorthand() };
        }

        /// <summary>After '.' or '..': '*' or a member name that looks like an identifier.</summary>
        private Selector ParseShorthand()
        {
            if (Current == '*')
            {
                _pos++;
                return WildcardSelector.Instance;
            }

            var start = _pos;
            if (!IsNameFirst(Current))
            {
                var found = AtEnd ? "the end of the query" : "'" + Current + "'";
                throw new SyntaxError(
                    "expected a member name or '*' after '.', found " + found + "; names that are not identifiers (digits first, '/', '-', spaces) need bracket notation, e.g. ['/pets'] or ['200']",
                    _pos);
            }

            while (!AtEnd && (IsNameFirst(Current) || (Current >= '0' && Current <= '9')))
            {
                _pos++;
            }

            if (Current == '-')
            {
                throw new SyntaxError("'-' cannot appear in a dotted member name; use bracket notation, e.g. ['" + _text.Substring(start, _pos - start) + "-...']", _pos);
            }

            if (Current == '(')
            {
                throw FunctionNotSupported(start);
            }

            return new NameSelector(_text.Substring(start, _pos - start));
        }

        private static bool IsNameFirst(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';

        private Selector[] ParseBracketed()
        {
            var open = _pos;
            _pos++;
            var selectors = new List<Selector>();
            while (true)
            {
                SkipBlank();
                if (AtEnd)
                {
                    throw new SyntaxError("'[' at " + open.ToString(CultureInfo.InvariantCulture) + " is not closed", _pos);
                }

                selectors.Add(ParseSelector());
                SkipBlank();
                if (Current == ',')
                {
                    _pos++;
                    continue;
                }

                if (Current == ']')
                {
                    _pos++;
                    return selectors.ToArray();
                }

                if (AtEnd)
                {
                    throw new SyntaxError("'[' at " + open.ToString(CultureInfo.InvariantCulture) + " is not closed", _pos);
                }

                throw new SyntaxError("expected ',' or ']' but found '" + Current + "'", _pos);
            }
        }

        private Selector ParseSelector()
        {
            var c = Current;
            if (c == '\'' || c == '"')
            {
                return new NameSelector(ParseStringLiteral());
            }

            if (c == '*')
            {
                _pos++;
                return WildcardSelector.Instance;
            }

            if (c == '?')
            {
                _pos++;
                Enter();
                SkipBlank();
                var filter = new FilterSelector(ParseOr());
                _nesting--;
                return filter;
            }

            if (c == ':' || c == '-' || (c >= '0' && c <= '9'))
            {
                return ParseIndexOrSlice();
            }

            if (c == ']')
            {
                throw new SyntaxError("empty brackets: a selector is needed between '[' and ']'", _pos);
            }

            if (IsNameFirst(c))
            {
                throw new SyntaxError("member names in brackets must be quoted, e.g. ['" + ReadWord() + "']", _pos);
            }

            throw Unexpected();
        }

        private Selector ParseIndexOrSlice()
        {
            var start = Current == ':' ? (long?)null : ParseInteger();
            SkipBlank();
            if (Current != ':')
            {
                return new IndexSelector(start!.Value);
            }

            _pos++;
            SkipBlank();
            long? end = null;
            if (Current == '-' || (Current >= '0' && Current <= '9'))
            {
                end = ParseInteger();
                SkipBlank();
            }

            long step = 1;
            if (Current == ':')
            {
                _pos++;
                SkipBlank();
                if (Current == '-' || (Current >= '0' && Current <= '9'))
                {
                    step = ParseInteger();
                }
            }

            return new SliceSelector(start, end, step);
        }

        /// <summary>RFC 9535 int: "0" or an optional '-' and a digit string without leading zeros.</summary>
        private long ParseInteger()
        {
            var start = _pos;
            if (Current == '-')
            {
                _pos++;
            }

            var digitsStart = _pos;
            while (Current >= '0' && Current <= '9')
            {
                _pos++;
            }

            var digits = _pos - digitsStart;
            if (digits == 0)
            {
                throw new SyntaxError("expected a digit", _pos);
            }

            if (_text[digitsStart] == '0' && (digits > 1 || digitsStart > start))
            {
                throw new SyntaxError("integers cannot have leading zeros or be '-0'", start);
            }

            if (digits > 16 || !long.TryParse(_text.Substring(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value > MaxSafeInteger || value < -MaxSafeInteger)
            {
                throw new SyntaxError("integer out of range (at most 2^53-1 in magnitude)", start);
            }

            return value;
        }

        private string ParseStringLiteral()
        {
            var quote = Current;
            var open = _pos;
            _pos++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new SyntaxError("string literal is not closed", open);
                }

                var c = _text[_pos];
                if (c == quote)
                {
                    _pos++;
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new SyntaxError("control characters must be escaped in string literals", _pos);
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    _pos++;
                    continue;
                }

                var escape = _pos;
                _pos++;
                var e = Current;
                _pos++;
                switch (e)
                {
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case '/': builder.Append('/'); break;
                    case '\\': builder.Append('\\'); break;
                    case 'u': builder.Append(ParseUnicodeEscape(escape)); break;
                    default:
                        if (e == quote)
                        {
                            builder.Append(e);
                            break;
                        }

                        throw new SyntaxError("invalid escape sequence '\\" + (e == '\0' ? string.Empty : e.ToString()) + "'", escape);
                }
            }
        }

        /// <summary>\uXXXX, where a high surrogate must be followed by an escaped low surrogate.</summary>
        private string ParseUnicodeEscape(int escape)
        {
            var high = ParseHex4(escape);
            if (high >= 0xDC00 && high <= 0xDFFF)
            {
                throw new SyntaxError("a low surrogate escape must follow a high surrogate", escape);
            }

            if (high < 0xD800 || high > 0xDBFF)
            {
                return ((char)high).ToString();
            }

            if (Current != '\\' || Peek(1) != 'u')
            {
                throw new SyntaxError("a high surrogate escape must be followed by a low surrogate escape", escape);
            }

            var second = _pos;
            _pos += 2;
            var low = ParseHex4(second);
            if (low < 0xDC00 || low > 0xDFFF)
            {
                throw new SyntaxError("a high surrogate escape must be followed by a low surrogate escape", second);
            }

            return new string(new[] { (char)high, (char)low });
        }

        private int ParseHex4(int escape)
        {
            var value = 0;
            for (var i = 0; i < 4; i++)
            {
                var c = Current;
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0)
                {
                    throw new SyntaxError("'\\u' must be followed by four hexadecimal digits", escape);
                }

                value = (value * 16) + digit;
                _pos++;
            }

            return value;
        }

        // ---- Filter expressions ----

        private Expression ParseOr() => ParseJoined('|', ParseAnd, static operands => new OrExpression(operands));

        private Expression ParseAnd() => ParseJoined('&', ParseBasic, static operands => new AndExpression(operands));

        /// <summary>Operands joined by a doubled operator (<c>||</c>, <c>&amp;&amp;</c>), each parsed by the next level down.</summary>
        private Expression ParseJoined(char op, Func<Expression> operand, Func<List<Expression>, Expression> join)
        {
            var operands = new List<Expression> { operand() };
            while (true)
            {
                var save = _pos;
                SkipBlank();
                if (Current == op && Peek(1) == op)
                {
                    _pos += 2;
                    SkipBlank();
                    operands.Add(operand());
                }
                else
                {
                    _pos = save;
                    return operands.Count == 1 ? operands[0] : join(operands);
                }
            }
        }

        private Expression ParseBasic()
        {
            if (Current == '!')
            {
                _pos++;
                SkipBlank();
                if (Current == '(')
                {
                    return new NotExpression(ParseParenthesized());
                }

                if (Current == '@' || Current == '$')
                {
                    var query = ParseFilterQuery();
                    var save = _pos;
                    SkipBlank();
                    if (TryReadComparisonOperator(out _))
                    {
                        throw new SyntaxError("'!' cannot negate a comparison directly; wrap the comparison in parentheses: !(@.a == 1)", save);
                    }

                    _pos = save;
                    return new NotExpression(new ExistenceTest(query));
                }

                if (IsFunctionStart())
                {
                    throw FunctionNotSupported(_pos);
                }

                throw new SyntaxError("'!' must be followed by '(' or a query starting with '@' or '$'", _pos);
            }

            if (Current == '(')
            {
                return ParseParenthesized();
            }

            var left = ParseComparable(out var leftIsQuery);
            var beforeOperator = _pos;
            SkipBlank();
            var operatorPosition = _pos;
            if (!TryReadComparisonOperator(out var op))
            {
                if (leftIsQuery)
                {
                    _pos = beforeOperator;
                    return new ExistenceTest(left.Query!);
                }

                throw new SyntaxError(
                    "a literal in a filter must be compared with something (==, !=, <, <=, >, >=)" + (AtEnd ? string.Empty : ", found '" + Current + "'"),
                    operatorPosition);
            }

            SkipBlank();
            var right = ParseComparable(out _);
            RequireSingular(left);
            RequireSingular(right);
            return new Comparison(left, op, right);
        }

        private static void RequireSingular(Comparable comparable)
        {
            if (comparable.Query is { IsSingular: false } query)
            {
                throw new SyntaxError(
                    "only singular queries (names and indices, no '*', '..', slices or filters) can be compared",
                    query.Position);
            }
        }

        private Expression ParseParenthesized()
        {
            var open = _pos;
            _pos++;
            Enter();
            SkipBlank();
            var inner = ParseOr();
            SkipBlank();
            if (Current != ')')
            {
                throw AtEnd ? new SyntaxError("'(' at " + open.ToString(CultureInfo.InvariantCulture) + " is not closed", _pos) : Unexpected();
            }

            _pos++;
            _nesting--;
            return inner;
        }

        private Comparable ParseComparable(out bool isQuery)
        {
            isQuery = false;
            var c = Current;
            if (c == '@' || c == '$')
            {
                var query = ParseFilterQuery();
                isQuery = true;
                return new Comparable(query);
            }

            if (c == '\'' || c == '"')
            {
                return new Comparable(JsonValue.Create(ParseStringLiteral()));
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return new Comparable(ParseNumberLiteral());
            }

            if (TryReadKeyword("true"))
            {
                return new Comparable(JsonValue.Create(true));
            }

            if (TryReadKeyword("false"))
            {
                return new Comparable(JsonValue.Create(false));
            }

            if (TryReadKeyword("null"))
            {
                return new Comparable((JsonNode?)null);
            }

            if (IsFunctionStart())
            {
                throw FunctionNotSupported(_pos);
            }

            if (AtEnd)
            {
                throw new SyntaxError("the filter expression is incomplete", _pos);
            }

            throw new SyntaxError("expected '@', '$', a string, a number, true, false or null, but found '" + c + "'", _pos);
        }

        /// <summary>A query inside a filter, relative (@) or absolute ($).</summary>
        private Query ParseFilterQuery()
        {
            var start = _pos;
            var relative = Current == '@';
            _pos++;
            Enter();
            var segments = ParseSegments();
            _nesting--;
            return new Query(relative, segments, start);
        }

        /// <summary>RFC 9535 number: (int / "-0") [frac] [exp].</summary>
        private JsonNode ParseNumberLiteral()
        {
            var start = _pos;
            if (Current == '-')
            {
                _pos++;
            }

            var digitsStart = _pos;
            while (Current >= '0' && Current <= '9')
            {
                _pos++;
            }

            if (_pos == digitsStart)
            {
                throw new SyntaxError("expected a digit", _pos);
            }

            if (_text[digitsStart] == '0' && _pos - digitsStart > 1)
            {
                throw new SyntaxError("numbers cannot have leading zeros", start);
            }

            var hasExponent = false;
            if (Current == '.')
            {
                _pos++;
                if (!(Current >= '0' && Current <= '9'))
                {
                    throw new SyntaxError("expected a digit after '.'", _pos);
                }

                while (Current >= '0' && Current <= '9')
                {
                    _pos++;
                }
            }

            if (Current == 'e' || Current == 'E')
            {
                hasExponent = true;
                _pos++;
                if (Current == '-' || Current == '+')
                {
                    _pos++;
                }

                if (!(Current >= '0' && Current <= '9'))
                {
                    throw new SyntaxError("expected a digit in the exponent", _pos);
                }

                while (Current >= '0' && Current <= '9')
                {
                    _pos++;
                }
            }

            var text = _text.Substring(start, _pos - start);
            if (!hasExponent && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return JsonValue.Create(exact);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real))
            {
                return JsonValue.Create(real);
            }

            throw new SyntaxError("number out of range", start);
        }

        private bool TryReadComparisonOperator(out string op)
        {
            op = string.Empty;
            var c = Current;
            var next = Peek(1);
            if ((c == '=' || c == '!') && next == '=')
            {
                op = c == '=' ? "==" : "!=";
                _pos += 2;
                return true;
            }

            if (c == '<' || c == '>')
            {
                op = next == '=' ? c + "=" : c.ToString();
                _pos += op.Length;
                return true;
            }

            if (c == '=')
            {
                throw new SyntaxError("'=' is not an operator; use '==' to compare", _pos);
            }

            return false;
        }

        private bool TryReadKeyword(string keyword)
        {
            if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0)
            {
                return false;
            }

            var after = Peek(keyword.Length);
            if (IsNameFirst(after) || (after >= '0' && after <= '9'))
            {
                return false;
            }

            _pos += keyword.Length;
            return true;
        }

        private bool IsFunctionStart()
        {
            var i = _pos;
            if (!(Current >= 'a' && Current <= 'z'))
            {
                return false;
            }

            while (i < _text.Length && ((_text[i] >= 'a' && _text[i] <= 'z') || (_text[i] >= '0' && _text[i] <= '9') || _text[i] == '_'))
            {
                i++;
            }

            return i < _text.Length && _text[i] == '(';
        }

        private SyntaxError FunctionNotSupported(int start)
        {
            var end = start;
            while (end < _text.Length && _text[end] != '(')
            {
                end++;
            }

            return new SyntaxError("function extensions such as '" + _text.Substring(start, end - start) + "()' are not supported", start);
        }

        private string ReadWord()
        {
            var end = _pos;
            while (end < _text.Length && (IsNameFirst(_text[end]) || (_text[end] >= '0' && _text[end] <= '9')))
            {
                end++;
            }

            return _text.Substring(_pos, end - _pos);
        }

        private void Enter()
        {
            if (++_nesting > MaxNesting)
            {
                throw new SyntaxError("the query is nested too deeply", _pos);
            }
        }

        private void SkipBlank()
        {
            while (!AtEnd && (Current == ' ' || Current == '\t' || Current == '\n' || Current == '\r'))
            {
                _pos++;
            }
        }

        private SyntaxError Unexpected() =>
            AtEnd
                ? new SyntaxError("unexpected end of the query", _pos)
                : new SyntaxError("unexpected character '" + Current + "'", _pos);
    }

    // ---- Evaluation --------------------------------------------------------------------------------------

    private sealed class Evaluator
    {
        private readonly Location _root;
        private readonly CancellationToken _ct;
        private int _visited;

        public Evaluator(JsonNode? root, CancellationToken ct)
        {
            _root = new Location(root, null, null, 0);
            _ct = ct;
        }

        public List<Location> Run(Query query, Location? current = null)
        {
            return Run(query.Segments, query.Relative && current is not null ? current : _root);
        }

        private List<Location> Run(Segment[] segments, Location start)
        {
            var current = new List<Location> { start };
            foreach (var segment in segments)
            {
                var next = new List<Location>();
                foreach (var input in current)
                {
                    if (segment.Descendant)
                    {
                        ApplyDescendant(segment.Selectors, input, next);
                    }
                    else
                    {
                        Apply(segment.Selectors, input, next);
                    }
                }

                current = next;
                if (current.Count == 0)
                {
                    break;
                }
            }

            return current;
        }

        /// <summary>The input and all its descendants, each before its own descendants and in document order.</summary>
        private void ApplyDescendant(Selector[] selectors, Location input, List<Location> output)
        {
            var pending = new Stack<Location>();
            pending.Push(input);
            var children = new List<Location>();
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                Apply(selectors, current, output);
                children.Clear();
                AddChildren(current, children);
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
        }

        private void Apply(Selector[] selectors, Location input, List<Location> output)
        {
            foreach (var selector in selectors)
            {
                Tick();
                switch (selector)
                {
                    case NameSelector name:
                        if (input.Node is JsonObject obj && obj.TryGetPropertyValue(name.Name, out var value))
                        {
                            output.Add(new Location(value, input, name.Name, 0));
                        }

                        break;
                    case WildcardSelector:
                        AddChildren(input, output);
                        break;
                    case IndexSelector index:
                        if (input.Node is JsonArray array)
                        {
                            var i = index.Index < 0 ? array.Count + index.Index : index.Index;
                            if (i >= 0 && i < array.Count)
                            {
                                output.Add(new Location(array[(int)i], input, null, (int)i));
                            }
                        }

                        break;
                    case SliceSelector slice:
                        if (input.Node is JsonArray sliced)
                        {
                            ApplySlice(slice, input, sliced, output);
                        }

                        break;
                    case FilterSelector filter:
                        var candidates = new List<Location>();
                        AddChildren(input, candidates);
                        foreach (var candidate in candidates)
                        {
                            if (Test(filter.Expression, candidate))
                            {
                                output.Add(candidate);
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>RFC 9535 2.3.4.2.2, including negative steps.</summary>
        private static void ApplySlice(SliceSelector slice, Location input, JsonArray array, List<Location> output)
        {
            long length = array.Count;
            var step = slice.Step;
            if (step == 0)
            {
                return;
            }

            var start = slice.Start ?? (step > 0 ? 0 : length - 1);
            var end = slice.End ?? (step > 0 ? length : -length - 1);
            start = start >= 0 ? start : length + start;
            end = end >= 0 ? end : length + end;
            if (step > 0)
            {
                var lower = Math.Min(Math.Max(start, 0), length);
                var upper = Math.Min(Math.Max(end, 0), length);
                for (var i = lower; i < upper; i += step)
                {
                    output.Add(new Location(array[(int)i], input, null, (int)i));
                }
            }
            else
            {
                var upper = Math.Min(Math.Max(start, -1), length - 1);
                var lower = Math.Min(Math.Max(end, -1), length - 1);
                for (var i = upper; lower < i; i += step)
                {
                    output.Add(new Location(array[(int)i], input, null, (int)i));
                }
            }
        }

        private static void AddChildren(Location input, List<Location> output)
        {
            if (input.Node is JsonObject obj)
            {
                foreach (var property in obj)
                {
                    output.Add(new Location(property.Value, input, property.Key, 0));
                }
            }
            else if (input.Node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    output.Add(new Location(array[i], input, null, i));
                }
            }
        }

        private bool Test(Expression expression, Location current)
        {
            switch (expression)
            {
                case OrExpression or:
                    foreach (var operand in or.Operands)
                    {
                        if (Test(operand, current))
                        {
                            return true;
                        }
                    }

                    return false;
                case AndExpression and:
                    foreach (var operand in and.Operands)
                    {
                        if (!Test(operand, current))
                        {
                            return false;
                        }
                    }

                    return true;
                case NotExpression not:
                    return !Test(not.Operand, current);
                case ExistenceTest test:
                    return Run(test.Query, current).Count > 0;
                case Comparison comparison:
                    return Compare(Operand(comparison.Left, current), comparison.Operator, Operand(comparison.Right, current));
                default:
                    return false;
            }
        }

        private Value Operand(Comparable comparable, Location current)
        {
            if (comparable.Query is null)
            {
                return new Value(comparable.Literal);
            }

            var selected = Run(comparable.Query, current);
            return selected.Count == 1 ? new Value(selected[0].Node) : Value.Nothing;
        }

        private void Tick()
        {
            if ((++_visited & 0xFFF) == 0)
            {
                _ct.ThrowIfCancellationRequested();
            }
        }
    }

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

    // ---- Comparison semantics (RFC 9535 2.3.5.2.2) -------------------------------------------------------

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
