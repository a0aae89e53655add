using System.ComponentModel;

namespace OpenApiGen.Runtime;

/// <summary>
/// The base of generated object and union types: <see cref="Validate"/> once here, over a <see cref="ValidateInto"/>
/// that a type overrides only when the spec gives it something to check, so a type without constraints carries no
/// validation code of its own.
/// </summary>
public abstract class Validatable
{
    /// <summary>Checks this value against the spec's constraints, including those of the values it holds.</summary>
    /// <returns>Every violation, each with its JSON path; empty when the value is valid.</returns>
    public IReadOnlyList<ValidationError> Validate()
    {
        var collector = new ValidationCollector();
        ValidateInto(collector, "$");
        return collector.Errors;
    }

    /// <summary>Adds this value's violations, under <paramref name="path"/>, to <paramref name="collector"/>.</summary>
    /// <param name="collector">Where violations go.</param>
    /// <param name="path">The JSON path of this value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual void ValidateInto(ValidationCollector collector, string path) => ArgumentNullException.ThrowIfNull(collector);
}
