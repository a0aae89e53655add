using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>
/// Mutations of YAML as text, for what a tree cannot say: block scalars and their indentation indicators, anchors
/// and aliases (a billion laughs), tags, merge keys, keys that are not strings, tabs, line ends, a byte order mark,
/// several documents, text cut short.
/// </summary>
internal static partial class YamlQuirks
{
    [GeneratedRegex(@"^( *)([A-Za-z_$][\w$-]*): (\S.*)$")]
    private static partial Regex ScalarLine();

    [GeneratedRegex(@"^( *)([A-Za-z_$][\w$-]*):\s*$")]
    private static partial Regex MappingLine();

    public static string Mutate(string yaml, MutationContext c)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var scalars = Enumerable.Range(0, lines.Count).Where(i => ScalarLine().IsMatch(lines[i])).ToList();
        var mappings = Enumerable.Range(0, lines.Count).Where(i => MappingLine().IsMatch(lines[i])).ToList();
        switch (c.Next(12))
        {
            case 0 when scalars.Count > 0:
                var line = c.Pick(scalars);
                var match = ScalarLine().Match(lines[line]);
                var indent = match.Groups[1].Value;
                var header = c.Pick(["|+", "|-", ">+", ">", "|2", "|1-", ">-"]);
                // The first content line holds only spaces, deeper than the text after it (libyaml reads it).
                lines[line] = $"{indent}{match.Groups[2].Value}: {header}\n{indent}      \n{indent}  {match.Groups[3].Value.Trim('\'', '"')}\n{indent}  \u00A0tail  ";
                c.Note($"block scalar {header} at line {line + 1}");
                break;
            case 1:
                var bomb = new StringBuilder("x-laughs:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                var levels = c.Pick([3, 6, 9]);
                for (var i = 1; i <= levels; i++)
                {
                    var previous = "*a" + (i - 1).ToString(CultureInfo.InvariantCulture);
                    bomb.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(previous, 9))}]\n");
                }

                lines.Add(bomb.ToString());
                c.Note($"alias bomb of {levels} levels");
                break;
            case 2:
                var depth = c.Pick([200, 999, 1001, 3000, 20000]);
                var open = c.Chance(2) ? "[" : "{a: ";
                var close = open == "[" ? "]" : "}";
                lines.Add("x-deep: " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
                c.Note($"flow nesting x{depth}");
                break;
            case 3 when scalars.Count > 0:
                var tabbed = c.Pick(scalars);
                lines[tabbed] = "\t" + lines[tabbed].TrimStart(' ');
                c.Note($"tab indentation at line {tabbed + 1}");
                break;
            case 4:
                var ending = c.Pick(["\r\n", "\r", "\u0085", "\u2028"]);
                c.Note($"line ends {System.Text.Json.JsonSerializer.Serialize(ending)}");
                return string.Join(ending, lines);
            case 5:
                c.Note("byte order mark, twice");
                return "\uFEFF\uFEFF" + string.Join('\n', lines);
            case 6 when scalars.Count > 0:
                var tagged = c.Pick(scalars);
                var tagMatch = ScalarLine().Match(lines[tagged]);
                var value = c.Pick(["!!binary aGVsbG8=", "!!int \"12\"", "!custom x", "!!timestamp 2001-12-14", "!!float .inf", ".nan", "-.inf", "0x1F", "0o17", "1_000", "yes", "~", "!!str", "!!null ''", "!<tag:yaml.org,2002:str> x", "&anchor x", "*undefined", "'unterminated", "\"bad \\q escape\""]);
                lines[tagged] = $"{tagMatch.Groups[1].Value}{tagMatch.Groups[2].Value}: {value}";
                c.Note($"scalar '{value}' at line {tagged + 1}");
                break;
            case 7 when mappings.Count > 1:
                var anchored = c.Pick(mappings);
                var merged = c.Pick(mappings);
                var anchorMatch = MappingLine().Match(lines[anchored]);
                lines[anchored] = $"{anchorMatch.Groups[1].Value}{anchorMatch.Groups[2].Value}: &m{anchored}";
                var mergeIndent = MappingLine().Match(lines[merged]).Groups[1].Value + "  ";
                lines.Insert(merged + 1, $"{mergeIndent}<<: *m{anchored}");
                c.Note($"merge key at line {merged + 2}");
                break;
            case 8 when mappings.Count > 0:
                var owner = c.Pick(mappings);
                var keyIndent = MappingLine().Match(lines[owner]).Groups[1].Value + "  ";
                var key = c.Pick(["? [a, b]\n" + keyIndent + ": x", "1: x", "null: x", "true: y", "~: z", "? |\n" + keyIndent + "  block key\n" + keyIndent + ": v", "\"\": empty", "[1, 2]: flow"]);
                lines.Insert(owner + 1, keyIndent + key);
                c.Note($"non-string key at line {owner + 2}");
                break;
            case 9:
                lines.Add(c.Pick(["---\nopenapi: 3.0.0", "...", "--- !!map\n? a", "%YAML 1.1\n---"]));
                c.Note("a second document");
                break;
            case 10 when scalars.Count > 0:
                var copied = c.Pick(scalars);
                lines.Insert(copied + 1, lines[copied]);
                c.Note($"duplicate key at line {copied + 2}");
                break;
            default:
                var text = string.Join('\n', lines);
                var cut = c.Next(Math.Max(1, text.Length));
                c.Note($"cut at {cut} of {text.Length}");
                return text.Substring(0, cut);
        }

        return string.Join('\n', lines);
    }
}
