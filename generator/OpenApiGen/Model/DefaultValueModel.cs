namespace OpenApiGen.Model;

/// <summary>
/// A spec's <c>default</c>, as a value already checked to fit its property's type; the emitters spell it in C#.
/// Exactly one value member is set, the one the property's type (or, for a union, its case's) reads.
/// </summary>
/// <param name="Text">For a string, a URI, a GUID (in its <c>D</c> form) or an enum value the spec does not list: the text.</param>
/// <param name="Boolean">For a boolean.</param>
/// <param name="Number">For a number.</param>
/// <param name="EnumMember">For an extensible enum: the documented member the value is.</param>
/// <param name="Case">For a union: the type of the case the value is, which the other members are read as.</param>
/// <param name="Inner">For a union whose case is a union: that union's default (its own <see cref="Case"/> set).</param>
internal sealed record DefaultValueModel(string? Text = null, bool? Boolean = null, decimal? Number = null, string? EnumMember = null, TypeRef? Case = null, DefaultValueModel? Inner = null);
