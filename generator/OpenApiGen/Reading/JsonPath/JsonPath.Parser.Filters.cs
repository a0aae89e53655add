using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

internal static partial class JsonPath
{
    // The parser's filter expressions (RFC 9535 section 2.3.5): logical operators, comparisons, literals, and function
    // calls checked against their parameters' types.
    private sealed partial class Parser
    {
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
    }
}
