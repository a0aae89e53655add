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
    private sealed partial class Parser
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
