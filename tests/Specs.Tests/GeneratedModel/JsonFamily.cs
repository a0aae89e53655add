namespace Specs.Tests.GeneratedModel;

/// <summary>
/// What kind of JSON value a schema allows or a C# type holds, coarse on purpose: the cross-check asks whether the
/// generated type can carry what the spec sends, not how it is formatted (a <c>uri</c> string is still a string).
/// </summary>
[Flags]
internal enum JsonFamily
{
    None = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,

    /// <summary>A C# type that holds any JSON (<c>JsonElement</c>), or a schema that says nothing about the type.</summary>
    Any = 64,
}
