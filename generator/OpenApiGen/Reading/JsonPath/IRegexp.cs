using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiGen.Reading;

/// <summary>
/// RFC 9485 I-Regexp, the regular expressions of JSONPath's <c>match()</c> and <c>search()</c>, translated to .NET's
/// syntax. Translated rather than passed through: I-Regexp is a small language of its own (no backreferences,
/// lookarounds, lazy quantifiers or <c>\d</c>), works on code points where .NET works on UTF-16 units, and its
/// <c>.</c> matches everything but CR and LF where .NET's matches U+2028, say, but not LF alone.
/// </summary>
/// <remarks>
/// Code points beyond the first plane match <c>.</c>, negated classes and negated categories as one character; a
/// class that lists one (<c>[😀]</c>) is not translated, and the expression then matches nothing. <c>^</c> and
/// <c>$</c> anchor at the ends of the string, as the compliance suite expects of the RFC's own examples.
/// </remarks>
internal static class IRegexp
{
    // An I-Regexp cannot backtrack into a backreference, but .NET's engine can still take long on nested quantifiers.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    // RegexOptions.NonBacktracking (.NET 7), which netstandard2.0 does not declare.
    private const RegexOptions NonBacktrackingOption = (RegexOptions)1024;

    private const string AnyButLineBreak = @"(?:[^\n\r\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])";

    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])";

    /// <summary>The expression as a .NET regex, matching the whole string or anywhere in it; null when it is no valid I-Regexp.</summary>
    public static Regex? ToRegex(string pattern, bool whole)
    {
        var body = new Translator(pattern).Translate();
        if (body is null)
        {
            return null;
        }

        var text = whole ? @"\A(?:" + body + @")\z" : body;
        try
        {
            return NonBacktracking(text) ?? new Regex(text, RegexOptions.CultureInvariant, s_timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The expression on .NET's non-backtracking engine (linear in the input) where the host has it (.NET 7 on); null
    /// on a host without it (.NET Framework's compiler), where the backtracking engine runs it with the timeout. Both
    /// engines give every I-Regexp (no backreferences, no lookarounds) the same matches, so the output does not depend on
    /// the host unless a match runs out of time.
    /// </summary>
    private static Regex? NonBacktracking(string text)
    {
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant | NonBacktrackingOption, s_timeout);
        }
        catch (ArgumentOutOfRangeException)
        {
            // An option this host's regex library does not know.
            return null;
        }
        catch (NotSupportedException)
        {
            // An expression too large for the engine's automaton.
            return null;
        }
    }

    /// <summary>Recursive descent over RFC 9485's ABNF (section 3), writing the .NET form as it goes.</summary>
    private sealed class Translator
    {
        private const int MaxNesting = 64;

        private readonly string _pattern;
        private readonly StringBuilder _output = new();
        private int _position;
        private int _nesting;

        public Translator(string pattern) => _pattern = pattern;

        private bool AtEnd => _position >= _pattern.Length;

        private char Current => AtEnd ? '\0' : _pattern[_position];

        public string? Translate()
        {
            if (!Branches() || !AtEnd)
            {
                return null;
            }

            return _output.ToString();
        }

        private bool Branches()
        {
            if (!Branch())
            {
                return false;
            }

            while (!AtEnd && Current == '|')
            {
                _position++;
                _output.Append('|');
                if (!Branch())
                {
                    return false;
                }
            }

            return true;
        }

        private bool Branch()
        {
            while (!AtEnd && Current != '|' && Current != ')')
            {
                if (!Atom() || !Quantifier())
                {
                    return false;
                }
            }

            return true;
        }

        private bool Atom()
        {
            var c = Current;
            switch (c)
            {
                case '(':
                    if (++_nesting > MaxNesting)
                    {
                        return false;
                    }

                    _position++;
                    _output.Append("(?:");
                    if (!Branches() || Current != ')')
                    {
                        return false;
                    }

                    _position++;
                    _nesting--;
                    _output.Append(')');
                    return true;
                case '.':
                    _position++;
                    _output.Append(AnyButLineBreak);
                    return true;
                case '[':
                    return CharacterClass();
                case '\\':
                    if (Category(out var category, out var negated))
                    {
                        _output.Append(negated ? "(?:(?!" + category + ")" + AnyCodePoint + ")" : category);
                        return true;
                    }

                    if (SingleCharacterEscape(out var escaped))
                    {
                        AppendLiteral(escaped);
                        return true;
                    }

                    return false;
                case '^':
                    _position++;
                    _output.Append(@"\A");
                    return true;
                case '$':
                    _position++;
                    _output.Append(@"\z");
                    return true;
                case '*' or '+' or '?' or '{' or '}' or ']' or ')' or '|':
                    return false;
                default:
                    if (char.IsHighSurrogate(c) && _position + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_position + 1]))
                    {
                        // A group, so a quantifier after it repeats the whole code point.
                        _output.Append("(?:").Append(c).Append(_pattern[_position + 1]).Append(')');
                        _position += 2;
                        return true;
                    }

                    if (char.IsSurrogate(c))
                    {
                        return false;
                    }

                    _position++;
                    AppendLiteral(c);
                    return true;
            }
        }

        private bool Quantifier()
        {
            switch (Current)
            {
                case '*' or '+' or '?':
                    _output.Append(Current);
                    _position++;
                    return true;
                case '{':
                    _position++;
                    if (!Digits(out var low))
                    {
                        return false;
                    }

                    var high = low;
                    var open = false;
                    if (Current == ',')
                    {
                        _position++;
                        open = !Digits(out high);
                    }

                    if (Current != '}' || (!open && high < low))
                    {
                        return false;
                    }

                    _position++;
                    _output.Append('{').Append(low.ToString(CultureInfo.InvariantCulture));
                    if (open)
                    {
                        _output.Append(',');
                    }
                    else if (high != low)
                    {
                        _output.Append(',').Append(high.ToString(CultureInfo.InvariantCulture));
                    }

                    _output.Append('}');
                    return true;
                default:
                    return true;
            }
        }

        private bool Digits(out int value)
        {
            var start = _position;
            while (!AtEnd && Current >= '0' && Current <= '9')
            {
                _position++;
            }

            return int.TryParse(_pattern.Substring(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        /// <summary><c>[</c> [<c>^</c>] ( <c>-</c> / CCE1 ) *CCE1 [<c>-</c>] <c>]</c>, each CCE1 a character, a range or a category.</summary>
        private bool CharacterClass()
        {
            _position++;
            var negated = Current == '^';
            if (negated)
            {
                _position++;
            }

            var items = new StringBuilder();
            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    return false;
                }

                if (Current == ']' && !first)
                {
                    _position++;
                    break;
                }

                // A '-' is a character of its own only first or last.
                if (Current == '-' && (first || (_position + 1 < _pattern.Length && _pattern[_position + 1] == ']')))
                {
                    _position++;
                    items.Append(@"\-");
                    first = false;
                    continue;
                }

                first = false;
                if (Current == '\\' && Category(out var category, out var categoryNegated))
                {
                    items.Append(categoryNegated ? category.Replace(@"\p{", @"\P{") : category);
                    continue;
                }

                if (!ClassCharacter(out var low))
                {
                    return false;
                }

                if (Current == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
                {
                    _position++;
                    if (!ClassCharacter(out var high) || high < low)
                    {
                        return false;
                    }

                    items.Append(Unit(low)).Append('-').Append(Unit(high));
                }
                else
                {
                    items.Append(Unit(low));
                }
            }

            var positive = "[" + items + "]";
            _output.Append(negated ? "(?:(?!" + positive + ")" + AnyCodePoint + ")" : positive);
            return true;
        }

        /// <summary>A CCchar: anything but <c>-</c>, <c>[</c>, <c>\</c> and <c>]</c>, or a single-character escape; never a surrogate.</summary>
        private bool ClassCharacter(out char value)
        {
            value = Current;
            if (value == '\\')
            {
                return SingleCharacterEscape(out value);
            }

            if (value is '-' or '[' or ']' || char.IsSurrogate(value))
            {
                return false;
            }

            _position++;
            return true;
        }

        /// <summary><c>\</c> and one of <c>( ) * + - . ? [ \ ] ^ { | }</c>, or <c>n</c>, <c>r</c>, <c>t</c>.</summary>
        private bool SingleCharacterEscape(out char value)
        {
            value = _position + 1 < _pattern.Length ? _pattern[_position + 1] : '\0';
            switch (value)
            {
                case '(' or ')' or '*' or '+' or '-' or '.' or '?' or '[' or '\\' or ']' or '^' or '{' or '|' or '}':
                    break;
                case 'n':
                    value = '\n';
                    break;
                case 'r':
                    value = '\r';
                    break;
                case 't':
                    value = '\t';
                    break;
                default:
                    return false;
            }

            _position += 2;
            return true;
        }

        /// <summary><c>\p{..}</c> or <c>\P{..}</c> with one of the general categories (.NET names them alike); written as <c>\p{..}</c>.</summary>
        private bool Category(out string category, out bool negated)
        {
            category = string.Empty;
            negated = _position + 1 < _pattern.Length && _pattern[_position + 1] == 'P';
            if (_position + 2 >= _pattern.Length || (_pattern[_position + 1] != 'p' && !negated) || _pattern[_position + 2] != '{')
            {
                return false;
            }

            var close = _pattern.IndexOf('}', _position + 3);
            if (close < 0)
            {
                return false;
            }

            var name = _pattern.Substring(_position + 3, close - _position - 3);
            if (!IsCategory(name))
            {
                return false;
            }

            category = @"\p{" + name + "}";
            _position = close + 1;
            return true;
        }

        private static bool IsCategory(string name) => name.Length switch
        {
            1 => "LMNPZSC".IndexOf(name[0]) >= 0,
            2 => name[0] switch
            {
                'L' => "lmotu".IndexOf(name[1]) >= 0,
                'M' => "cen".IndexOf(name[1]) >= 0,
                'N' => "dlo".IndexOf(name[1]) >= 0,
                'P' => "cdefios".IndexOf(name[1]) >= 0,
                'Z' => "lps".IndexOf(name[1]) >= 0,
                'S' => "ckmo".IndexOf(name[1]) >= 0,
                'C' => "cfno".IndexOf(name[1]) >= 0,
                _ => false,
            },
            _ => false,
        };

        /// <summary>Letters and digits as they are, everything else as <c>\uXXXX</c>, which .NET reads as that character and nothing more.</summary>
        private void AppendLiteral(char c) => _output.Append(Unit(c));

        private static string Unit(char c)
            => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                ? c.ToString()
                : @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }
}
