using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

internal static partial class JsonPath
{
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

    /// <summary>A literal (held as a node so both sides compare alike), a singular query, or a function that gives a value.</summary>
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

        public Comparable(FunctionCall function)
        {
            Function = function;
        }

        public JsonNode? Literal { get; }

        public Query? Query { get; }

        public FunctionCall? Function { get; }
    }

    /// <summary>A function whose result is a test on its own: <c>?match(@.a, 'x')</c>, or a node list that is true when not empty.</summary>
    private sealed class FunctionTest : Expression
    {
        public FunctionTest(FunctionCall function) => Function = function;

        public FunctionCall Function { get; }
    }

    /// <summary>A call of one of RFC 9535's function extensions, its arguments already checked against the function's parameters.</summary>
    private sealed class FunctionCall
    {
        public FunctionCall(Function function, Argument[] arguments)
        {
            Function = function;
            Arguments = arguments;
        }

        public Function Function { get; }

        public Argument[] Arguments { get; }
    }

    /// <summary>One argument: exactly one of a literal, a query, a function call or a logical expression.</summary>
    private sealed class Argument
    {
        private Argument(bool isLiteral, JsonNode? literal, Query? query, FunctionCall? function, Expression? logical)
        {
            IsLiteral = isLiteral;
            Literal = literal;
            Query = query;
            Function = function;
            Logical = logical;
        }

        public bool IsLiteral { get; }

        /// <summary>The literal's value, null for JSON null.</summary>
        public JsonNode? Literal { get; }

        public Query? Query { get; }

        public FunctionCall? Function { get; }

        public Expression? Logical { get; }

        public static Argument ForLiteral(JsonNode? literal) => new(true, literal, null, null, null);

        public static Argument ForQuery(Query query) => new(false, null, query, null, null);

        public static Argument ForFunction(FunctionCall function) => new(false, null, null, function, null);

        public static Argument ForLogical(Expression logical) => new(false, null, null, null, logical);
    }
}
