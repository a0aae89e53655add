using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

internal static partial class JsonPath
{
    private sealed class SyntaxError : Exception
    {
        public SyntaxError(string message, int position)
            : base(message)
        {
            Position = position;
        }

        public int Position { get; }
    }

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
                throw new SyntaxError("'" + _text.Substring(start, _pos - start) + "()' is no selector: functions are called only inside a filter, as in [?length(@.tags) > 1]", start);
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
                    var start = _pos;
                    return new NotExpression(new FunctionTest(RequireTest(ParseFunctionCall(), start)));
                }

                throw new SyntaxError("'!' must be followed by '(', a query starting with '@' or '$', or a function", _pos);
            }

            if (Current == '(')
            {
                return ParseParenthesized();
            }

            if (IsFunctionStart())
            {
                // A function is a test of its own, or the left side of a comparison: its type says which it may be.
                var start = _pos;
                var call = ParseFunctionCall();
                var afterCall = _pos;
                SkipBlank();
                if (!TryReadComparisonOperator(out var callOperator))
                {
                    _pos = afterCall;
                    return new FunctionTest(RequireTest(call, start));
                }

                SkipBlank();
                var compared = ParseComparable(out _);
                RequireSingular(compared);
                return new Comparison(new Comparable(RequireValue(call, start)), callOperator, compared);
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

            if (TryParseLiteral(out var literal))
            {
                return new Comparable(literal);
            }

            if (IsFunctionStart())
            {
                var start = _pos;
                return new Comparable(RequireValue(ParseFunctionCall(), start));
            }

            if (AtEnd)
            {
                throw new SyntaxError("the filter expression is incomplete", _pos);
            }

            throw new SyntaxError("expected '@', '$', a string, a number, true, false, null or a function, but found '" + c + "'", _pos);
        }

        /// <summary>A string, a number, <c>true</c>, <c>false</c> or <c>null</c> (a null <paramref name="literal"/>).</summary>
        private bool TryParseLiteral(out JsonNode? literal)
        {
            literal = null;
            var c = Current;
            if (c == '\'' || c == '"')
            {
                literal = JsonValue.Create(ParseStringLiteral());
                return true;
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                literal = ParseNumberLiteral();
                return true;
            }

            if (TryReadKeyword("true"))
            {
                literal = JsonValue.Create(true);
                return true;
            }

            if (TryReadKeyword("false"))
            {
                literal = JsonValue.Create(false);
                return true;
            }

            return TryReadKeyword("null");
        }

        /// <summary>
        /// <c>name(arguments)</c>, no blank before the parenthesis; each argument checked against the function's parameter
        /// (RFC 9535 section 2.4.3), so a query that uses a function wrongly is rejected here rather than run.
        /// </summary>
        private FunctionCall ParseFunctionCall()
        {
            var start = _pos;
            while (Current != '(')
            {
                _pos++;
            }

            var name = _text.Substring(start, _pos - start);
            var function = Function.Find(name)
                ?? throw new SyntaxError("unknown function '" + name + "()'; RFC 9535 defines length(), count(), match(), search() and value()", start);
            _pos++;
            Enter();
            var arguments = new List<Argument>();
            SkipBlank();
            while (Current != ')')
            {
                if (arguments.Count > 0)
                {
                    if (Current != ',')
                    {
                        throw AtEnd ? new SyntaxError("'" + name + "(' is not closed", _pos) : Unexpected();
                    }

                    _pos++;
                    SkipBlank();
                }

                var argumentStart = _pos;
                var argument = ParseArgument();
                if (arguments.Count < function.Parameters.Length)
                {
                    CheckArgument(function, function.Parameters[arguments.Count], argument, argumentStart);
                }

                arguments.Add(argument);
                SkipBlank();
            }

            _pos++;
            _nesting--;
            if (arguments.Count != function.Parameters.Length)
            {
                var expected = function.Parameters.Length.ToString(CultureInfo.InvariantCulture);
                throw new SyntaxError(name + "() takes " + expected + (function.Parameters.Length == 1 ? " argument" : " arguments") + ", not " + arguments.Count.ToString(CultureInfo.InvariantCulture), start);
            }

            return new FunctionCall(function, arguments.ToArray());
        }

        /// <summary>A literal, a query or a function call standing alone (before ',' or ')'); anything else is a logical expression.</summary>
        private Argument ParseArgument()
        {
            var start = _pos;
            Argument? alone = null;
            if (Current == '@' || Current == '$')
            {
                alone = Argument.ForQuery(ParseFilterQuery());
            }
            else if (IsFunctionStart())
            {
                alone = Argument.ForFunction(ParseFunctionCall());
            }
            else if (TryParseLiteral(out var literal))
            {
                alone = Argument.ForLiteral(literal);
            }

            if (alone is not null)
            {
                var end = _pos;
                SkipBlank();
                var standsAlone = Current == ',' || Current == ')';
                _pos = standsAlone ? end : start;
                if (standsAlone)
                {
                    return alone;
                }
            }

            return Argument.ForLogical(ParseOr());
        }

        private static void CheckArgument(Function function, FunctionType parameter, Argument argument, int position)
        {
            var fits = parameter switch
            {
                FunctionType.Value => argument.IsLiteral || argument.Query is { IsSingular: true } || argument.Function?.Function.Result == FunctionType.Value,
                FunctionType.Nodes => argument.Query is not null || argument.Function?.Function.Result == FunctionType.Nodes,
                _ => argument.Logical is not null || argument.Query is not null || argument.Function?.Function.Result is FunctionType.Logical or FunctionType.Nodes,
            };
            if (!fits)
            {
                throw new SyntaxError(
                    function.Name + "() takes " + parameter switch
                    {
                        FunctionType.Value => "a value here: a literal, a singular query (names and indices only) or a function that gives a value",
                        FunctionType.Nodes => "a query here",
                        _ => "a test here",
                    },
                    position);
            }
        }

        /// <summary>A function standing as a test must give true or false, or nodes (true when there are any).</summary>
        private static FunctionCall RequireTest(FunctionCall call, int position)
            => call.Function.Result != FunctionType.Value
                ? call
                : throw new SyntaxError("the result of " + call.Function.Name + "() is a value: compare it, as in " + call.Function.Name + "(...) > 0", position);

        /// <summary>A function compared with something must give a value.</summary>
        private static FunctionCall RequireValue(FunctionCall call, int position)
            => call.Function.Result == FunctionType.Value
                ? call
                : throw new SyntaxError("the result of " + call.Function.Name + "() is true or false and cannot be compared", position);

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
}
