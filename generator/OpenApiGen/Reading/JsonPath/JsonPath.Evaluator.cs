using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;

namespace OpenApiGen.Reading;

internal static partial class JsonPath
{
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
    private sealed class Evaluator
    {
        private readonly Location _root;
        private readonly CancellationToken _ct;
        private readonly Dictionary<(string Pattern, bool Whole), System.Text.RegularExpressions.Regex?> _regexes = new();
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
                case FunctionTest test:
                    return Test(test.Function, current);
                default:
                    return false;
            }
        }

        /// <summary>A function used as a test: its truth, or for nodes, whether there are any.</summary>
        private bool Test(FunctionCall call, Location current)
        {
            var function = call.Function;
            if (function == Function.Match || function == Function.Search)
            {
                return Matches(ArgumentValue(call.Arguments[0], current), ArgumentValue(call.Arguments[1], current), whole: function == Function.Match, _regexes);
            }

            return false;
        }

        /// <summary>A function that gives a value (or Nothing).</summary>
        private Value Call(FunctionCall call, Location current)
        {
            var function = call.Function;
            if (function == Function.Length)
            {
                return LengthOf(ArgumentValue(call.Arguments[0], current));
            }

            if (function == Function.Count)
            {
                return Count(ArgumentNodes(call.Arguments[0], current).Count);
            }

            if (function == Function.ValueOf)
            {
                var nodes = ArgumentNodes(call.Arguments[0], current);
                return nodes.Count == 1 ? new Value(nodes[0].Node) : Value.Nothing;
            }

            return Value.Nothing;
        }

        /// <summary>A value argument: a literal, the node a singular query selects (Nothing when none), or a function's value.</summary>
        private Value ArgumentValue(Argument argument, Location current)
        {
            if (argument.Query is { } query)
            {
                var selected = Run(query, current);
                return selected.Count == 1 ? new Value(selected[0].Node) : Value.Nothing;
            }

            return argument.Function is { } call ? Call(call, current) : new Value(argument.Literal);
        }

        /// <summary>A nodes argument: what the query selects.</summary>
        private List<Location> ArgumentNodes(Argument argument, Location current)
            => argument.Query is { } query ? Run(query, current) : new List<Location>();

        private Value Operand(Comparable comparable, Location current)
        {
            if (comparable.Function is { } call)
            {
                return Call(call, current);
            }

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
}
