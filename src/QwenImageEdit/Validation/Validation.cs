using System.Collections.Generic;

namespace QwenImageEdit;

/// <summary>Folds the generated models' <c>Validate()</c> results into the facade's errors.</summary>
internal static class Validation
{
    public static void AddGenerated(ICollection<ImageEditValidationError> errors, IReadOnlyList<OpenApiGen.Runtime.ValidationError> generated)
    {
        foreach (var error in generated)
        {
            // The path is the vendor's wire path ($.image_urls[1]): it names the field the vendor would reject.
            errors.Add(new ImageEditValidationError(error.Path, error.Message));
        }
    }
}
