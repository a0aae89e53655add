using System.Collections.Generic;

namespace OpenApiGen.Reading;

/// <summary>
/// Converts UTF-8 byte offsets (relative to the text after the BOM) into UTF-16 offsets of the original
/// string. Only non-ASCII characters change the difference between the two, so only they are recorded;
/// pure ASCII text needs no table at all.
/// </summary>
internal sealed class CharOffsets
{
    private readonly int _bom;
    private readonly int[]? _byteEnds;
    private readonly int[]? _deltas;
    private readonly int _count;
    private int _hint = -1;

    public CharOffsets(string text, int bom)
    {
        _bom = bom;
        List<int>? byteEnds = null;
        List<int>? deltas = null;
        var bytePosition = 0;
        var delta = 0;
        for (var i = bom; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                bytePosition++;
                continue;
            }

            if (c < 0x800)
            {
                bytePosition += 2;
                delta += 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytePosition += 4;
                delta += 2;
                i++;
            }
            else
            {
                // Includes a lone surrogate, which the encoder replaces by U+FFFD (3 bytes).
                bytePosition += 3;
                delta += 2;
            }

            (byteEnds ??= new List<int>()).Add(bytePosition);
            (deltas ??= new List<int>()).Add(delta);
        }

        _byteEnds = byteEnds?.ToArray();
        _deltas = deltas?.ToArray();
        _count = _byteEnds?.Length ?? 0;
    }

    public int ToChar(int byteOffset)
    {
        if (_count == 0)
        {
            return byteOffset + _bom;
        }

        // Offsets mostly grow as the reader advances: step forward from the previous answer and only
        // search when that does not get there quickly.
        var index = _hint;
        if (index >= 0 && _byteEnds![index] > byteOffset)
        {
            index = Search(byteOffset);
        }
        else
        {
            for (var steps = 0; index + 1 < _count && _byteEnds![index + 1] <= byteOffset; steps++)
            {
                if (steps == 8)
                {
                    index = Search(byteOffset);
                    break;
                }

                index++;
            }
        }

        _hint = index;
        return byteOffset - (index < 0 ? 0 : _deltas![index]) + _bom;
    }

    /// <summary>The last non-ASCII character that ends at or before the offset, or -1.</summary>
    private int Search(int byteOffset)
    {
        int lo = -1, hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_byteEnds![mid] <= byteOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
