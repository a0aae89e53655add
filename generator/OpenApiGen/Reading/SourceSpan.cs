namespace OpenApiGen.Reading;

/// <summary>
/// A region of the original document text. Offsets are UTF-16 character offsets into the string that was
/// loaded (a leading BOM counts as one character); lines and columns are 0-based so they can feed
/// Roslyn's <c>LinePosition</c> directly.
/// </summary>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
