using System;
using System.Collections.Generic;

namespace OpenApiGen.Reading;

/// <summary>RFC 6901 JSON pointers, as every lookup of a <see cref="SourceMap"/> and every reference reads them.</summary>
internal sealed partial class SourceMap
{
    /// <summary>A reference token as a pointer writes it: '~' as "~0", '/' as "~1" (in that order).</summary>
    internal static string EscapeToken(string token) => token.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Unescaped reference tokens, or null when the text is not a pointer.</summary>
    internal static List<string>? ParsePointer(string? pointer)
    {
        if (pointer is null)
        {
            return null;
        }

        var fragment = pointer.Length > 0 && pointer[0] == '#';
        var position = fragment ? 1 : 0;
        var segments = new List<string>();
        if (position == pointer.Length)
        {
            return segments;
        }

        if (pointer[position] != '/')
        {
            return null;
        }

        while (position < pointer.Length)
        {
            var next = pointer.IndexOf('/', position + 1);
            if (next < 0)
            {
                next = pointer.Length;
            }

            segments.Add(DecodeSegment(pointer, position + 1, next - position - 1, fragment));
            position = next;
        }

        return segments;
    }

    private static string DecodeSegment(string pointer, int start, int length, bool fragment)
    {
        var segment = pointer.Substring(start, length);
        if (fragment && segment.IndexOf('%') >= 0)
        {
            // A pointer in a URI fragment is percent-encoded (RFC 6901 section 6); decode before unescaping ~.
            segment = Uri.UnescapeDataString(segment);
        }

        if (segment.IndexOf('~') >= 0)
        {
            // Order matters: "~01" must become "~1", not "/".
            segment = segment.Replace("~1", "/").Replace("~0", "~");
        }

        return segment;
    }

    /// <summary>RFC 6901 array indices: no sign, no leading zeros.</summary>
    private static bool TryParseIndex(string segment, out int index)
    {
        index = 0;
        if (segment.Length == 0 || segment.Length > 10 || (segment.Length > 1 && segment[0] == '0'))
        {
            return false;
        }

        long value = 0;
        foreach (var c in segment)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (value > int.MaxValue)
        {
            return false;
        }

        index = (int)value;
        return true;
    }
}
