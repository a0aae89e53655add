namespace Specs.Tests.GeneratedModel;

/// <summary>What disagrees between a spec and the generated model.</summary>
internal enum MismatchKind
{
    /// <summary>No generated type could be found for a schema that needs one.</summary>
    NoType,

    /// <summary>A spec property has no generated member with its wire name.</summary>
    MissingMember,

    /// <summary>A generated member writes a wire name the spec does not declare.</summary>
    ExtraMember,

    /// <summary>The generated member cannot hold the JSON type the spec says.</summary>
    Family,

    /// <summary><c>required</c> in the spec but not in C#, or the other way round.</summary>
    Requiredness,

    /// <summary>A <c>$ref</c> to a component whose type is not the type of the member.</summary>
    Reference,
}

/// <summary>One disagreement, at the spec's JSON pointer (in the effective document), with what each side says.</summary>
internal sealed record Mismatch(string Pointer, MismatchKind Kind, string Detail)
{
    public override string ToString() => $"{Pointer}: {Kind}: {Detail}";
}
