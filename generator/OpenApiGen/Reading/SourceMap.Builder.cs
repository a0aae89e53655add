using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>How a <see cref="SourceMap"/> is made: one entry a node, added by the readers while they parse.</summary>
internal sealed partial class SourceMap
{
    /// <summary>
    /// Collects entries while a document is being parsed. A parent of -1 means "not in the map" (the value of a
    /// duplicate key, a merge source): such calls return -1 so a whole discarded subtree stays out cheaply.
    /// </summary>
    internal sealed class Builder
    {
        private readonly int[] _lineStarts;
        private readonly int _textLength;
        private readonly Dictionary<ChildKey, int> _children = new Dictionary<ChildKey, int>();

        // JsonNode does not override Equals, so this is keyed by identity; JSON nulls (C# null) cannot be keyed.
        private readonly Dictionary<JsonNode, int> _nodes = new Dictionary<JsonNode, int>();
        private Entry[] _entries = new Entry[256];
        private int _count;

        public Builder(string text)
        {
            _textLength = text.Length;
            _lineStarts = ComputeLineStarts(text);
        }

        /// <summary>Line starts so the loader can report errors before <see cref="Build"/>.</summary>
        public SourceSpan CreateSpan(int start, int end) => Build().CreateSpan(start, end);

        /// <summary>Registers the root; must be the first entry.</summary>
        public int AddRoot(JsonNode? node) => _count == 0 ? Bind(Append(NoKey, NoKey), node) : 0;

        public int AddProperty(int parent, string name, int keyStart, int keyEnd, JsonNode? node)
        {
            if (parent < 0)
            {
                return -1;
            }

            var id = Bind(Append(keyStart, keyEnd), node);

            // Last writer wins: a YAML key that overrides a merged key takes over the merged entry.
            _children[new ChildKey(parent, name, 0)] = id;
            return id;
        }

        public int AddItem(int parent, int index, JsonNode? node)
        {
            if (parent < 0)
            {
                return -1;
            }

            var id = Bind(Append(NoKey, NoKey), node);
            _children[new ChildKey(parent, null, index)] = id;
            return id;
        }

        public void SetValue(int id, int start, int end)
        {
            if (id >= 0)
            {
                _entries[id].ValueStart = start;
                _entries[id].ValueEnd = end;
            }
        }

        public SourceMap Build() => new SourceMap(_lineStarts, _textLength, _entries, _count, _children, _nodes);

        private int Bind(int id, JsonNode? node)
        {
            if (node is not null)
            {
                _nodes[node] = id;
            }

            return id;
        }

        private int Append(int keyStart, int keyEnd)
        {
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            _entries[_count] = new Entry { KeyStart = keyStart, KeyEnd = keyEnd };
            return _count++;
        }

        /// <summary>Same line breaks as Roslyn's SourceText, so our lines match the editor's.</summary>
        private static int[] ComputeLineStarts(string text)
        {
            var starts = new List<int>(Math.Max(16, text.Length / 32)) { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c > '\r' && c < '\u0085')
                {
                    continue;
                }

                switch (c)
                {
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        starts.Add(i + 1);
                        break;
                    case '\n':
                    case '\u0085':
                    case '\u2028':
                    case '\u2029':
                        starts.Add(i + 1);
                        break;
                }
            }

            return starts.ToArray();
        }
    }
}
