using System.ComponentModel;

namespace OpenApiGen.Runtime;

/// <summary>How a path or query parameter's value is written: OpenAPI's <c>style</c> (with <c>explode</c> beside it).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ParameterStyle
{
    /// <summary>The query's default: <c>name=value</c>; a list <c>name=a,b</c>, or one pair an item exploded; an object <c>name=k,v</c>, or one pair a member exploded.</summary>
    Form,

    /// <summary>The path's default: the value alone; a list <c>a,b</c>; an object <c>k,v</c>, or <c>k=v</c> exploded.</summary>
    Simple,

    /// <summary>A path value after a dot: <c>.v</c>; a list <c>.a,b</c>, or <c>.a.b</c> exploded; an object <c>.k,v</c>, or <c>.k=v</c> exploded.</summary>
    Label,

    /// <summary>A path value as a matrix parameter: <c>;name=v</c>; a list <c>;name=a,b</c>, or <c>;name=a;name=b</c> exploded; an object <c>;name=k,v</c>, or <c>;k=v</c> exploded.</summary>
    Matrix,

    /// <summary>A query list or object joined by spaces (<c>name=a%20b</c>); exploded, as <see cref="Form"/>.</summary>
    SpaceDelimited,

    /// <summary>A query list or object joined by pipes (<c>name=a|b</c>); exploded, as <see cref="Form"/>.</summary>
    PipeDelimited,

    /// <summary>A query object's members as <c>name[k]=v</c>, nested as <c>name[k][k2]=v</c>.</summary>
    DeepObject,
}
