namespace QwenImageEdit;

/// <summary>
/// The <c>ImageGenerationOptions.AdditionalProperties</c> names that map to <see cref="ImageEditRequest"/> members.
/// Any other name is passed as a vendor parameter (<see cref="ImageEditRequest.VendorParameters"/>), and refused before
/// sending if the vendor does not take it.
/// </summary>
public static class ImageEditOptionNames
{
    /// <summary><see cref="ImageEditRequest.NegativePrompt"/> (text).</summary>
    public const string NegativePrompt = "negative_prompt";

    /// <summary><see cref="ImageEditRequest.Seed"/> (an integer).</summary>
    public const string Seed = "seed";

    /// <summary><see cref="ImageEditRequest.SafetyChecker"/> (true or false).</summary>
    public const string SafetyChecker = "safety_checker";

    /// <summary><see cref="ImageEditRequest.CallbackUrl"/> (an absolute HTTPS URL).</summary>
    public const string CallbackUrl = "callback_url";
}
