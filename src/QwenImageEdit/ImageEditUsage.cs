using System.Globalization;

namespace QwenImageEdit;

/// <summary>
/// One figure a vendor reported about what an edit used or cost, in the vendor's own unit and under its own name
/// (EvoLink's <c>credits_reserved</c> in credits, ModelsLab's <c>generationTime</c> in seconds). Nothing is converted
/// or estimated: a vendor that reports nothing gives none.
/// </summary>
/// <param name="Name">The vendor's name for the figure, as its API spells it.</param>
/// <param name="Value">The figure, as the vendor sent it.</param>
/// <param name="Unit">Its unit, as the vendor's documentation states it (<c>credit</c>, <c>s</c>, <c>image</c>).</param>
public sealed record ImageEditUsage(string Name, decimal Value, string Unit)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} = {Value} {Unit}");
}
