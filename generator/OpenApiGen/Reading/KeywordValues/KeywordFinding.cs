namespace OpenApiGen.Reading;

/// <summary>What became of a value <see cref="KeywordValues"/> found: the build fails only when the code would be wrong or missing.</summary>
internal enum FindingKind
{
    /// <summary>Written in another form with one obvious reading, which is applied: the code is what the author meant (info).</summary>
    Reading,

    /// <summary>No reading fits: the value is left out, and the code lacks what it would have said (a warning).</summary>
    LeftOut,

    /// <summary>Past a budget (schemas nested too deep): the part is typed as any value (a warning, OAG005).</summary>
    Unsupported,

    /// <summary>A <c>$ref</c> that cannot lead anywhere (empty, not a URI): the value is typed as any value (an error, OAG004).</summary>
    UnresolvedReference,

    /// <summary>The document cannot be generated from at all (an error).</summary>
    Error,
}

/// <summary>What <see cref="KeywordValues"/> found at one place.</summary>
/// <param name="Pointer">Where, in the document as it was before the change.</param>
/// <param name="Message">What was there, and what was made of it.</param>
/// <param name="Kind">What became of it.</param>
/// <param name="AtKey">Best shown at the member's key: its value (a null) has no place of its own in the text.</param>
internal sealed record KeywordFinding(string Pointer, string Message, FindingKind Kind = FindingKind.Reading, bool AtKey = false);
