using System.Text;

namespace OpenApiGen.Emit;

/// <summary>An indenting text writer, as the runtime's generators use: cheaper than building and normalising syntax trees.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
    }

    public void OpenBlock(string header)
    {
        Line(header);
        OpenBlock();
    }

    /// <summary>A bare block, for scoping locals.</summary>
    public void OpenBlock()
    {
        Line("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _builder.ToString();
}
